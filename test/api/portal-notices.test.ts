/**
 * The ideas portal's notices: the people who follow or voted on an idea are told by e-mail of
 * each decision on it and its why, and of a promised date whose chance fell below the threshold,
 * each once; a failed e-mail is tried again on the next run; the stop link in each e-mail stops
 * them; an unpublished portal tells nothing.
 */
import type { ParsedMail } from 'mailparser';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IdeaList, Item, PortalSettings, PortalSubmissionView } from '../../src/contract';
import { todayIso } from '../../src/contract';
import { portalNotices } from '../../src/db/schema';
import { addDays } from '../../src/domain/shared';
import { sendPortalNotices } from '../../src/server/jobs/portal-notices';
import type { MailConfig } from '../../src/server/mail/brief-digest';
import { databaseOf } from '../support/app';
import {
  PORTAL,
  preparePortalWorld,
  queue,
  SLUG,
  tokenMailedTo,
  visitor,
  workspacePath,
} from '../support/portal';

const world = preparePortalWorld();
const W = () => workspacePath(world);
const FAN = 'fan@example.net';
const VOTER = 'vic@example.org';
const PORTAL_URL = `https://headway.example.com/portal/${SLUG}`;
const NOW = new Date('2026-12-03T10:00:00Z');

let workspaceName = '';
let sso: { itemId: string; number: number };

const config = (): MailConfig => ({
  smtpUrl: world.sink.url,
  from: 'Headway <headway@example.com>',
  publicUrl: 'https://headway.example.com',
});

async function run(mail: MailConfig = config(), logger = pino({ level: 'silent' })) {
  return sendPortalNotices(databaseOf(world.ctx.app), { config: mail, logger, now: NOW });
}

/** The notices the sink received since `from`, by recipient. */
function received(from: number): Map<string, ParsedMail> {
  const mails = world.sink.messages.slice(from);
  return new Map(mails.map((m) => [m.to && !Array.isArray(m.to) ? m.to.text : '', m]));
}

/** The stop link at the foot of a notice. */
function stopLinkOf(mail: ParsedMail | undefined): string {
  return /open: (\S+\/stop\?token=\S+)$/.exec(mail?.text?.trim() ?? '')?.[1] ?? '';
}

async function noticeRows(): Promise<number> {
  return (await databaseOf(world.ctx.app).select().from(portalNotices)).length;
}

async function decide(body: Record<string, unknown>) {
  const idea = (await world.team.cpo.get<IdeaList>(`${W()}/ideas`)).body.ideas.find(
    (i) => i.itemId === sso.itemId,
  );
  const res = await world.team.cpo.post(`${W()}/ideas/${sso.itemId}/decision`, {
    ...body,
    version: idea?.version,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

beforeAll(async () => {
  const published = await world.team.cpo.put(`${W()}/portal`, { published: true, slug: SLUG, version: 0 });
  expect(published.status).toBe(200);
  workspaceName = (await world.team.cpo.get<{ name: string }>(W())).body.name;
  const idea = (await world.team.cpo.get<IdeaList>(`${W()}/ideas`)).body.ideas.find((i) => i.ref === 'SSO');
  if (!idea) throw new Error('no SSO idea');
  sso = { itemId: idea.itemId, number: idea.number };
  // One address follows the idea; another votes for it, and the vote is approved.
  for (const sent of [
    { kind: 'follow', email: FAN, ideaNumber: sso.number },
    { kind: 'vote', email: VOTER, ideaNumber: sso.number, importance: 2 },
  ]) {
    const guest = visitor(world);
    expect((await guest.post(`${PORTAL}/submissions`, sent)).status).toBe(201);
    const token = tokenMailedTo(world, sent.email);
    expect((await guest.post(`${PORTAL}/verify`, { token })).status).toBe(200);
  }
  const [vote] = await queue(world);
  const approved = await world.team.developer.post<PortalSubmissionView>(
    `${W()}/portal/submissions/${vote?.id}/approve`,
    { version: vote?.version },
  );
  expect(approved.status).toBe(200);
});

describe('a decision on an idea asked for on the portal', () => {
  it('should tell each address once, with the decision, its why, the portal and how to stop', async () => {
    expect(await run()).toEqual({ sent: 0, failed: 0 });
    await decide({ outcome: 'declined', reason: 'Not this year: we focus on reports' });
    const from = world.sink.messages.length;
    expect(await run()).toEqual({ sent: 2, failed: 0 });
    const mails = received(from);
    expect([...mails.keys()].sort()).toEqual([FAN, VOTER]);
    const fan = mails.get(FAN);
    expect(fan?.subject).toBe(`#${sso.number} SSO was declined (${workspaceName} ideas portal)`);
    expect(fan?.from?.value[0]).toEqual({ name: workspaceName, address: 'headway@example.com' });
    expect(fan?.html).toBe(false);
    expect(fan?.text?.trim()).toBe(
      [
        `The ${workspaceName} team declined #${sso.number} SSO.`,
        '',
        'Why, in their words:',
        '',
        'Not this year: we focus on reports',
        '',
        `See it on the portal: ${PORTAL_URL}`,
        '',
        '--',
        `You get this e-mail because you follow #${sso.number} on the ${workspaceName} ideas portal with this address.`,
        `To get no more e-mails from the ${workspaceName} ideas portal, open: ${stopLinkOf(fan)}`,
      ].join('\n'),
    );
    expect(stopLinkOf(fan)).toMatch(new RegExp(`^${PORTAL_URL}/stop\\?token=hws_[A-Za-z0-9_-]{43}$`));
    expect(fan?.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\r\n\s+/g, ' ')).toBe(
      `List-Unsubscribe: <${stopLinkOf(fan)}>`,
    );
    expect(mails.get(VOTER)?.text).toContain(`because you asked for #${sso.number} on the`);

    expect(await run()).toEqual({ sent: 0, failed: 0 });
    expect(world.sink.messages.length).toBe(from + 2);
  });

  it('should tell them again of a new decision, with the review day of a parked idea', async () => {
    const reviewOn = addDays(todayIso(), 30);
    await decide({ outcome: 'parked', reason: 'After the reports', reviewOn });
    const from = world.sink.messages.length;
    expect(await run()).toEqual({ sent: 2, failed: 0 });
    const mails = received(from);
    expect(mails.get(VOTER)?.subject).toBe(
      `#${sso.number} SSO was parked until ${reviewOn} (${workspaceName} ideas portal)`,
    );
    expect(mails.get(FAN)?.text).toContain(`They will look at it again on ${reviewOn}.`);
    expect(mails.get(FAN)?.text).toContain('After the reports');
  });

  it('should keep nothing when the e-mail server fails, and send on the next run', async () => {
    await decide({ outcome: 'accepted', reason: 'Two renewals need it' });
    const rows = await noticeRows();
    const from = world.sink.messages.length;
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
    const down = { ...config(), smtpUrl: 'smtp://127.0.0.1:9' };
    expect(await run(down, logger)).toEqual({ sent: 0, failed: 2 });
    expect(await noticeRows()).toBe(rows);
    expect(world.sink.messages.length).toBe(from);
    expect(lines.filter((l) => l.includes('portal notice: e-mail not sent'))).toHaveLength(2);

    expect(await run()).toEqual({ sent: 2, failed: 0 });
    expect(await noticeRows()).toBe(rows + 2);
    expect(received(from).get(FAN)?.subject).toBe(
      `#${sso.number} SSO was accepted (${workspaceName} ideas portal)`,
    );
  });
});

describe('a promised date at risk', () => {
  it('should warn each address once per promised date when its chance falls below the threshold', async () => {
    const threshold = await world.team.cpo.put(`${W()}/ideas/alert-threshold`, {
      percent: 50,
      basedOn: null,
    });
    expect(threshold.status, JSON.stringify(threshold.body)).toBe(200);
    // Weeks of work, promised in two: the chance of the date is far below one in two.
    const item = (await world.team.cpo.get<Item>(`${W()}/items/${sso.itemId}`)).body;
    const estimated = await world.team.developer.patch<Item>(`${W()}/items/${sso.itemId}`, {
      version: item.version,
      estimate: { optimistic: 20, likely: 30, pessimistic: 45 },
    });
    expect(estimated.status, JSON.stringify(estimated.body)).toBe(200);
    const targetDate = addDays(todayIso(), 14);
    const dated = await world.team.cpo.patch<Item>(`${W()}/items/${sso.itemId}`, {
      version: estimated.body.version,
      targetDate,
    });
    expect(dated.status, JSON.stringify(dated.body)).toBe(200);
    const promise = (await world.team.cpo.get<IdeaList>(`${W()}/ideas`)).body.ideas.find(
      (i) => i.itemId === sso.itemId,
    )?.promise;
    expect(promise?.atRisk).toBe(true);

    const from = world.sink.messages.length;
    expect(await run()).toEqual({ sent: 2, failed: 0 });
    const fan = received(from).get(FAN);
    expect(fan?.subject).toBe(
      `#${sso.number} SSO may miss its date of ${targetDate} (${workspaceName} ideas portal)`,
    );
    const percent = `${Math.round((promise?.probability ?? 1) * 100)} %`;
    expect(fan?.text).toContain(
      `Their forecast now gives it a ${percent} chance of being done by then, below the 50 % they hold a promise to.`,
    );
    expect(fan?.text).toContain(`See it on the portal: ${PORTAL_URL}`);
    expect(await run()).toEqual({ sent: 0, failed: 0 });
    expect(world.sink.messages.length).toBe(from + 2);
  });
});

describe('the stop link at the foot of a notice', () => {
  it('should stop every notice to that address only, and a new confirmation starts them again', async () => {
    const [last] = world.sink.messages
      .filter((m) => m.to && !Array.isArray(m.to) && m.to.text === FAN)
      .slice(-1);
    const token = new URL(stopLinkOf(last)).searchParams.get('token');
    const guest = visitor(world);
    const stopped = await guest.post<{ message: string }>(`${PORTAL}/stop`, { token });
    expect(stopped.status).toBe(200);
    expect(stopped.body.message).toBe(
      `Done: the ${workspaceName} ideas portal sends no more e-mails to this address. Confirming something new on the portal starts them again.`,
    );
    expect((await guest.post(`${PORTAL}/stop`, { token })).status).toBe(200);
    const unknown = `hws_${'A'.repeat(43)}`;
    expect((await guest.post(`${PORTAL}/stop`, { token: unknown })).status).toBe(404);
    const malformed = await guest.post<{ error: { message: string } }>(`${PORTAL}/stop`, { token: 'hws_x' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('give the token from the link in the e-mail, unchanged');

    await decide({ outcome: 'parked', reason: 'Until the reports ship', reviewOn: addDays(todayIso(), 60) });
    let from = world.sink.messages.length;
    expect(await run()).toEqual({ sent: 1, failed: 0 });
    expect([...received(from).keys()]).toEqual([VOTER]);

    // The address follows again and confirms: it asked to hear again.
    expect(
      (await guest.post(`${PORTAL}/submissions`, { kind: 'follow', email: FAN, ideaNumber: sso.number }))
        .status,
    ).toBe(201);
    expect((await guest.post(`${PORTAL}/verify`, { token: tokenMailedTo(world, FAN) })).status).toBe(200);
    await decide({ outcome: 'accepted', reason: 'Reports shipped early' });
    from = world.sink.messages.length;
    expect(await run()).toEqual({ sent: 2, failed: 0 });
    expect([...received(from).keys()].sort()).toEqual([FAN, VOTER]);
  });
});

describe('an unpublished portal', () => {
  it('should tell no one of a decision while it is unpublished', async () => {
    const settings = (await world.team.cpo.get<PortalSettings>(`${W()}/portal`)).body;
    const off = await world.team.cpo.put(`${W()}/portal`, {
      published: false,
      slug: SLUG,
      version: settings.version,
    });
    expect(off.status).toBe(200);
    await decide({ outcome: 'declined', reason: 'Dropped with the portal' });
    const rows = await noticeRows();
    expect(await run()).toEqual({ sent: 0, failed: 0 });
    expect(await noticeRows()).toBe(rows);
  });
});
