import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import type { HeadwayExport, ItemType, Workspace } from '../../contract';
import type { Database } from '../../db/client';
import {
  comments,
  decisionLog,
  itemDependencies,
  itemStateChanges,
  items,
  memberships,
  targetDateSlips,
  users,
  workspaces,
} from '../../db/schema';
import type { DecisionMatrix, Role } from '../../domain/decision-rights';
import { AppError, notFound } from '../errors';
import { checkTShirtScale } from './estimation-scale';
import { findImportProblems } from './transfer-checks';
import { importDecisions } from './transfer-decisions';
import { exportExtras, extrasPeople, importExtras } from './transfer-extras';
import { slugFor } from './workspaces';

const LEVEL: Record<ItemType, number> = { initiative: 0, epic: 1, feature: 2, task: 2, bug: 2 };
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const CHUNK = 500;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

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
  for (const r of itemRows) for (const id of [r.estimatedBy, r.assigneeId, r.createdBy]) collect(id);
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
  const email = (id: string | null) => (id ? (emails.get(id) ?? null) : null);

  const { extras, portable } = await exportExtras(db, workspaceId, number);
  return {
    format: 'headway',
    formatVersion: 1,
    workspace: {
      name: ws.name,
      decisionRights: ws.decisionRights,
      nextItemNumber: ws.nextItemNumber,
      // Written only through the checked scale route, so the size names are the contract's.
      tshirtScale: (ws.tshirtScale as HeadwayExport['workspace']['tshirtScale']) ?? null,
    },
    members: memberRows.map((m) => ({
      email: m.email,
      name: m.name,
      role: m.role as Role,
      fte: m.fte,
      skills: m.skills,
      joinedAt: m.joinedAt.toISOString(),
    })),
    items: itemRows.map((r) => ({
      number: r.number,
      type: r.type as ItemType,
      title: r.title,
      description: r.description,
      parent: num(r.parentId),
      state: r.state as HeadwayExport['items'][number]['state'],
      rank: r.rank,
      orderedAt: iso(r.orderedAt),
      estimate:
        r.estimateLikely === null
          ? null
          : {
              optimistic: r.estimateOptimistic ?? 0,
              likely: r.estimateLikely,
              pessimistic: r.estimatePessimistic ?? 0,
              estimatedBy: email(r.estimatedBy),
              estimatedAt: iso(r.estimatedAt),
            },
      actualEffort: r.actualEffort,
      storyPoints: r.storyPoints,
      scores: r.scores,
      skills: r.skills,
      labels: r.labels,
      assignee: email(r.assigneeId),
      targetDate: r.targetDate,
      targetDateCommittedAt: iso(r.targetDateCommittedAt),
      scopeQuestion: r.scopeQuestion,
      scopeQuestionAt: iso(r.scopeQuestionAt),
      createdBy: email(r.createdBy),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      completedAt: iso(r.completedAt),
      version: r.version,
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
      from: h.fromState as HeadwayExport['stateHistory'][number]['from'],
      to: h.toState as HeadwayExport['stateHistory'][number]['to'],
      by: email(h.changedBy),
      at: h.changedAt.toISOString(),
    })),
    decisions: log.map((d) => ({
      decision: d.decision as HeadwayExport['decisions'][number]['decision'],
      item: num(d.itemId),
      actor: email(d.actorId),
      summary: d.summary,
      rationale: d.rationale,
      details: portable(d.details),
      at: d.createdAt.toISOString(),
      version: d.version,
      amends: indexOf(d.amendsId),
    })),
    comments: notes.map((n) => ({
      item: num(n.itemId) as number,
      author: email(n.authorId),
      body: n.body,
      at: n.createdAt.toISOString(),
    })),
    ...extras,
    slips: slipRows.map((s) => ({
      item: num(s.itemId) as number,
      from: s.fromDate,
      to: s.toDate,
      reason: s.reason,
      by: email(s.movedBy),
      at: s.movedAt.toISOString(),
      decision: indexOf(s.decisionId),
    })),
  };
}

/**
 * Imports Headway JSON into a new workspace, all or nothing: every problem is reported before
 * anything is written, and the writes happen in one transaction. People are matched by email;
 * unknown people are created without a password (the operator sets one with `headway user create`).
 */
export async function importWorkspace(
  db: Database,
  importerId: string | null,
  doc: HeadwayExport,
): Promise<Workspace> {
  const problems = findImportProblems(doc);
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      `The file has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported. ${problems.slice(0, 20).join('; ')}`,
      { details: { problems } },
    );
  }
  if (doc.workspace.tshirtScale) checkTShirtScale(doc.workspace.tshirtScale);
  return db.transaction(async (tx) => {
    const [ws] = await tx
      .insert(workspaces)
      .values({
        name: doc.workspace.name,
        slug: slugFor(doc.workspace.name),
        decisionRights: doc.workspace.decisionRights as DecisionMatrix,
        nextItemNumber: doc.workspace.nextItemNumber,
        tshirtScale: doc.workspace.tshirtScale ?? null,
      })
      .returning();
    if (!ws) throw new Error('insert returned no row');

    // People referenced anywhere: members plus authors of history who have left.
    const referenced = new Map<string, string>();
    for (const m of doc.members) referenced.set(m.email.toLowerCase(), m.name);
    const note = (e: string | null): void => {
      if (e && !referenced.has(e.toLowerCase())) referenced.set(e.toLowerCase(), e.split('@')[0] ?? e);
    };
    for (const it of doc.items)
      for (const e of [it.assignee, it.createdBy, it.estimate?.estimatedBy ?? null]) note(e);
    for (const h of doc.stateHistory) note(h.by);
    for (const d of doc.decisions) note(d.actor);
    for (const c of doc.comments) note(c.author);
    for (const e of extrasPeople(doc)) note(e);
    for (const sl of doc.slips) note(sl.by);
    const userIds = new Map<string, string>();
    const emailList = [...referenced.keys()];
    for (const part of chunks(emailList)) {
      const existing = await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.email, part));
      for (const u of existing) userIds.set(u.email, u.id);
    }
    const missing = emailList.filter((e) => !userIds.has(e));
    for (const part of chunks(missing)) {
      const created = await tx
        .insert(users)
        .values(part.map((e) => ({ email: e, name: referenced.get(e) ?? e })))
        .returning({ id: users.id, email: users.email });
      for (const u of created) userIds.set(u.email, u.id);
    }
    const uid = (e: string | null) => (e ? (userIds.get(e.toLowerCase()) ?? null) : null);

    const memberValues = doc.members.map((m) => ({
      workspaceId: ws.id,
      userId: uid(m.email) as string,
      role: m.role,
      fte: m.fte,
      skills: m.skills,
      joinedAt: new Date(m.joinedAt),
    }));
    if (importerId && !memberValues.some((m) => m.userId === importerId)) {
      memberValues.push({
        workspaceId: ws.id,
        userId: importerId,
        role: 'founder',
        fte: 1,
        skills: [],
        joinedAt: new Date(),
      });
    }
    for (const part of chunks(memberValues)) await tx.insert(memberships).values(part);

    const ids = new Map(doc.items.map((it) => [it.number, randomUUID()]));
    const id = (n: number | null) => (n === null ? null : (ids.get(n) as string));
    const ordered = [...doc.items].sort((a, b) => LEVEL[a.type] - LEVEL[b.type] || a.number - b.number);
    const date = (s: string | null) => (s ? new Date(s) : null);
    for (const part of chunks(ordered)) {
      await tx.insert(items).values(
        part.map((it) => ({
          id: id(it.number) as string,
          workspaceId: ws.id,
          number: it.number,
          type: it.type,
          title: it.title,
          description: it.description,
          parentId: id(it.parent),
          state: it.state,
          rank: it.rank,
          orderedAt: date(it.orderedAt),
          estimateOptimistic: it.estimate?.optimistic ?? null,
          estimateLikely: it.estimate?.likely ?? null,
          estimatePessimistic: it.estimate?.pessimistic ?? null,
          estimatedBy: uid(it.estimate?.estimatedBy ?? null),
          estimatedAt: date(it.estimate?.estimatedAt ?? null),
          actualEffort: it.actualEffort,
          storyPoints: it.storyPoints ?? null,
          scores: it.scores,
          skills: it.skills,
          labels: it.labels,
          assigneeId: uid(it.assignee),
          targetDate: it.targetDate,
          targetDateCommittedAt: date(it.targetDateCommittedAt ?? null),
          scopeQuestion: it.scopeQuestion,
          scopeQuestionAt: date(it.scopeQuestionAt),
          createdBy: uid(it.createdBy),
          createdAt: new Date(it.createdAt),
          updatedAt: new Date(it.updatedAt),
          completedAt: date(it.completedAt),
          version: it.version,
        })),
      );
    }
    for (const part of chunks(doc.dependencies)) {
      await tx.insert(itemDependencies).values(
        part.map((d) => ({
          workspaceId: ws.id,
          itemId: id(d.item) as string,
          dependsOnId: id(d.dependsOn) as string,
          lagDays: d.lagDays,
          createdAt: new Date(d.createdAt),
        })),
      );
    }
    for (const part of chunks(doc.stateHistory)) {
      await tx.insert(itemStateChanges).values(
        part.map((h) => ({
          workspaceId: ws.id,
          itemId: id(h.item) as string,
          fromState: h.from,
          toState: h.to,
          changedBy: uid(h.by),
          changedAt: new Date(h.at),
        })),
      );
    }
    const local = await importExtras(tx, ws.id, doc, { itemId: (n) => ids.get(n), userId: uid });
    await importDecisions(tx, ws.id, doc, { itemId: id, userId: uid, local });
    for (const part of chunks(doc.comments)) {
      await tx.insert(comments).values(
        part.map((c) => ({
          workspaceId: ws.id,
          itemId: id(c.item) as string,
          authorId: uid(c.author),
          body: c.body,
          createdAt: new Date(c.at),
        })),
      );
    }
    const myRole = memberValues.find((m) => m.userId === importerId)?.role ?? 'founder';
    return {
      id: ws.id,
      name: ws.name,
      slug: ws.slug,
      role: myRole as Role,
      createdAt: ws.createdAt.toISOString(),
    };
  });
}
