/**
 * The workspace tables of a checked Headway JSON file (formatVersion 2) as rows of the new
 * workspace: each row gets a new id, and references between them (an item's workflow state and
 * cycle, evidence → company, a cycle → the next, a proposal → its log entry, a portal submission →
 * the evidence its approval created) follow. People stay
 * imported attribution as everywhere in an import; a shared view, which needs an owner who can
 * change it, belongs to the importer unless its owner is a trusted account (the demo).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  BUILTIN_STATE_CATEGORIES,
  DEFAULT_WORKFLOW_STATES,
  type HeadwayExport,
  type ProposalChange,
} from '../../contract';
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
  workflowStates,
} from '../../db/schema';
import { batchesOf, type ImportBatch } from './transfer-batches';
import type { ResolvePerson } from './transfer-people';
import { planPortal } from './transfer-portal';

/** What the workspace tables need from the rest of the import. */
export interface WorkspaceTablesContext {
  workspaceId: string;
  itemId: (n: number | null) => string | null;
  person: ResolvePerson;
  importerId: string | null;
  /** The id of the decision-log entry at an index of the file, once the log is written. */
  logId: (index: number) => number | undefined;
  /** Adds a line to the import's warnings (a conflict with this server, resolved). */
  warn: (message: string) => void;
}

const date = (s: string | null) => (s ? new Date(s) : null);

function changeOf(
  c: HeadwayExport['proposals'][number]['change'],
  itemId: WorkspaceTablesContext['itemId'],
): ProposalChange {
  if (c.kind === 'order') {
    return {
      kind: 'order',
      ...(c.after !== undefined ? { afterId: itemId(c.after) } : {}),
      ...(c.before !== undefined ? { beforeId: itemId(c.before) } : {}),
    };
  }
  return c.kind === 'move_to' ? { kind: 'move_to', parentId: itemId(c.parent) } : { kind: c.kind };
}

/**
 * Plans the workspace tables of a checked file.
 * @returns the workflow to write with the workspace row, each item's workflow state and cycle,
 * the batches to write before the items (cycles) and after the decision log (the rest)
 */
export function planWorkspaceTables(doc: HeadwayExport, ctx: WorkspaceTablesContext) {
  const { workspaceId, itemId, person } = ctx;
  const fileStates =
    doc.workflowStates ??
    DEFAULT_WORKFLOW_STATES.map((s, position) => ({ ...s, position, wipLimit: null, version: 1 }));
  const states = fileStates.map((s) => ({
    id: randomUUID(),
    workspaceId,
    name: s.name,
    builtinState: s.builtinState,
    category: BUILTIN_STATE_CATEGORIES[s.builtinState],
    position: s.position,
    wipLimit: s.wipLimit,
    waiting: ('waiting' in s && s.waiting) || false,
    blocked: ('blocked' in s && s.blocked) || false,
    version: s.version,
  }));
  const stateIds = new Map(states.map((s) => [s.name, s.id]));
  const cycleIds = doc.cycles.map(() => randomUUID());
  const companyIds = doc.companies.map(() => randomUUID());
  const evidenceIds = doc.evidence.map(() => randomUUID());

  const cycleRows = doc.cycles.map((c, i) => {
    const who = person(c.closedBy);
    return {
      id: cycleIds[i] as string,
      workspaceId,
      name: c.name,
      startDate: c.startDate,
      endDate: c.endDate,
      closedAt: date(c.closedAt),
      closedBy: who.id,
      importedClosedBy: who.imported,
      carriedOverItemIds: c.carriedOver.flatMap((n) => itemId(n) ?? []),
      version: c.version,
      createdAt: new Date(c.createdAt),
    };
  });
  const carried = doc.cycles.flatMap((c, i) =>
    c.carriedTo === null ? [] : [{ id: cycleIds[i] as string, to: cycleIds[c.carriedTo] as string }],
  );

  const views = doc.savedViews.flatMap((v) => {
    const owner = person(v.owner).id ?? ctx.importerId;
    // Without anyone to own them (an import with no importer) shared views cannot be kept.
    if (!owner) return [];
    const { assignee, ...query } = v.query;
    // The assignee filter names a person; it is kept only when they have an account here.
    const who = assignee?.startsWith('user:') ? person(assignee.slice(5)).id : null;
    return [
      {
        workspaceId,
        ownerId: owner,
        name: v.name,
        shared: true,
        query: { ...query, ...(who ? { assignee: who } : {}) },
        version: v.version,
        createdAt: new Date(v.createdAt),
        updatedAt: new Date(v.updatedAt),
      },
    ];
  });

  const proposalRows = doc.proposals.map((p) => {
    const proposer = person(p.proposedBy);
    const decider = person(p.decidedBy);
    return {
      logEntry: p.logEntry,
      row: {
        workspaceId,
        itemId: itemId(p.item) as string,
        decision: p.decision,
        change: changeOf(p.change, itemId),
        reason: p.reason,
        status: p.status,
        proposedBy: proposer.id,
        importedProposedBy: proposer.imported,
        createdAt: new Date(p.createdAt),
        decidedBy: decider.id,
        importedDecidedBy: decider.imported,
        decidedAt: date(p.decidedAt),
        response: p.response,
        version: p.version,
      },
    };
  });

  const after: ImportBatch[] = [
    ...batchesOf(carried, async (tx, part) => {
      for (const c of part)
        await tx.update(cycles).set({ carriedToCycleId: c.to }).where(eq(cycles.id, c.id));
    }),
    ...batchesOf(views, (tx, part) => tx.insert(savedViews).values(part)),
    // Log entries get their ids when the log is written, so a proposal's is looked up then.
    ...batchesOf(proposalRows, (tx, part) =>
      tx.insert(proposals).values(
        part.map(({ logEntry, row }) => ({
          ...row,
          decisionId: logEntry === null ? null : (ctx.logId(logEntry) ?? null),
        })),
      ),
    ),
    ...batchesOf(
      doc.healthUpdates.map((h) => {
        const who = person(h.author);
        return {
          workspaceId,
          itemId: itemId(h.item) as string,
          version: h.version,
          status: h.status,
          note: h.note,
          authorId: who.id,
          importedAuthor: who.imported,
          createdAt: new Date(h.at),
        };
      }),
      (tx, part) => tx.insert(healthUpdates).values(part),
    ),
    ...batchesOf(
      doc.deployments.map((d) => ({
        workspaceId,
        key: d.key,
        environment: d.environment,
        deployedAt: new Date(d.deployedAt),
        commitTimes: d.commitTimes.map((t) => new Date(t)),
        succeeded: d.succeeded,
        receivedAt: new Date(d.receivedAt),
      })),
      (tx, part) => tx.insert(deployments).values(part),
    ),
    ...batchesOf(
      doc.incidents.map((r) => ({
        workspaceId,
        key: r.key,
        openedAt: new Date(r.openedAt),
        resolvedAt: date(r.resolvedAt),
        causedBy: r.causedBy,
        receivedAt: new Date(r.receivedAt),
      })),
      (tx, part) => tx.insert(incidents).values(part),
    ),
    ...batchesOf(
      doc.companies.map((c, i) => {
        // The owner is kept by e-mail until that person has an account here, like other people.
        const owner = person(c.owner);
        return {
          id: companyIds[i] as string,
          workspaceId,
          externalId: c.externalId,
          name: c.name,
          domains: c.domains,
          arr: c.arr,
          tier: c.tier,
          segment: c.segment,
          ownerUserId: owner.id,
          importedOwner: owner.imported,
          version: c.version,
          createdAt: new Date(c.createdAt),
        };
      }),
      (tx, part) => tx.insert(companies).values(part),
    ),
    ...batchesOf(
      doc.evidence.map((e, i) => {
        const who = person(e.createdBy);
        return {
          id: evidenceIds[i] as string,
          workspaceId,
          itemId: itemId(e.item),
          externalId: e.externalId,
          sourceType: e.sourceType,
          sourceUrl: e.sourceUrl,
          requesterEmail: e.requesterEmail,
          companyId: e.company === null ? null : (companyIds[e.company] ?? null),
          body: e.body,
          importance: e.importance,
          givenAt: new Date(e.givenAt),
          createdBy: who.id,
          importedCreatedBy: who.imported,
          version: e.version,
          createdAt: new Date(e.createdAt),
        };
      }),
      (tx, part) => tx.insert(evidence).values(part),
    ),
    ...batchesOf(
      doc.ideaAdoptions.map((a) => {
        const who = person(a.recordedBy);
        return {
          workspaceId,
          itemId: itemId(a.item) as string,
          periodStart: a.periodStart,
          periodEnd: a.periodEnd,
          unit: a.unit,
          reach: a.reach,
          outOf: a.outOf,
          impact: a.impact,
          note: a.note,
          recordedBy: who.id,
          importedRecordedBy: who.imported,
          recordedAt: new Date(a.recordedAt),
          version: a.version,
        };
      }),
      (tx, part) => tx.insert(ideaAdoptions).values(part),
    ),
    // After the evidence its approved submissions link to.
    ...planPortal(doc, {
      workspaceId,
      itemId,
      evidenceId: (index) => evidenceIds[index],
      importerId: ctx.importerId,
      warn: ctx.warn,
    }),
  ];

  return {
    /** The workflow, written with the workspace row (items point at it). */
    writeWorkflow: (tx: Database) => tx.insert(workflowStates).values(states),
    /** A workflow state of the file, by name, as its id in the new workspace. */
    stateId: (name: string | null | undefined) => (name != null ? (stateIds.get(name) ?? null) : null),
    /** The workflow state and cycle of a file's item, as ids of the new workspace. */
    itemColumns: (it: HeadwayExport['items'][number]) => ({
      workflowStateId: it.workflowState != null ? (stateIds.get(it.workflowState) ?? null) : null,
      cycleId: it.cycle != null ? (cycleIds[it.cycle] ?? null) : null,
    }),
    before: batchesOf(cycleRows, (tx, part) => tx.insert(cycles).values(part)),
    after,
  };
}
