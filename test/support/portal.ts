/**
 * A workspace for the ideas-portal tests: a team (founder, CPO, developer, viewer), two ideas
 * from imported evidence (SSO from Initrode at acme.com, Export from Globex), a server that mails
 * into a local SMTP sink, and the helpers a visitor's journey needs.
 */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import type { IdeaList, PortalQueue, PortalSubmissionView } from '../../src/contract';
import type { evidence, items, portalSubmissions } from '../../src/db/schema';
import { createTestApp, databaseOf } from './app';
import { TestClient } from './client';
import { type SmtpSink, startSmtpSink } from './smtp-sink';
import { createTeam, type Team } from './team';

export const SLUG = 'acme-ideas';
export const PORTAL = `/api/public/portal/${SLUG}`;

export const EVIDENCE = [
  'external_id,created_at,source_type,source_url,requester_email,company,text,idea_ref,importance',
  'ev-1,2026-10-01,sales,,ana@acme.com,Initrode,Needs SSO,SSO,3',
  'ev-2,2026-10-02,support,,li@globex.com,Globex,Export to CSV,Export,1',
].join('\n');
const COMPANIES = ['external_id,name,domains,arr,tier,segment', 'c-1,Initrode,acme.com,12000,gold,smb'].join(
  '\n',
);

export interface PortalWorld {
  ctx: Awaited<ReturnType<typeof createTestApp>>;
  team: Team;
  sink: SmtpSink;
}

/** Makes the world before the file's tests and closes it after them. */
export function preparePortalWorld(): PortalWorld {
  const world = {} as PortalWorld;
  beforeAll(async () => {
    world.sink = await startSmtpSink();
    world.ctx = await createTestApp({
      mail: {
        smtpUrl: world.sink.url,
        from: 'Headway <headway@example.com>',
        publicUrl: 'https://headway.example.com',
      },
    });
    world.team = await createTeam(world.ctx.app, ['founder', 'cpo', 'developer', 'viewer']);
    const imported = await world.team.cpo.post(`${workspacePath(world)}/evidence/import`, {
      evidenceCsv: EVIDENCE,
      companiesCsv: COMPANIES,
    });
    expect(imported.status).toBe(200);
  });
  afterAll(async () => {
    await world.ctx.close();
    await world.sink.close();
  });
  return world;
}

/** `/api/workspaces/{id}` of the world's workspace. */
export function workspacePath(world: PortalWorld): string {
  return `/api/workspaces/${world.team.workspaceId}`;
}

let n = 0;
/** A signed-out visitor from an address of its own, so each has its own counters. */
export function visitor(world: PortalWorld): TestClient {
  n += 1;
  const client = new TestClient(world.ctx.app);
  client.address = `203.0.113.${n}`;
  return client;
}

/** The token of the last verification link mailed to an address. */
export function tokenMailedTo(world: PortalWorld, email: string): string {
  const mail = world.sink.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === email).at(-1);
  const token = /token=(hwp_[A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no link was mailed to ${email}`);
  return token;
}

/** The number of the idea an evidence reference names. */
export async function ideaNumber(world: PortalWorld, ref: string): Promise<number> {
  const list = (await world.team.cpo.get<IdeaList>(`${workspacePath(world)}/ideas`)).body;
  const idea = list.ideas.find((i) => i.ref === ref);
  if (!idea) throw new Error(`no idea ${ref}`);
  return idea.number;
}

/** How many rows a table holds. */
export async function rowCount(
  world: PortalWorld,
  table: typeof evidence | typeof portalSubmissions | typeof items,
): Promise<number> {
  const [row] = await databaseOf(world.ctx.app).select({ n: count() }).from(table);
  return row?.n ?? 0;
}

/** The moderation queue, as the developer reads it. */
export async function queue(world: PortalWorld): Promise<PortalSubmissionView[]> {
  const res = await world.team.developer.get<PortalQueue>(`${workspacePath(world)}/portal/submissions`);
  expect(res.status).toBe(200);
  return res.body.submissions;
}
