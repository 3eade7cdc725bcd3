import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { HEADWAY_FORMAT_VERSION, type HeadwayExport } from '../../contract';
import type { Database } from '../../db/client';
import {
  comments,
  decisionLog,
  invitations,
  itemDependencies,
  itemStateChanges,
  items,
  memberships,
  targetDateSlips,
  users,
  workspaces,
} from '../../db/schema';
import { notFound } from '../errors';
import { exportExtras } from './transfer-extras';
import { exportWorkspaceTables } from './transfer-workspace-export';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The whole workspace as Headway JSON, in a stable order so two exports of the same data are identical. */
export async function exportWorkspace(db: Database, workspaceId: string): Promise<HeadwayExport> {
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!ws) throw notFound('Workspace');
  const memberRows = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      fte: memberships.fte,
      skills: memberships.skills,
      joinedAt: memberships.joinedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.email));
  // Members an import named who have not joined (yet): still the team as the file had it, and
  // importing the export again only invites them again.
  const invitedRows = await db
    .select({
      email: invitations.email,
      name: invitations.importedName,
      role: invitations.role,
      fte: invitations.fte,
      skills: invitations.skills,
      joinedAt: invitations.importedJoinedAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        isNotNull(invitations.importedName),
        isNull(invitations.acceptedAt),
      ),
    );
  const memberEmails = new Set(memberRows.map((m) => m.email));
  const team = [
    ...memberRows,
    ...invitedRows.flatMap((r) =>
      r.email && r.name && r.joinedAt && !memberEmails.has(r.email)
        ? [{ ...r, email: r.email, name: r.name, joinedAt: r.joinedAt }]
        : [],
    ),
  ].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  const itemRows = await db
    .select()
    .from(items)
    .where(eq(items.workspaceId, workspaceId))
    .orderBy(asc(items.number));
  const number = new Map(itemRows.map((r) => [r.id, r.number]));
  const num = (id: string | null) => (id ? (number.get(id) ?? null) : null);
  // People who left the workspace still appear in history by email.
  const peopleIds = new Set<string>();
  const collect = (id: string | null): void => {
    if (id) peopleIds.add(id);
  };
  const deps = await db.select().from(itemDependencies).where(eq(itemDependencies.workspaceId, workspaceId));
  const history = await db
    .select()
    .from(itemStateChanges)
    .where(eq(itemStateChanges.workspaceId, workspaceId))
    .orderBy(asc(itemStateChanges.id));
  const log = await db
    .select()
    .from(decisionLog)
    .where(eq(decisionLog.workspaceId, workspaceId))
    .orderBy(asc(decisionLog.id));
  const notes = await db
    .select()
    .from(comments)
    .where(eq(comments.workspaceId, workspaceId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  for (const r of itemRows) {
    for (const id of [r.estimatedBy, r.assigneeId, r.createdBy]) collect(id);
    for (const setting of Object.values(r.scoreProvenance)) collect(setting.by);
  }
  for (const h of history) collect(h.changedBy);
  for (const d of log) collect(d.actorId);
  for (const n of notes) collect(n.authorId);
  const slipRows = await db
    .select()
    .from(targetDateSlips)
    .where(eq(targetDateSlips.workspaceId, workspaceId))
    .orderBy(asc(targetDateSlips.movedAt), asc(targetDateSlips.id));
  for (const s of slipRows) collect(s.movedBy);
  // Entries refer to each other (amendments, slips) by their index in the file, not by id.
  const logIndex = new Map(log.map((d, i) => [d.id, i]));
  const indexOf = (id: number | null) => (id === null ? null : (logIndex.get(id) ?? null));
  const emailRows = peopleIds.size
    ? await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.id, [...peopleIds]))
    : [];
  const emails = new Map(emailRows.map((u) => [u.id, u.email]));
  // Imported attribution goes back out as the e-mail the file named.
  const email = (id: string | null, imported: string | null = null) =>
    id ? (emails.get(id) ?? imported) : imported;

  const { extras, portable } = await exportExtras(db, workspaceId, number);
  const { tables, stateNames, cycleIndex } = await exportWorkspaceTables(db, workspaceId, {
    itemNumbers: number,
    logIndex: indexOf,
  });
  return {
    format: 'headway',
    formatVersion: HEADWAY_FORMAT_VERSION,
    workspace: {
      name: ws.name,
      decisionRights: ws.decisionRights,
      nextItemNumber: ws.nextItemNumber,
      // Written only through the checked scale route, so the size names are the contract's.
      tshirtScale: ws.tshirtScale,
    },
    members: team.map((m) => ({
      email: m.email,
      name: m.name,
      role: m.role,
      fte: m.fte,
      skills: m.skills,
      joinedAt: m.joinedAt.toISOString(),
    })),
    items: itemRows.map((r) => ({
      number: r.number,
      type: r.type,
      title: r.title,
      description: r.description,
      parent: num(r.parentId),
      state: r.state,
      rank: r.rank,
      orderedAt: iso(r.orderedAt),
      estimate:
        r.estimateLikely === null
          ? null
          : {
              optimistic: r.estimateOptimistic ?? 0,
              likely: r.estimateLikely,
              pessimistic: r.estimatePessimistic ?? 0,
              estimatedBy: email(r.estimatedBy, r.importedEstimatedBy),
              estimatedAt: iso(r.estimatedAt),
            },
      actualEffort: r.actualEffort,
      storyPoints: r.storyPoints,
      scores: r.scores,
      scoreProvenance: Object.fromEntries(
        Object.entries(r.scoreProvenance).map(([key, s]) => [
          key,
          {
            by: email(s.by, s.importedBy ?? null),
            at: s.at,
            source: s.source,
            ...(s.range ? { range: s.range } : {}),
            ...(s.basis ? { basis: s.basis } : {}),
          },
        ]),
      ),
      skills: r.skills,
      labels: r.labels,
      assignee: email(r.assigneeId, r.importedAssignee),
      targetDate: r.targetDate,
      targetDateCommittedAt: iso(r.targetDateCommittedAt),
      scopeQuestion: r.scopeQuestion,
      scopeQuestionAt: iso(r.scopeQuestionAt),
      createdBy: email(r.createdBy, r.importedCreatedBy),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      completedAt: iso(r.completedAt),
      version: r.version,
      workflowState: r.workflowStateId ? (stateNames.get(r.workflowStateId) ?? null) : null,
      cycle: r.cycleId ? (cycleIndex.get(r.cycleId) ?? null) : null,
      ...(r.externalSource && r.externalKey
        ? {
            external: {
              source: r.externalSource,
              key: r.externalKey,
              version: r.externalVersion,
            },
          }
        : {}),
    })),
    dependencies: deps
      .map((d) => ({
        item: num(d.itemId) as number,
        dependsOn: num(d.dependsOnId) as number,
        lagDays: d.lagDays,
        createdAt: d.createdAt.toISOString(),
      }))
      .sort((a, b) => a.item - b.item || a.dependsOn - b.dependsOn),
    stateHistory: history.map((h) => ({
      item: num(h.itemId) as number,
      from: h.fromState,
      to: h.toState,
      workflowState: h.toWorkflowStateId ? (stateNames.get(h.toWorkflowStateId) ?? null) : null,
      by: email(h.changedBy, h.importedChangedBy),
      at: h.changedAt.toISOString(),
    })),
    decisions: log.map((d) => ({
      decision: d.decision,
      item: num(d.itemId),
      actor: email(d.actorId, d.importedActor),
      summary: d.summary,
      rationale: d.rationale,
      details: portable(d.details),
      at: d.createdAt.toISOString(),
      version: d.version,
      amends: indexOf(d.amendsId),
    })),
    comments: notes.map((n) => ({
      item: num(n.itemId) as number,
      author: email(n.authorId, n.importedAuthor),
      body: n.body,
      at: n.createdAt.toISOString(),
    })),
    ...extras,
    slips: slipRows.map((s) => ({
      item: num(s.itemId) as number,
      from: s.fromDate,
      to: s.toDate,
      reason: s.reason,
      by: email(s.movedBy, s.importedMovedBy),
      at: s.movedAt.toISOString(),
      decision: indexOf(s.decisionId),
    })),
    ...tables,
  };
}
