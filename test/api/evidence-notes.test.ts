/**
 * Customer notes one by one: read, corrected, moved, split, and an idea merged into its
 * duplicate with its notes; every change at the version seen, all or nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EvidenceImportReport,
  EvidenceNoteList,
  EvidenceNoteView,
  Item,
  MergedIdea,
} from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let other: Team;
let base: string;
let sso: Item;
let login: Item;

async function notesOn(itemId: string) {
  const res = await team.developer.get<EvidenceNoteList>(`${base}/evidence?itemId=${itemId}`);
  expect(res.status).toBe(200);
  return res.body.data;
}

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cpo', 'developer', 'viewer']);
  other = await createTeam(ctx.app, ['founder']);
  base = `/api/workspaces/${team.workspaceId}`;
  sso = (await team.cpo.post<Item>(`${base}/items`, { type: 'feature', title: 'SSO' })).body;
  login = (await team.cpo.post<Item>(`${base}/items`, { type: 'feature', title: 'Single sign-on' })).body;
  const sent = await team.cpo.post<EvidenceImportReport>(`${base}/evidence`, {
    evidence: [
      { external_id: 'n1', text: 'Needs SSO', requester_email: 'ana@acme.com', idea_ref: `#${sso.number}` },
      {
        external_id: 'n2',
        text: 'SSO, and a bulk export',
        requester_email: 'bo@globex.com',
        idea_ref: `#${sso.number}`,
        importance: 2,
      },
      {
        external_id: 'n3',
        text: 'Okta login',
        requester_email: 'li@initech.io',
        idea_ref: `#${login.number}`,
      },
    ],
  });
  expect(sent.body.written).toBe(true);
});
afterAll(() => ctx.close());

describe('a note', () => {
  it('should be read by any member, per idea', async () => {
    const notes = await team.viewer.get<EvidenceNoteList>(`${base}/evidence?itemId=${sso.id}`);
    expect(notes.status).toBe(200);
    expect(notes.body.data.map((n) => [n.externalId, n.requesterEmail, n.text])).toEqual([
      ['n1', 'ana@acme.com', 'Needs SSO'],
      ['n2', 'bo@globex.com', 'SSO, and a bulk export'],
    ]);
  });

  it('should be corrected at the version seen, and a stale correction refused, changing nothing', async () => {
    const [note] = await notesOn(sso.id);
    const res = await team.cpo.patch<EvidenceNoteView>(`${base}/evidence/${note!.id}`, {
      version: note!.version,
      text: 'Needs SSO before renewal',
      importance: 3,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      text: 'Needs SSO before renewal',
      importance: 3,
      version: note!.version + 1,
    });
    const stale = await team.cpo.patch(`${base}/evidence/${note!.id}`, {
      version: note!.version,
      text: 'Old',
    });
    expect(stale.status).toBe(409);
    expect((await notesOn(sso.id))[0]?.text).toBe('Needs SSO before renewal');
  });

  it('should refuse a move to another workspace’s item, a bad id, an empty change and a viewer', async () => {
    const [note] = await notesOn(sso.id);
    const foreign = (
      await other.founder.post<Item>(`/api/workspaces/${other.workspaceId}/items`, {
        type: 'feature',
        title: 'Theirs',
      })
    ).body;
    const moved = await team.cpo.patch<{ error: { message: string } }>(`${base}/evidence/${note!.id}`, {
      version: note!.version,
      itemId: foreign.id,
    });
    expect(moved.status).toBe(400);
    expect(moved.body.error.message).toBe(`itemId: there is no item ${foreign.id} in this workspace`);
    expect((await team.cpo.patch(`${base}/evidence/not-a-uuid`, { version: 1, text: 'x' })).status).toBe(404);
    const script = await team.cpo.patch(`${base}/evidence/${note!.id}`, {
      version: note!.version,
      sourceUrl: 'javascript:alert(1)',
    });
    expect(script.status).toBe(400);
    expect((await team.cpo.patch(`${base}/evidence/${note!.id}`, { version: note!.version })).status).toBe(
      400,
    );
    const viewer = await team.viewer.patch(`${base}/evidence/${note!.id}`, {
      version: note!.version,
      text: 'x',
    });
    expect(viewer.status).toBe(403);
    const elsewhere = await other.founder.patch(`${base}/evidence/${note!.id}`, {
      version: note!.version,
      text: 'x',
    });
    expect(elsewhere.status).toBe(404);
    expect((await notesOn(sso.id))[0]).toEqual(note);
  });

  it('should split into one note per idea, from the same customer', async () => {
    const note = (await notesOn(sso.id)).find((n) => n.externalId === 'n2')!;
    const res = await team.cpo.post<EvidenceNoteList>(`${base}/evidence/${note.id}/split`, {
      version: note.version,
      parts: [
        { text: 'SSO', itemId: sso.id },
        { text: 'A bulk export', itemId: null, importance: 1 },
      ],
    });
    expect(res.status).toBe(200);
    expect(
      res.body.data.map((n) => [n.id === note.id, n.text, n.itemId, n.requesterEmail, n.importance]),
    ).toEqual([
      [true, 'SSO', sso.id, 'bo@globex.com', 2],
      [false, 'A bulk export', null, 'bo@globex.com', 1],
    ]);
    expect(res.body.data[1]?.givenAt).toBe(note.givenAt);
  });
});

describe('merging an idea into its duplicate', () => {
  it('should refuse a developer, a stale version and a merge into itself, moving nothing', async () => {
    const dev = await team.developer.post(`${base}/ideas/${login.id}/merge`, {
      into: sso.id,
      version: login.version,
    });
    expect(dev.status).toBe(403);
    const stale = await team.cpo.post(`${base}/ideas/${login.id}/merge`, {
      into: sso.id,
      version: login.version + 5,
    });
    expect(stale.status).toBe(409);
    const self = await team.cpo.post(`${base}/ideas/${login.id}/merge`, {
      into: login.id,
      version: login.version,
    });
    expect(self.status).toBe(400);
    expect((await notesOn(login.id)).map((n) => n.externalId)).toEqual(['n3']);
  });

  it('should move the notes to the idea that stays and cancel the duplicate with the link in its history', async () => {
    const res = await team.cpo.post<MergedIdea>(`${base}/ideas/${login.id}/merge`, {
      into: sso.id,
      version: login.version,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ into: sso.id, movedNotes: 1, movedPortalSubmissions: 0 });
    expect(await notesOn(login.id)).toEqual([]);
    expect((await notesOn(sso.id)).map((n) => n.externalId)).toEqual(['n1', 'n2', 'n3']);
    const duplicate = await team.cpo.get<Item>(`${base}/items/${login.id}`);
    expect(duplicate.body.state).toBe('cancelled');
    const log = await team.cpo.get<{ data: { rationale: string | null }[] }>(
      `${base}/decisions?itemId=${login.id}`,
    );
    expect(log.body.data.map((d) => d.rationale)).toContain(
      `Duplicate of #${sso.number} “SSO”: its 1 note(s) and 0 portal submission(s) moved there`,
    );
  });
});
