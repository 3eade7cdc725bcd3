/**
 * A database with rows in every table Headway has, carrying the values that are hard to carry
 * across: microsecond timestamps, binary fractions, text with quotes, newlines, tabs, emoji and
 * line separators, nested JSON, nulls, a child item whose id sorts before its parent's, and an
 * amendment in the decision log. Rows are written directly (see factories.ts).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import {
  apiTokens,
  assessmentLeads,
  assessmentLinks,
  assessments,
  authThrottles,
  calendarFeeds,
  comments,
  companies,
  cycles,
  decisionLog,
  deployments,
  estimationSessions,
  estimationVotes,
  evidence,
  forecasts,
  githubDeliveries,
  healthUpdates,
  ideaAdoptions,
  importJobs,
  incidents,
  ingestTokens,
  invitations,
  itemDependencies,
  itemStateChanges,
  items,
  portalNotices,
  portalOptOuts,
  portalSubmissions,
  proposals,
  roadmapSnapshots,
  savedViews,
  scoringFormulas,
  sessions,
  targetDateSlips,
  webhookDeliveries,
  webhookEndpoints,
  workspaceEvents,
  workspacePortals,
} from '../../src/db/schema';
import { buildGithubConnection, buildUser, buildWorkspace } from './factories';

/** Text no serialisation step may change. */
export const AWKWARD_TEXT = 'Quote " back\\slash\nnew line\ttab \u2028 separator é ü 🚀 <b>&amp;</b>';

/** A timestamp with microseconds, which a JavaScript Date cannot hold. */
const MICROS = sql`'2026-03-04 05:06:07.123456+00'::timestamptz`;

/** Fills every table of a fresh database; returns the ids a test may want to look at. */
export async function fillEveryTable(db: Database) {
  const alice = await buildUser(db, { name: 'Alice Founder' });
  // An awkward name but a well-formed address, so a Headway JSON export of this workspace imports.
  const bob = await buildUser(db, {
    name: `Bob ${AWKWARD_TEXT}`,
    email: `bob.${Math.random().toString(36).slice(2, 10)}@example.com`,
  });
  const ws = await buildWorkspace(db, alice.id, 'Backup Co');
  const parentId = 'ffffffff-0000-4000-8000-000000000001';
  const childId = '00000000-0000-4000-8000-000000000002';
  const base = { workspaceId: ws.id, type: 'feature' as const, createdBy: alice.id };
  // The child comes first in id order, so a restore must link it to a parent it has not seen yet.
  await db.insert(items).values([
    {
      ...base,
      id: parentId,
      number: 1,
      title: 'Parent',
      rank: 'a0',
      estimateOptimistic: 0.1,
      estimateLikely: 0.30000000000000004,
      estimatePessimistic: 1e-7 * 1e8,
    },
    {
      ...base,
      id: childId,
      number: 2,
      title: AWKWARD_TEXT,
      rank: 'a1',
      parentId,
      scores: { rice: 0.1, note: 'x"y' },
      labels: ['α', 'b'],
      targetDate: '2999-12-31',
      updatedAt: MICROS,
    },
  ]);
  await db.execute(sql`update workspaces set next_item_number = 3 where id = ${ws.id}`);
  await db
    .insert(itemDependencies)
    .values({ workspaceId: ws.id, itemId: childId, dependsOnId: parentId, lagDays: 2 });
  await db
    .insert(itemStateChanges)
    .values({ workspaceId: ws.id, itemId: childId, toState: 'new', changedBy: bob.id, changedAt: MICROS });
  await db
    .insert(comments)
    .values({ workspaceId: ws.id, itemId: childId, authorId: bob.id, body: AWKWARD_TEXT });
  const [first] = await db
    .insert(decisionLog)
    .values({
      workspaceId: ws.id,
      decision: 'backlog_order',
      itemId: childId,
      actorId: alice.id,
      summary: 'moved',
      details: { deep: { list: [1, 2.5, null, 'x'] } },
    })
    .returning({ id: decisionLog.id });
  const [amendment] = await db
    .insert(decisionLog)
    .values({
      workspaceId: ws.id,
      decision: 'backlog_order',
      actorId: alice.id,
      summary: 'why given',
      rationale: AWKWARD_TEXT,
      amendsId: first?.id,
    })
    .returning({ id: decisionLog.id });
  await db.insert(targetDateSlips).values({
    workspaceId: ws.id,
    itemId: childId,
    fromDate: '2026-01-01',
    reason: 'late',
    movedBy: alice.id,
    decisionId: amendment?.id,
  });
  await db.insert(proposals).values({
    workspaceId: ws.id,
    itemId: childId,
    decision: 'scope',
    change: { kind: 'move_to', parentId: null },
    reason: AWKWARD_TEXT,
    status: 'declined',
    proposedBy: alice.id,
    decidedBy: alice.id,
    decidedAt: MICROS,
    response: 'no',
    decisionId: amendment?.id,
  });
  // The workflow states came with the workspace; a cycle holds the child item.
  const [cycle] = await db
    .insert(cycles)
    .values({
      workspaceId: ws.id,
      name: `Sprint ${AWKWARD_TEXT}`,
      startDate: '2026-03-02',
      endDate: '2026-03-13',
    })
    .returning({ id: cycles.id });
  await db.update(items).set({ cycleId: cycle!.id }).where(sql`${items.id} = ${childId}`);
  await db.insert(healthUpdates).values({
    workspaceId: ws.id,
    itemId: parentId,
    version: 1,
    status: 'at_risk',
    note: AWKWARD_TEXT,
    authorId: alice.id,
    createdAt: MICROS,
  });
  await db
    .insert(sessions)
    .values({ userId: alice.id, tokenHash: 'session-hash', csrfToken: 'csrf', expiresAt: MICROS });
  await db.insert(apiTokens).values({
    userId: alice.id,
    name: 'cli',
    tokenHash: 'token-hash',
    expiresAt: new Date('2027-01-01T00:00:00Z'),
  });
  await db
    .insert(authThrottles)
    .values({ scope: 'sign-in', key: 'Zz-key', attempts: 3, windowStartedAt: new Date() });
  await db
    .insert(authThrottles)
    .values({ scope: 'sign-in', key: 'aa-key', attempts: 1, windowStartedAt: new Date() });
  await db.insert(invitations).values({
    workspaceId: ws.id,
    tokenHash: 'invite-hash',
    email: 'c@example.com',
    role: 'developer',
    fte: 0.5,
    skills: ['go'],
    createdBy: alice.id,
    expiresAt: new Date('2027-01-01'),
  });
  await db
    .insert(calendarFeeds)
    .values({ workspaceId: ws.id, userId: alice.id, name: 'cal', tokenHash: 'feed-hash' });
  await db.insert(assessments).values({
    workspaceId: ws.id,
    number: 1,
    questionnaireVersion: 1,
    variant: 'short',
    doraYear: 2024,
    answers: { a: 1 },
    report: { score: 0.7 },
  });
  const [session] = await db
    .insert(estimationSessions)
    .values({ workspaceId: ws.id, title: 'Sizing', itemIds: [childId, parentId], createdBy: alice.id })
    .returning({ id: estimationSessions.id });
  if (!session) throw new Error('no estimation session');
  await db
    .insert(estimationVotes)
    .values({ sessionId: session.id, itemId: childId, voterId: bob.id, days: 1.5, size: 'M' });
  await db.insert(forecasts).values({
    workspaceId: ws.id,
    kind: 'throughput_when',
    subject: { items: 3 },
    method: 'mc',
    inputs: {},
    startDate: '2026-01-05',
    percentiles: [{ level: 85, date: '2026-02-01' }],
  });
  await db
    .insert(importJobs)
    .values({ userId: alice.id, status: 'failed', bytes: 10, error: { message: AWKWARD_TEXT } });
  await db.insert(roadmapSnapshots).values({
    workspaceId: ws.id,
    version: 1,
    startDate: '2026-01-05',
    plan: { items: [] },
    publishedBy: alice.id,
  });
  await db
    .insert(savedViews)
    .values({ workspaceId: ws.id, ownerId: bob.id, name: 'Mine', query: { q: 'x' } });
  const [link] = await db
    .insert(assessmentLinks)
    .values({ workspaceId: ws.id, name: 'website', tokenHash: 'link-hash', createdBy: alice.id })
    .returning({ id: assessmentLinks.id });
  await db.insert(assessmentLeads).values({
    workspaceId: ws.id,
    linkId: link?.id ?? null,
    email: 'lead@example.com',
    company: AWKWARD_TEXT,
    answers: { developers: 4 },
    report: { overall: 61 },
    overall: 61,
    consentedAt: MICROS,
  });
  await db
    .insert(ingestTokens)
    .values({ workspaceId: ws.id, name: AWKWARD_TEXT, tokenHash: 'ingest-hash', createdBy: alice.id });
  await db.insert(deployments).values({
    workspaceId: ws.id,
    key: AWKWARD_TEXT,
    environment: 'production',
    deployedAt: new Date('2026-03-04T05:06:07Z'),
    commitTimes: [new Date('2026-03-03T05:06:07.5Z'), new Date('2026-03-04T01:00:00Z')],
    succeeded: false,
  });
  await db.insert(incidents).values({
    workspaceId: ws.id,
    key: 'inc-1',
    openedAt: MICROS,
    resolvedAt: null,
    causedBy: AWKWARD_TEXT,
  });
  const connection = await buildGithubConnection(db, ws.id, { webhookSecret: AWKWARD_TEXT });
  await db
    .insert(githubDeliveries)
    .values({ connectionId: connection.id, deliveryId: AWKWARD_TEXT, event: 'issues' });
  await db
    .insert(scoringFormulas)
    .values({ workspaceId: ws.id, name: 'Value', expression: 'rice_reach * 2' });
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({
      workspaceId: ws.id,
      url: 'https://hooks.example.com/h?q=1',
      kinds: ['item', 'order'],
      secret: 'whsec_x',
      lastEventId: 2,
      createdBy: alice.id,
    })
    .returning({ id: webhookEndpoints.id });
  await db.insert(webhookDeliveries).values({
    endpointId: endpoint?.id ?? '',
    workspaceId: ws.id,
    eventId: 1,
    kind: 'order',
    payload: { event: 'itemMoved', note: AWKWARD_TEXT },
    status: 'failed',
    attempts: 7,
    responseCode: 503,
    durationMs: 12,
    error: AWKWARD_TEXT,
    lastAttemptAt: MICROS,
  });
  const [acme] = await db
    .insert(companies)
    .values({
      workspaceId: ws.id,
      externalId: 'co-1',
      name: AWKWARD_TEXT,
      domains: ['acme.com', 'acme.io'],
      arr: 0.1 + 0.2,
      tier: 'enterprise',
      ownerUserId: alice.id,
    })
    .returning({ id: companies.id });
  await db.insert(evidence).values({
    workspaceId: ws.id,
    itemId: childId,
    externalId: 'ev-1',
    sourceType: 'interview',
    sourceUrl: 'https://crm.example.com/n/1?a=1&b=2',
    requesterEmail: 'ana@acme.com',
    companyId: acme?.id ?? null,
    body: AWKWARD_TEXT,
    importance: 3,
    givenAt: MICROS,
    createdBy: bob.id,
  });
  await db.insert(ideaAdoptions).values({
    workspaceId: ws.id,
    itemId: childId,
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    unit: 'accounts',
    reach: 3,
    outOf: 40,
    impact: 0.1 + 0.2,
    note: AWKWARD_TEXT,
    recordedBy: bob.id,
    recordedAt: MICROS,
  });
  await db.insert(workspacePortals).values({ workspaceId: ws.id, slug: 'acme-ideas', published: true });
  const [portalEvidence] = await db.select({ id: evidence.id }).from(evidence).limit(1);
  await db.insert(portalSubmissions).values({
    workspaceId: ws.id,
    kind: 'evidence',
    itemId: childId,
    body: AWKWARD_TEXT,
    importance: 2,
    email: 'zoe@acme.com',
    status: 'approved',
    tokenExpiresAt: MICROS,
    verifiedAt: MICROS,
    moderatedBy: bob.id,
    moderatedAt: MICROS,
    evidenceId: portalEvidence?.id ?? null,
  });
  await db.insert(portalNotices).values({
    workspaceId: ws.id,
    itemId: childId,
    email: 'zoe@acme.com',
    kind: 'at-risk',
    key: '2026-12-01',
    stopTokenHash: 'c'.repeat(64),
    sentAt: MICROS,
  });
  await db.insert(portalOptOuts).values({ workspaceId: ws.id, email: 'zoe@acme.com', createdAt: MICROS });
  await db.insert(workspaceEvents).values([
    { workspaceId: ws.id, kind: 'itemMoved', itemIds: [childId, parentId], createdAt: MICROS },
    { workspaceId: ws.id, kind: 'snapshotPublished' },
  ]);
  return { workspaceId: ws.id, userIds: [alice.id, bob.id], parentId, childId };
}
