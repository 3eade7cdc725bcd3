/**
 * The workspace tables of Headway JSON formatVersion 2, as they are exported: the workflow,
 * cycles, shared saved views, proposals, health calls, delivery events, companies, evidence, the
 * adoption of shipped ideas and the ideas portal (transfer-portal.ts).
 * Rows of one list that point at rows of another (evidence → company, a cycle → the cycle its
 * unfinished items went to, a proposal → its decision-log entry) travel as indexes in the file,
 * items as numbers and people as e-mails (importing is in transfer-workspace-import.ts).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { HeadwayExport } from '../../contract';
import type { Database } from '../../db/client';
import {
  companies,
  cycles,
  deployments,
  evidence,
  healthUpdates,
  ideaAdoptions,
  incidents,
  proposals,
  savedViews,
  users,
  workflowStates,
} from '../../db/schema';
import { exportPortal } from './transfer-portal';

export type WorkspaceTables = Pick<
  HeadwayExport,
  | 'workflowStates'
  | 'cycles'
  | 'savedViews'
  | 'proposals'
  | 'healthUpdates'
  | 'deployments'
  | 'incidents'
  | 'companies'
  | 'evidence'
  | 'ideaAdoptions'
  | 'portal'
  | 'portalSubmissions'
  | 'portalOptOuts'
>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What the rest of the export knows: item numbers, and decision-log entries by their index. */
export interface ExportRefs {
  itemNumbers: Map<string, number>;
  logIndex: (id: number | null) => number | null;
}

/**
 * Reads the workspace tables of a workspace, in an order that does not depend on ids.
 * @returns the lists, plus each item's workflow state name and cycle index by item id
 */
export async function exportWorkspaceTables(
  db: Database,
  workspaceId: string,
  refs: ExportRefs,
): Promise<{ tables: WorkspaceTables; stateNames: Map<string, string>; cycleIndex: Map<string, number> }> {
  const stateRows = await db
    .select()
    .from(workflowStates)
    .where(eq(workflowStates.workspaceId, workspaceId))
    .orderBy(asc(workflowStates.position), asc(workflowStates.name));
  const cycleRows = await db
    .select()
    .from(cycles)
    .where(eq(cycles.workspaceId, workspaceId))
    .orderBy(asc(cycles.startDate), asc(cycles.createdAt));
  const viewRows = await db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.shared, true)))
    .orderBy(asc(savedViews.name));
  const proposalRows = await db
    .select()
    .from(proposals)
    .where(eq(proposals.workspaceId, workspaceId))
    .orderBy(asc(proposals.createdAt), asc(proposals.reason));
  const healthRows = await db.select().from(healthUpdates).where(eq(healthUpdates.workspaceId, workspaceId));
  const deploymentRows = await db
    .select()
    .from(deployments)
    .where(eq(deployments.workspaceId, workspaceId))
    .orderBy(asc(deployments.key));
  const incidentRows = await db
    .select()
    .from(incidents)
    .where(eq(incidents.workspaceId, workspaceId))
    .orderBy(asc(incidents.key));
  const companyRows = await db
    .select()
    .from(companies)
    .where(eq(companies.workspaceId, workspaceId))
    .orderBy(asc(companies.name), asc(companies.createdAt), asc(companies.externalId));
  const evidenceRows = await db
    .select()
    .from(evidence)
    .where(eq(evidence.workspaceId, workspaceId))
    .orderBy(asc(evidence.givenAt), asc(evidence.createdAt), asc(evidence.body));
  const adoptionRows = await db
    .select()
    .from(ideaAdoptions)
    .where(eq(ideaAdoptions.workspaceId, workspaceId));

  const people = new Set<string>();
  for (const r of cycleRows) if (r.closedBy) people.add(r.closedBy);
  for (const r of viewRows) people.add(r.ownerId);
  for (const r of proposalRows) for (const id of [r.proposedBy, r.decidedBy]) if (id) people.add(id);
  for (const r of healthRows) if (r.authorId) people.add(r.authorId);
  for (const r of evidenceRows) if (r.createdBy) people.add(r.createdBy);
  for (const r of adoptionRows) if (r.recordedBy) people.add(r.recordedBy);
  for (const r of companyRows) if (r.ownerUserId) people.add(r.ownerUserId);
  const emailRows = people.size
    ? await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.id, [...people]))
    : [];
  const emails = new Map(emailRows.map((u) => [u.id, u.email]));
  // Imported attribution goes back out as the e-mail the file named.
  const email = (id: string | null, imported: string | null) =>
    id ? (emails.get(id) ?? imported) : imported;
  const num = (id: string | null) => (id ? (refs.itemNumbers.get(id) ?? null) : null);
  const cycleIndex = new Map(cycleRows.map((r, i) => [r.id, i]));
  const companyIndex = new Map(companyRows.map((r, i) => [r.id, i]));
  const evidenceIndex = new Map(evidenceRows.map((r, i) => [r.id, i]));
  const portal = await exportPortal(db, workspaceId, num, evidenceIndex);

  const tables: WorkspaceTables = {
    workflowStates: stateRows.map((s) => ({
      name: s.name,
      builtinState: s.builtinState,
      position: s.position,
      wipLimit: s.wipLimit,
      waiting: s.waiting,
      blocked: s.blocked,
      version: s.version,
    })),
    cycles: cycleRows.map((c) => ({
      name: c.name,
      startDate: c.startDate,
      endDate: c.endDate,
      closedAt: iso(c.closedAt),
      closedBy: email(c.closedBy, c.importedClosedBy),
      carriedOver: c.carriedOverItemIds.flatMap((id) => num(id) ?? []),
      carriedTo: c.carriedToCycleId ? (cycleIndex.get(c.carriedToCycleId) ?? null) : null,
      version: c.version,
      createdAt: c.createdAt.toISOString(),
    })),
    savedViews: viewRows.flatMap((v) => {
      const owner = emails.get(v.ownerId);
      const { assignee, ...query } = v.query;
      const person = assignee ? emails.get(assignee) : undefined;
      return owner
        ? [
            {
              name: v.name,
              owner,
              query: { ...query, ...(person ? { assignee: `user:${person}` } : {}) },
              version: v.version,
              createdAt: v.createdAt.toISOString(),
              updatedAt: v.updatedAt.toISOString(),
            },
          ]
        : [];
    }),
    proposals: proposalRows.flatMap((p) => {
      const item = num(p.itemId);
      if (item === null) return [];
      const c = p.change;
      const change =
        c.kind === 'order'
          ? {
              kind: c.kind,
              ...(c.afterId !== undefined ? { after: num(c.afterId) } : {}),
              ...(c.beforeId !== undefined ? { before: num(c.beforeId) } : {}),
            }
          : c.kind === 'move_to'
            ? { kind: c.kind, parent: num(c.parentId) }
            : { kind: c.kind };
      return [
        {
          item,
          decision: p.decision,
          change,
          reason: p.reason,
          status: p.status,
          proposedBy: email(p.proposedBy, p.importedProposedBy),
          createdAt: p.createdAt.toISOString(),
          decidedBy: email(p.decidedBy, p.importedDecidedBy),
          decidedAt: iso(p.decidedAt),
          response: p.response,
          logEntry: refs.logIndex(p.decisionId),
          version: p.version,
        },
      ];
    }),
    healthUpdates: healthRows
      .flatMap((h) => {
        const item = num(h.itemId);
        return item === null
          ? []
          : [
              {
                item,
                version: h.version,
                status: h.status,
                note: h.note,
                author: email(h.authorId, h.importedAuthor),
                at: h.createdAt.toISOString(),
              },
            ];
      })
      .sort((a, b) => a.item - b.item || a.version - b.version),
    deployments: deploymentRows.map((d) => ({
      key: d.key,
      environment: d.environment,
      deployedAt: d.deployedAt.toISOString(),
      commitTimes: d.commitTimes.map((t) => t.toISOString()),
      succeeded: d.succeeded,
      receivedAt: d.receivedAt.toISOString(),
    })),
    incidents: incidentRows.map((r) => ({
      key: r.key,
      openedAt: r.openedAt.toISOString(),
      resolvedAt: iso(r.resolvedAt),
      causedBy: r.causedBy,
      receivedAt: r.receivedAt.toISOString(),
    })),
    companies: companyRows.map((c) => ({
      externalId: c.externalId,
      name: c.name,
      domains: c.domains,
      arr: c.arr,
      tier: c.tier,
      segment: c.segment,
      owner: email(c.ownerUserId, c.importedOwner),
      version: c.version,
      createdAt: c.createdAt.toISOString(),
    })),
    evidence: evidenceRows.map((e) => ({
      item: num(e.itemId),
      externalId: e.externalId,
      sourceType: e.sourceType,
      sourceUrl: e.sourceUrl,
      requesterEmail: e.requesterEmail,
      company: e.companyId ? (companyIndex.get(e.companyId) ?? null) : null,
      body: e.body,
      importance: e.importance,
      givenAt: e.givenAt.toISOString(),
      createdBy: email(e.createdBy, e.importedCreatedBy),
      version: e.version,
      createdAt: e.createdAt.toISOString(),
    })),
    ideaAdoptions: adoptionRows
      .flatMap((a) => {
        const item = num(a.itemId);
        return item === null
          ? []
          : [
              {
                item,
                periodStart: a.periodStart,
                periodEnd: a.periodEnd,
                unit: a.unit,
                reach: a.reach,
                outOf: a.outOf,
                impact: a.impact,
                note: a.note,
                recordedBy: email(a.recordedBy, a.importedRecordedBy),
                recordedAt: a.recordedAt.toISOString(),
                version: a.version,
              },
            ];
      })
      .sort((a, b) => a.item - b.item),
    ...portal,
  };
  return {
    tables,
    stateNames: new Map(stateRows.map((s) => [s.id, s.name])),
    cycleIndex,
  };
}
