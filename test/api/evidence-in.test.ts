/**
 * Evidence sent by other tools: notes as JSON and forwarded e-mails, checked as CSV rows are and
 * written all or nothing.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceImportReport, Item } from '../../src/contract';
import { evidence } from '../../src/db/schema';
import { createTestApp, databaseOf } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;
let idea: Item;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cpo', 'viewer']);
  base = `/api/workspaces/${team.workspaceId}`;
  idea = (await team.cpo.post<Item>(`${base}/items`, { type: 'feature', title: 'Bulk export' })).body;
  const company = await team.cpo.post(`${base}/companies`, { name: 'Acme', domains: ['acme.com'] });
  expect(company.status).toBe(201);
});
afterAll(() => ctx.close());

async function notes() {
  return databaseOf(ctx.app)
    .select({
      externalId: evidence.externalId,
      sourceType: evidence.sourceType,
      requester: evidence.requesterEmail,
      body: evidence.body,
      importance: evidence.importance,
      itemId: evidence.itemId,
      companyId: evidence.companyId,
    })
    .from(evidence)
    .where(eq(evidence.workspaceId, team.workspaceId));
}

describe('notes sent as JSON', () => {
  it('should write every note, find the company from the e-mail, and update a note sent again', async () => {
    const sent = await team.cpo.post<EvidenceImportReport>(`${base}/evidence`, {
      evidence: [
        {
          external_id: 'zd-101',
          source_type: 'support',
          source_url: 'https://desk.example.com/tickets/101',
          requester_email: 'Ana@acme.com',
          text: 'We need every invoice in one file',
          idea_ref: `#${idea.number}`,
          importance: 3,
        },
        { external_id: 'slack-7', text: 'Dark mode, please', idea_ref: 'Dark mode', importance: '1' },
      ],
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ written: true, evidenceCreated: 2, evidenceUpdated: 0, problems: [] });
    const first = (await notes()).find((n) => n.externalId === 'zd-101');
    expect(first).toMatchObject({
      sourceType: 'support',
      requester: 'ana@acme.com',
      importance: 3,
      itemId: idea.id,
    });
    expect(first?.companyId).not.toBeNull();

    const again = await team.cpo.post<EvidenceImportReport>(`${base}/evidence`, {
      evidence: [
        {
          external_id: 'zd-101',
          text: 'Every invoice in one CSV',
          idea_ref: `#${idea.number}`,
          importance: 2,
        },
      ],
    });
    expect(again.body).toMatchObject({ written: true, evidenceCreated: 0, evidenceUpdated: 1 });
    expect((await notes()).filter((n) => n.externalId === 'zd-101')).toMatchObject([
      { body: 'Every invoice in one CSV', importance: 2 },
    ]);
  });

  it('should refuse the whole call, writing nothing, when one note is wrong, naming its position', async () => {
    const before = await notes();
    const res = await team.cpo.post<EvidenceImportReport>(`${base}/evidence`, {
      evidence: [
        { external_id: 'ok-1', text: 'Fine note' },
        { external_id: 'bad-2', text: 'Too important', importance: '7', source_url: 'javascript:alert(1)' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.written).toBe(false);
    expect(res.body.problems).toEqual([
      {
        file: 'evidence',
        row: 2,
        column: 'source_url',
        message: 'give a link that starts with http:// or https:// (other schemes are not kept)',
        severity: 'error',
      },
      {
        file: 'evidence',
        row: 2,
        column: 'importance',
        message: 'give the importance as 0 (not important), 1, 2 or 3 (critical)',
        severity: 'error',
      },
    ]);
    expect(await notes()).toEqual(before);
  });

  it('should answer 400 for a body that is not a list of notes, and 403 for a viewer', async () => {
    const empty = await team.cpo.post(`${base}/evidence`, { evidence: [] });
    expect(empty.status).toBe(400);
    const unknown = await team.cpo.post(`${base}/evidence`, { evidence: [{ text: 'x', votes: 3 }] });
    expect(unknown.status).toBe(400);
    const huge = await team.cpo.post(`${base}/evidence`, { evidence: [{ text: 'x', importance: 2 ** 31 }] });
    expect(huge.status).toBe(400);
    const nul = await team.cpo.post(`${base}/evidence`, { evidence: [{ text: 'a\u0000b' }] });
    expect(nul.status).toBe(400);
    const viewer = await team.viewer.post(`${base}/evidence`, { evidence: [{ text: 'x' }] });
    expect(viewer.status).toBe(403);
  });
});

const FORWARD = (subject: string) =>
  [
    'From: Sam Seller <sam@ourco.com>',
    'To: evidence@headway.example.com',
    `Subject: ${subject}`,
    'Date: Mon, 30 Nov 2026 10:15:00 +0000',
    'Message-ID: <fwd-42@mail.ourco.com>',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Third request this month.',
    '',
    '---------- Forwarded message ---------',
    'From: Bo Chen <bo@acme.com>',
    'Subject: Exports',
    '',
    'Could we get all invoices in one export?',
  ].join('\r\n');

describe('a forwarded e-mail', () => {
  it('should become one note from the customer who wrote it, on the idea its subject names', async () => {
    const res = await team.cpo.post<EvidenceImportReport>(`${base}/evidence/email`, {
      message: FORWARD(`Fwd: Exports #${idea.number}`),
      importance: 2,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ written: true, evidenceCreated: 1, problems: [] });
    const [note] = (await notes()).filter((n) => n.externalId === 'email:fwd-42@mail.ourco.com');
    expect(note).toMatchObject({
      sourceType: 'email',
      requester: 'bo@acme.com',
      importance: 2,
      itemId: idea.id,
    });
    expect(note?.companyId).not.toBeNull();
    expect(note?.body).toContain('Could we get all invoices in one export?');

    // The relay delivers it a second time: still one note, unchanged.
    const again = await team.cpo.post<EvidenceImportReport>(`${base}/evidence/email`, {
      message: FORWARD(`Fwd: Exports #${idea.number}`),
      importance: 2,
    });
    expect(again.body).toMatchObject({ written: true, evidenceCreated: 0, evidenceUpdated: 0 });
    const rows = await databaseOf(ctx.app)
      .select({ id: evidence.id })
      .from(evidence)
      .where(
        and(
          eq(evidence.workspaceId, team.workspaceId),
          eq(evidence.externalId, 'email:fwd-42@mail.ourco.com'),
        ),
      );
    expect(rows).toHaveLength(1);
  });

  it('should write nothing for text that is not an e-mail, and say what to send', async () => {
    const before = await notes();
    const res = await team.cpo.post<EvidenceImportReport>(`${base}/evidence/email`, {
      message: 'just some words',
    });
    expect(res.status).toBe(200);
    expect(res.body.written).toBe(false);
    expect(res.body.problems).toEqual([
      {
        file: 'evidence',
        row: 1,
        column: 'message',
        message:
          'this is not an e-mail: it has no headers (From:, Subject:, Date:); send the raw message as your mail relay received it',
        severity: 'error',
      },
    ]);
    expect(await notes()).toEqual(before);
  });
});
