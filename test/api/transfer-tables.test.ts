import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_ARR_MAX, type HeadwayExport, HeadwayExportSchema } from '../../src/contract';
import type { DatabaseHandle } from '../../src/db/client';
import {
  assessments,
  cycles,
  itemStateChanges,
  items,
  roadmapSnapshots,
  savedViews,
  users,
  workflowStates,
  workspaces,
} from '../../src/db/schema';
import { findLatestHealthUpdates } from '../../src/server/commands/health-updates';
import { exportWorkspace } from '../../src/server/commands/transfer';
import { importWorkspace } from '../../src/server/commands/transfer-import';
import { AppError } from '../../src/server/errors';
import { createTestDatabase } from '../support/database';
import { fillEveryTable } from '../support/every-table';
import { buildImportFile } from '../support/import-file';
import { addPortalVisitors, portalOf } from '../support/portal-transfer';

let handle: DatabaseHandle;
let filled: Awaited<ReturnType<typeof fillEveryTable>>;
let alice: string;

/** The file as a client sends it: through JSON and the route's schema. */
const asSent = (doc: HeadwayExport): HeadwayExport =>
  HeadwayExportSchema.parse(JSON.parse(JSON.stringify(doc)));

/** The rows a list names by id, counted: a table that disappeared from the file leaves a 0. */
const V2_LISTS = [
  'workflowStates',
  'cycles',
  'savedViews',
  'proposals',
  'healthUpdates',
  'deployments',
  'incidents',
  'companies',
  'evidence',
  'ideaAdoptions',
  'portalSubmissions',
] as const;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  filled = await fillEveryTable(db);
  alice = filled.userIds[0] as string;
  const ws = filled.workspaceId;
  // The filler's assessment and roadmap hold placeholder documents an import refuses; the
  // transfer test carries real ones. What this file is about is the workspace tables.
  await db.delete(assessments).where(eq(assessments.workspaceId, ws));
  await db.delete(roadmapSnapshots).where(eq(roadmapSnapshots.workspaceId, ws));
  // A feature sits under an epic (the filler's parent is a feature), whose health is called.
  await db.update(items).set({ type: 'epic' }).where(eq(items.id, filled.parentId));
  // A state of the team's own, an item in it, a closed cycle that carried it to the next, and a
  // shared view: every reference between the tables has something to carry.
  const [triage] = await db
    .insert(workflowStates)
    .values({
      workspaceId: ws,
      name: 'Triage',
      category: 'backlog',
      builtinState: 'new',
      position: 6,
      wipLimit: 3,
      waiting: true,
    })
    .returning({ id: workflowStates.id });
  // A state the team marks blocked, so the file carries that flag too.
  await db.insert(workflowStates).values({
    workspaceId: ws,
    name: 'Blocked',
    category: 'started',
    builtinState: 'in_progress',
    position: 7,
    blocked: true,
  });
  await db
    .update(items)
    .set({ workflowStateId: triage?.id ?? null })
    .where(eq(items.id, filled.childId));
  // The item's history says it entered that state, for the flow metrics of the team's states.
  await db.insert(itemStateChanges).values({
    workspaceId: ws,
    itemId: filled.childId,
    fromState: 'new',
    toState: 'new',
    toWorkflowStateId: triage?.id ?? null,
    changedBy: alice,
    changedAt: new Date('2026-03-02T09:00:00Z'),
  });
  const [next] = await db
    .insert(cycles)
    .values({ workspaceId: ws, name: 'Sprint 2', startDate: '2026-03-16', endDate: '2026-03-27' })
    .returning({ id: cycles.id });
  await db
    .update(cycles)
    .set({
      closedAt: new Date('2026-03-13T17:00:00Z'),
      closedBy: alice,
      carriedOverItemIds: [filled.childId],
      carriedToCycleId: next?.id ?? null,
    })
    .where(and(eq(cycles.workspaceId, ws), sql`${cycles.id} <> ${next?.id}`));
  await db.insert(savedViews).values({
    workspaceId: ws,
    ownerId: alice,
    name: 'Open features',
    shared: true,
    query: { type: 'feature', assignee: alice, view: 'grouped' },
  });
  await addPortalVisitors(db, ws, filled.childId);
});
afterAll(() => handle.close());

describe('Headway JSON with the workspace tables', () => {
  it('should give the same file after export → import → export when every table has rows', async () => {
    const first = asSent(await exportWorkspace(handle.db, filled.workspaceId));
    expect(first.formatVersion).toBe(2);
    for (const list of V2_LISTS) expect(first[list]?.length ?? 0, list).toBeGreaterThan(0);
    const child = first.items.find((it) => it.number === 2);
    expect(child?.workflowState).toBe('Triage');
    expect(first.workflowStates?.find((s) => s.name === 'Triage')).toMatchObject({
      waiting: true,
      blocked: false,
    });
    expect(first.workflowStates?.find((s) => s.name === 'Blocked')).toMatchObject({
      waiting: false,
      blocked: true,
    });
    expect(first.stateHistory.filter((h) => h.workflowState === 'Triage')).toHaveLength(1);
    expect(child?.cycle).toBe(0);
    expect(first.cycles[0]?.carriedTo).toBe(1);
    expect(first.cycles[0]?.carriedOver).toEqual([2]);
    expect(first.evidence[0]?.company).toBe(0);
    // The account owner travels by e-mail, like every other person the file names.
    const [owner] = await handle.db.select({ email: users.email }).from(users).where(eq(users.id, alice));
    expect(first.companies[0]?.owner).toBe(owner?.email);
    expect(first.evidence[0]?.item).toBe(2);
    expect(first.ideaAdoptions[0]).toMatchObject({ item: 2, reach: 3, outOf: 40, impact: 0.1 + 0.2 });
    expect(first.proposals[0]?.logEntry).toBe(1);
    expect(first.healthUpdates[0]?.item).toBe(1);
    // The personal view stays its owner's; the shared one names its owner by e-mail.
    expect(first.savedViews.map((v) => v.name)).toEqual(['Open features']);
    expect(first.savedViews[0]?.query.assignee).toMatch(/^user:.+@/);
    // No secret of the workspace travels: tokens, webhook endpoints, the GitHub connection.
    const text = JSON.stringify(first);
    for (const secret of [
      'whsec_x',
      'token-hash',
      'ingest-hash',
      'hooks.example.com',
      'sealed',
      'c'.repeat(64),
    ])
      expect(text).not.toContain(secret);

    expect(first.portal).toEqual({ slug: 'acme-ideas', published: true });
    // The address that stopped the portal's notices stays stopped wherever the workspace goes.
    expect(first.portalOptOuts.map((o) => o.email)).toEqual(['zoe@acme.com']);
    // The follow, the vote and the filler's note approved, the idea pending: no unverified or rejected one.
    expect(first.portalSubmissions.map((p) => [p.kind, p.status, p.item, p.evidence])).toEqual([
      ['follow', 'approved', 2, null],
      ['vote', 'approved', 2, 1],
      ['idea', 'pending', null, null],
      ['evidence', 'approved', 2, 0],
    ]);

    // The portal moves to a server where its address is free (here: one nobody holds yet).
    const moved = { ...first, portal: { slug: 'acme-ideas-moved', published: true } };
    const imported = await importWorkspace(handle.db, alice, moved);
    expect(imported.id).not.toBe(filled.workspaceId);
    expect(imported.warnings).toEqual([]);
    const second = asSent(await exportWorkspace(handle.db, imported.id));
    // The importer's account is the only one here: the view's assignee filter has no one to name.
    const { assignee: _dropped, ...query } = first.savedViews[0]?.query ?? {};
    expect(second).toEqual({ ...moved, savedViews: [{ ...first.savedViews[0], query }] });
    const before = await portalOf(handle.db, filled.workspaceId);
    const after = await portalOf(handle.db, imported.id);
    expect(after.setting).toEqual([{ slug: 'acme-ideas-moved', published: true }]);
    const t = (s: string) => new Date(s);
    const common = { tokenHash: null, evidenceWorkspace: imported.id };
    expect(after.rows).toEqual([
      {
        ...common,
        kind: 'follow',
        item: 2,
        title: null,
        body: null,
        importance: null,
        email: 'lee@acme.com',
        status: 'approved',
        evidence: null,
        evidenceWorkspace: null,
        version: 1,
        createdAt: t('2026-03-05T08:00:00Z'),
        verifiedAt: t('2026-03-05T09:00:00Z'),
        moderatedAt: null,
      },
      {
        ...common,
        kind: 'vote',
        item: 2,
        title: null,
        body: null,
        importance: 1,
        email: 'vic@acme.com',
        status: 'approved',
        evidence: 'Voted on the portal',
        version: 2,
        createdAt: t('2026-03-05T09:10:00Z'),
        verifiedAt: t('2026-03-05T09:30:00Z'),
        moderatedAt: t('2026-03-06T10:00:00Z'),
      },
      {
        ...common,
        kind: 'idea',
        item: null,
        title: 'Dark mode',
        body: 'For the night shift, please',
        importance: 0,
        email: 'nia@acme.com',
        status: 'pending',
        evidence: null,
        evidenceWorkspace: null,
        version: 1,
        createdAt: t('2026-03-07T11:00:00Z'),
        verifiedAt: t('2026-03-07T12:00:00Z'),
        moderatedAt: null,
      },
      {
        ...common,
        ...before.rows.find((r) => r.kind === 'evidence'),
        evidenceWorkspace: imported.id,
      },
    ]);
    expect(before.rows.filter((r) => r.tokenHash !== null)).toHaveLength(2);
    // A call that came in the file is shown as the file's, never as an account's.
    const [call] = await findLatestHealthUpdates(handle.db, imported.id);
    expect(call?.authorId).toBeNull();
    expect(call?.authorName).toBe(`${first.healthUpdates[0]?.author} in the imported file`);
  });

  it('should import a portal whose address is taken here unpublished, at another address, and say so', async () => {
    const file = asSent(await exportWorkspace(handle.db, filled.workspaceId));
    const ws = await importWorkspace(handle.db, alice, {
      ...file,
      workspace: { ...file.workspace, name: 'Taken portal' },
    });
    const { setting, rows } = await portalOf(handle.db, ws.id);
    expect(setting).toHaveLength(1);
    expect(setting[0]?.published).toBe(false);
    expect(setting[0]?.slug).toMatch(/^acme-ideas-[0-9a-f]{6}$/);
    expect(ws.warnings).toEqual([
      `portal: the address "acme-ideas" is taken on this server, so the portal was imported unpublished at "${setting[0]?.slug}"; choose its address and publish it from the Ideas page`,
    ]);
    // The portal's submissions come all the same; the workspace that holds the address keeps it.
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['follow', 'approved'],
      ['vote', 'approved'],
      ['idea', 'pending'],
      ['evidence', 'approved'],
    ]);
    expect((await portalOf(handle.db, filled.workspaceId)).setting).toEqual([
      { slug: 'acme-ideas', published: true },
    ]);
  });

  it('should never put a portal verification secret or its hash in the file', async () => {
    const file = asSent(await exportWorkspace(handle.db, filled.workspaceId));
    const text = JSON.stringify(file);
    for (const secret of ['token', 'Token', 'portal-unverified-hash', 'portal-rejected-hash', 'una@', 'rex@'])
      expect(text).not.toContain(secret);
    expect(Object.keys(file.portalSubmissions[0] ?? {})).toEqual([
      'kind',
      'item',
      'title',
      'body',
      'importance',
      'email',
      'status',
      'evidence',
      'version',
      'createdAt',
      'verifiedAt',
      'moderatedAt',
    ]);
  });

  it('should import a formatVersion 1 file with the default workflow', async () => {
    const old = asSent(buildImportFile({ importer: 'old@example.com', named: 'someone@example.com' }));
    expect(old.formatVersion).toBe(1);
    const ws = await importWorkspace(handle.db, alice, old);
    const again = await exportWorkspace(handle.db, ws.id);
    expect(again.formatVersion).toBe(2);
    expect(again.workflowStates?.map((s) => s.name)).toEqual([
      'New',
      'Ready',
      'In progress',
      'In review',
      'Done',
      'Cancelled',
    ]);
    expect(again.items.length).toBe(old.items.length);
    expect(again.cycles).toEqual([]);
  });

  it('should import a file written before states could be blocked with no state blocked', async () => {
    const file = asSent(await exportWorkspace(handle.db, filled.workspaceId));
    const before: HeadwayExport = {
      ...file,
      workspace: { ...file.workspace, name: 'Before blocked' },
      workflowStates: file.workflowStates?.map(({ blocked: _absent, ...s }) => s),
    };
    const ws = await importWorkspace(handle.db, alice, asSent(before));
    const again = await exportWorkspace(handle.db, ws.id);
    expect(again.workflowStates?.map((s) => [s.name, s.waiting, s.blocked])).toContainEqual([
      'Blocked',
      false,
      false,
    ]);
    expect(again.workflowStates?.every((s) => s.blocked === false)).toBe(true);
  });

  it('should refuse a company revenue the app could not save again, and take exactly the limit', async () => {
    const file = asSent(await exportWorkspace(handle.db, filled.workspaceId));
    const withArr = (arr: number) => ({
      ...file,
      companies: file.companies.map((c, i) => (i === 0 ? { ...c, arr } : c)),
    });
    const refused = HeadwayExportSchema.safeParse(withArr(COMPANY_ARR_MAX + 1));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['companies.0.arr', 'give the annual revenue as at most 2,000,000,000, the most a company keeps'],
    ]);
    expect(HeadwayExportSchema.safeParse(withArr(COMPANY_ARR_MAX)).success).toBe(true);
  });

  it('should refuse, writing nothing, a file whose references between the tables point nowhere', async () => {
    const file = asSent(await exportWorkspace(handle.db, filled.workspaceId));
    const broken: HeadwayExport = {
      ...file,
      workspace: { ...file.workspace, name: 'Broken refs' },
      items: file.items.map((it) => (it.number === 2 ? { ...it, workflowState: 'Nowhere', cycle: 9 } : it)),
      evidence: file.evidence.map((e) => ({ ...e, company: 5 })),
      proposals: file.proposals.map((p) => ({ ...p, logEntry: 99 })),
      healthUpdates: file.healthUpdates.map((h) => ({ ...h, item: 77 })),
      cycles: file.cycles.map((c) => ({ ...c, carriedTo: 4 })),
      workflowStates: file.workflowStates?.map((s) => (s.name === 'Triage' ? { ...s, blocked: true } : s)),
      ideaAdoptions: file.ideaAdoptions.map((a) => ({ ...a, item: 88, outOf: 1, reach: 2 })),
      portalSubmissions: file.portalSubmissions.map((p) => ({ ...p, item: 66, evidence: 7 })),
    };
    const triage = file.workflowStates?.findIndex((s) => s.name === 'Triage');
    const error = await importWorkspace(handle.db, alice, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const problems = ((error as AppError).details as { problems: string[] }).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'items[1].workflowState: there is no state "Nowhere" in workflowStates',
        'items[1].cycle: there is no cycles[9] in this file',
        'evidence[0].company: there is no companies[5] in this file',
        'proposals[0].logEntry: there is no decisions[99] in this file',
        'healthUpdates[0].item: there is no item #77 in this file',
        'cycles[0].carriedTo: there is no cycles[4] in this file',
        `workflowStates[${triage}].blocked: "Triage" stands for new (backlog); only a state of started work can be blocked`,
        'ideaAdoptions[0].item: there is no item #88 in this file',
        'ideaAdoptions[0].outOf: is below the reach',
        'portalSubmissions[0].item: there is no item #66 in this file',
        'portalSubmissions[0].evidence: there is no evidence[7] in this file',
      ]),
    );
    const named = await handle.db.select().from(workspaces).where(eq(workspaces.name, 'Broken refs'));
    expect(named).toHaveLength(0);
  });
});
