/**
 * Turns a checked Headway JSON file into the rows of a new workspace, in batches that can be
 * written in one transaction (small files) or one short transaction each while the workspace is
 * still invisible (large files, see import-jobs.ts).
 *
 * People: a file only ever names people by e-mail, and whoever wrote it could have named anyone.
 * So an import never makes an account a member or an author: members become invitations bound to
 * their e-mail (the person accepts them or not), and what the file says someone did is kept as
 * imported attribution (the e-mail, in `imported_*` columns). Only the server's own demo, which
 * it writes itself, is imported with its people as real accounts (`people: 'trusted'`).
 */

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type HeadwayExport, ITEM_LEVELS, type Workspace } from '../../contract';
import type { Database } from '../../db/client';
import {
  assessments,
  comments,
  decisionLog,
  forecasts,
  invitations,
  itemDependencies,
  itemStateChanges,
  items,
  memberships,
  roadmapSnapshots,
  scoringFormulas,
  targetDateSlips,
  workspaces,
} from '../../db/schema';
import { isDecisionMatrix } from '../../domain/decision-rights';
import { AppError } from '../errors';
import { batchesOf, type ImportBatch } from './transfer-batches';
import type { CheckedDocuments } from './transfer-documents';
import { mapStrings } from './transfer-extras';
import {
  type ImportInvitation,
  planPeople,
  type ResolvePerson,
  readScoreProvenance,
} from './transfer-people';
import { planWorkspaceTables } from './transfer-workspace-import';
import { slugFor } from './workspaces';

type Json = Record<string, unknown>;

export interface ImportPlan {
  workspaceId: string;
  /** The workspace row; `importing` hides it until the last step of a chunked import. */
  writeWorkspace: (tx: Database, importing: boolean) => Promise<void>;
  batches: ImportBatch[];
  /** Memberships and invitations: written last, since they are what makes the workspace visible. */
  writePeople: (tx: Database) => Promise<void>;
  rows: number;
  /** `warnings` fills while the batches are written (a portal address taken here, …). */
  result: Workspace & { invitations: ImportInvitation[]; warnings: string[] };
}

const date = (s: string | null | undefined) => (s ? new Date(s) : null);

/**
 * Builds every row of the new workspace from a checked file.
 * @param options.importerId the account importing it: founder of the new workspace (null for the CLI without --as and the demo)
 * @param options.person how people named by the file are recorded
 * @param options.members 'invite' to turn members into invitations, 'trusted' to make them members (demo only)
 */
export function planImport(
  doc: HeadwayExport,
  checked: CheckedDocuments,
  options: {
    importerId: string | null;
    importerEmail: string | null;
    person: ResolvePerson;
    members: 'invite' | 'trusted';
  },
): ImportPlan {
  const { decisionRights } = doc.workspace;
  // checkImport has listed this matrix's problems already; the guard keeps an unchecked file out.
  if (!isDecisionMatrix(decisionRights)) {
    throw new AppError(
      'validation_failed',
      'workspace.decisionRights: the matrix is not sound; nothing was imported',
    );
  }
  const workspaceId = randomUUID();
  const slug = slugFor(doc.workspace.name);
  const { person } = options;
  const by = (email: string | null) => person(email);
  const itemIds = new Map(doc.items.map((it) => [it.number, randomUUID()]));
  const itemId = (n: number | null) => (n === null ? null : (itemIds.get(n) as string));
  const formulaIds = new Map(doc.formulas.map((f) => [f.name, randomUUID()]));
  const snapshotIds = new Map(doc.roadmapSnapshots.map((s) => [s.version, randomUUID()]));
  // References inside JSON documents: items, formulas and versions become this server's ids;
  // "user:<email>" stays as written unless the person is a trusted account.
  const local = <T>(value: T): T =>
    mapStrings(value, (s) => {
      const item = /^item:#(\d+)$/.exec(s);
      if (item) return itemIds.get(Number(item[1])) ?? s;
      const user = /^user:(.+@.+)$/.exec(s);
      if (user) return person(user[1] ?? null).id ?? s;
      const formula = /^formula:(.+)$/.exec(s);
      if (formula) return formulaIds.get(formula[1] ?? '') ?? s;
      const snapshot = /^roadmap:v(\d+)$/.exec(s);
      if (snapshot) return snapshotIds.get(Number(snapshot[1])) ?? s;
      return s;
    });

  const logIds: number[] = [];
  const warnings: string[] = [];
  const tables = planWorkspaceTables(doc, {
    workspaceId,
    itemId,
    person,
    importerId: options.importerId,
    logId: (index) => logIds[index],
    warn: (message) => warnings.push(message),
  });
  const ordered = [...doc.items].sort(
    (a, b) => ITEM_LEVELS[a.type] - ITEM_LEVELS[b.type] || a.number - b.number,
  );
  // The file's scores are set, here, by whoever imports it.
  const scoresImported = {
    by: options.importerId,
    at: new Date().toISOString(),
    source: 'imported',
  } as const;
  const itemRows = ordered.map((it) => {
    const estimator = by(it.estimate?.estimatedBy ?? null);
    const assignee = by(it.assignee);
    const creator = by(it.createdBy);
    return {
      id: itemId(it.number) as string,
      workspaceId,
      number: it.number,
      type: it.type,
      title: it.title,
      description: it.description,
      parentId: itemId(it.parent),
      state: it.state,
      rank: it.rank,
      orderedAt: date(it.orderedAt),
      estimateOptimistic: it.estimate?.optimistic ?? null,
      estimateLikely: it.estimate?.likely ?? null,
      estimatePessimistic: it.estimate?.pessimistic ?? null,
      estimatedBy: estimator.id,
      importedEstimatedBy: estimator.imported,
      estimatedAt: date(it.estimate?.estimatedAt),
      actualEffort: it.actualEffort,
      storyPoints: it.storyPoints ?? null,
      scores: it.scores,
      scoreProvenance: readScoreProvenance(it, scoresImported, by),
      skills: it.skills,
      labels: it.labels,
      assigneeId: assignee.id,
      importedAssignee: assignee.imported,
      targetDate: it.targetDate,
      targetDateCommittedAt: date(it.targetDateCommittedAt ?? null),
      scopeQuestion: it.scopeQuestion,
      scopeQuestionAt: date(it.scopeQuestionAt),
      createdBy: creator.id,
      importedCreatedBy: creator.imported,
      createdAt: new Date(it.createdAt),
      updatedAt: new Date(it.updatedAt),
      completedAt: date(it.completedAt),
      version: it.version,
      externalSource: it.external?.source ?? null,
      externalKey: it.external?.key ?? null,
      externalVersion: it.external ? (it.external.version ?? it.version) : null,
      ...tables.itemColumns(it),
    };
  });

  const batches: ImportBatch[] = [
    // Cycles before the items planned in them; the rest once the log its proposals cite exists.
    ...tables.before,
    ...batchesOf(itemRows, (tx, part) => tx.insert(items).values(part)),
    ...batchesOf(
      doc.dependencies.map((d) => ({
        workspaceId,
        itemId: itemId(d.item) as string,
        dependsOnId: itemId(d.dependsOn) as string,
        lagDays: d.lagDays,
        createdAt: new Date(d.createdAt),
      })),
      (tx, part) => tx.insert(itemDependencies).values(part),
    ),
    ...batchesOf(
      doc.stateHistory.map((h) => {
        const who = by(h.by);
        return {
          workspaceId,
          itemId: itemId(h.item) as string,
          fromState: h.from,
          toState: h.to,
          toWorkflowStateId: tables.stateId(h.workflowState),
          changedBy: who.id,
          importedChangedBy: who.imported,
          changedAt: new Date(h.at),
        };
      }),
      (tx, part) => tx.insert(itemStateChanges).values(part),
    ),
    ...batchesOf(
      doc.formulas.map((f) => {
        const who = by(f.createdBy);
        return {
          id: formulaIds.get(f.name) as string,
          workspaceId,
          name: f.name,
          expression: f.expression,
          createdBy: who.id,
          importedCreatedBy: who.imported,
          version: f.version,
          createdAt: new Date(f.createdAt),
          updatedAt: new Date(f.updatedAt),
        };
      }),
      (tx, part) => tx.insert(scoringFormulas).values(part),
    ),
    ...batchesOf(
      checked.assessments.map((a) => {
        const who = by(a.createdBy);
        return {
          workspaceId,
          number: a.number,
          questionnaireVersion: a.questionnaireVersion,
          variant: a.variant,
          doraYear: a.doraYear,
          answers: a.answers,
          report: a.report as unknown as Json,
          createdBy: who.id,
          importedCreatedBy: who.imported,
          createdAt: new Date(a.createdAt),
        };
      }),
      (tx, part) => tx.insert(assessments).values(part),
    ),
    ...batchesOf(
      doc.roadmapSnapshots.map((s, i) => {
        const who = by(s.publishedBy);
        return {
          id: snapshotIds.get(s.version) as string,
          workspaceId,
          version: s.version,
          note: s.note,
          startDate: s.startDate,
          plan: local(checked.plans[i] as Json),
          publishedBy: who.id,
          importedPublishedBy: who.imported,
          publishedAt: new Date(s.publishedAt),
        };
      }),
      (tx, part) => tx.insert(roadmapSnapshots).values(part),
    ),
    ...batchesOf(
      doc.forecasts.map((f, i) => {
        const who = by(f.madeBy);
        const docs = checked.forecasts[i] ?? f;
        return {
          workspaceId,
          kind: f.kind,
          subject: local(docs.subject) as Json,
          method: f.method,
          inputs: local(docs.inputs) as Json,
          startDate: f.startDate,
          percentiles: local(docs.percentiles) as Json[],
          distribution: docs.distribution ? (local(docs.distribution) as Json) : null,
          madeBy: who.id,
          importedMadeBy: who.imported,
          madeAt: new Date(f.madeAt),
          outcome: docs.outcome ? (local(docs.outcome) as Json) : null,
          scoredAt: date(f.scoredAt),
        };
      }),
      (tx, part) => tx.insert(forecasts).values(part),
    ),
    ...batchesOf(
      doc.decisions.map((d, i) => {
        const who = by(d.actor);
        return {
          workspaceId,
          decision: d.decision,
          itemId: itemId(d.item),
          actorId: who.id,
          importedActor: who.imported,
          summary: d.summary,
          rationale: d.rationale,
          details: local(checked.details[i] ?? {}),
          createdAt: new Date(d.at),
          version: d.version ?? 1,
        };
      }),
      async (tx, part) => {
        // Amendments and slips name log entries by their index in the file. A bigserial numbers
        // the rows of one insert in order, and batches are written in order, so the sorted ids
        // of each batch, appended, give every entry's id by its index.
        const inserted = await tx.insert(decisionLog).values(part).returning({ id: decisionLog.id });
        logIds.push(...inserted.map((r) => r.id).sort((a, b) => a - b));
      },
    ),
    ...batchesOf(
      doc.decisions.flatMap((d, i) => (d.amends == null ? [] : [{ index: i, amends: d.amends }])),
      async (tx, part) => {
        for (const { index, amends } of part) {
          const self = logIds[index];
          const target = logIds[amends];
          if (self !== undefined && target !== undefined) {
            await tx.update(decisionLog).set({ amendsId: target }).where(eq(decisionLog.id, self));
          }
        }
      },
    ),
    ...batchesOf(doc.slips, (tx, part) =>
      tx.insert(targetDateSlips).values(
        part.map((sl) => {
          const who = by(sl.by);
          return {
            workspaceId,
            itemId: itemId(sl.item) as string,
            fromDate: sl.from,
            toDate: sl.to,
            reason: sl.reason,
            movedBy: who.id,
            importedMovedBy: who.imported,
            movedAt: new Date(sl.at),
            decisionId: sl.decision === null ? null : (logIds[sl.decision] ?? null),
          };
        }),
      ),
    ),
    ...batchesOf(
      doc.comments.map((c) => {
        const who = by(c.author);
        return {
          workspaceId,
          itemId: itemId(c.item) as string,
          authorId: who.id,
          importedAuthor: who.imported,
          body: c.body,
          createdAt: new Date(c.at),
        };
      }),
      (tx, part) => tx.insert(comments).values(part),
    ),
    ...tables.after,
  ];

  const { memberRows, invitationRows, links, role } = planPeople(doc, workspaceId, options);
  const createdAt = new Date();
  return {
    workspaceId,
    writeWorkspace: async (tx, importing) => {
      await tx.insert(workspaces).values({
        id: workspaceId,
        name: doc.workspace.name,
        slug,
        decisionRights,
        nextItemNumber: doc.workspace.nextItemNumber,
        tshirtScale: doc.workspace.tshirtScale ?? null,
        importStatus: importing ? 'importing' : null,
        createdAt,
      });
      await tables.writeWorkflow(tx);
    },
    batches,
    writePeople: async (tx) => {
      for (const b of batchesOf(memberRows, (t, part) => t.insert(memberships).values(part)))
        await b.write(tx);
      for (const b of batchesOf(invitationRows, (t, part) => t.insert(invitations).values(part)))
        await b.write(tx);
    },
    rows: batches.reduce((n, b) => n + b.rows, 0) + memberRows.length + invitationRows.length,
    result: {
      id: workspaceId,
      name: doc.workspace.name,
      slug,
      role,
      createdAt: createdAt.toISOString(),
      invitations: links,
      warnings,
    },
  };
}
