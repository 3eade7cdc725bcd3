/**
 * Importing a Jira, Linear, GitHub or CSV file into an existing workspace, as often as the other
 * tool exports it: items are matched by the tool and the key the file gives them (PROJ-12, a
 * Linear identifier), so exporting again and importing again updates the backlog instead of
 * duplicating it, and the answer says what changed.
 */
import { eq } from 'drizzle-orm';
import type { ImportMappingEdits, WorkspaceImportResult } from '../../contract';
import type { Database } from '../../db/client';
import { memberships, users } from '../../db/schema';
import { type ImportFormat, planToHeadway } from '../../domain/import';
import { AppError } from '../errors';
import { type Actor, requireContributor, requireDecision } from '../policies/access';
import { type CommandContext, inTransaction } from './context';
import { checkBuiltDocument, planForeignFile, refuse } from './foreign-import';
import { lockWorkspaceOrder } from './item-order';
import { type MergePlan, type PlanMergeInput, planMerge } from './merge-import-plan';
import { writeMerge } from './merge-import-write';

/** The file and the user's choices, as for a new workspace, without the name. */
export interface MergeImportInput {
  text: string;
  fileName?: string;
  /** The format named by the user; detected from the content when absent. */
  format?: ImportFormat;
  edits?: ImportMappingEdits;
  dateFormat?: string;
  /** Compare and report only. */
  dryRun?: boolean;
  /** Notes from reading the file's bytes (an encoding other than UTF-8), shown as assumptions. */
  notes?: string[];
}

function reportOf(plan: MergePlan | null): Omit<WorkspaceImportResult, 'summary' | 'dryRun'> {
  return {
    created: plan?.creates.map((c) => ({ key: c.key, number: c.number })) ?? [],
    updated:
      plan?.updates.map((u) => ({
        key: u.key,
        number: u.row.number,
        fields: u.fields,
        changedHere: u.changedHere,
      })) ?? [],
    unchanged: plan?.unchanged ?? 0,
    withheld: plan?.withheld ?? [],
    dependencies: {
      added: plan?.dependencies.length ?? 0,
      existing: plan?.existingDependencies ?? 0,
      refused: plan?.refusedDependencies ?? [],
    },
  };
}

/** The refusal the actor would get for each decision a file touches that is not theirs. */
async function findRefusals(db: Database, actor: Actor): Promise<PlanMergeInput['refusals']> {
  const refusals: PlanMergeInput['refusals'] = {};
  for (const decision of ['requirements', 'estimates', 'delivery_dates', 'dependencies'] as const) {
    try {
      await requireDecision(db, actor, decision);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'decision_not_yours') throw error;
      refusals[decision] = error.message;
    }
  }
  return refusals;
}

/**
 * Importing into a workspace decides what is built and in which order.
 * @throws AppError forbidden (403) naming who holds the scope or backlog-order decision
 */
export async function requireImportRights(db: Database, actor: Actor): Promise<void> {
  requireContributor(actor);
  await requireDecision(db, actor, 'scope');
  await requireDecision(db, actor, 'backlog_order');
}

/**
 * Imports a foreign file into the caller's workspace, or reports what that would do.
 *
 * - People are matched against the workspace's current members by e-mail or name. Nobody the
 *   file names becomes an account or a member: an assignee who is a member is assigned, anyone
 *   else stays imported attribution (an e-mail, or a name kept in the description).
 * - An item whose (format, key) the workspace does not hold is created: the next number, ranked
 *   after the last item (it waits in the inbox to be ordered), with its state history from the
 *   file's timestamps.
 * - An item the workspace holds is compared on title, description, type, state, labels, story
 *   points, estimate, parent and target date. Fields that differ are updated, the version bumped,
 *   and each change recorded as the importer's, with the import named as its why: a state move
 *   in the state history, the decisions in the decision log, a moved committed date as a slip.
 *   Other fields (scores, order, skills, an assignment made here) are Headway's and untouched.
 * - The file is the record of the other tool, so its values win. An item edited in Headway
 *   since an import last wrote it (its version moved past the one the import left) is still
 *   updated, but never silently: the answer flags it (`changedHere`) so a dry run shows it
 *   first, and its decision-log entry says that the file's values replaced a change made here.
 *   An item saved while the import runs makes the whole import a 409, and nothing is written.
 * - Dependencies the file states are added when missing, skipped when present, and reported
 *   (never imported) when they would close a cycle with the workspace's dependencies.
 * - Decision rights hold field by field, as for an edit: a change to the text, the estimates or
 *   the target date, or a new dependency, whose decision is not the importer's is not applied
 *   but reported (`withheld`, `dependencies.refused`) with who decides. New items are created
 *   with all the file's values, as a new workspace would be.
 * - Everything is one transaction: any error writes nothing.
 *
 * Importing decides what is built and in which order, so it needs the scope and backlog-order
 * decisions; a caller without them gets a 403 naming who decides.
 * @param ctx the database and the caller (a member of the workspace)
 * @param input the file's text, its format, the mapping edits and whether to only compare
 * @returns the dry-run summary, and what was (or would be) created, updated and left unchanged
 * @throws AppError validation_failed (400, nothing written) when the file has errors or is Headway JSON
 */
export async function mergeForeignImport(
  ctx: CommandContext,
  input: MergeImportInput,
): Promise<WorkspaceImportResult> {
  const { db, actor } = ctx;
  await requireImportRights(db, actor);
  const team = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, actor.workspaceId));
  const importer = team.find((m) => m.id === actor.userId);
  if (!importer) throw new AppError('not_found', 'The importing account no longer exists');
  const { plan, summary } = planForeignFile(
    input,
    team.map((m) => ({ email: m.email, name: m.name })),
  );
  const dryRun = input.dryRun === true;
  const now = new Date();
  const built = planToHeadway(plan, { workspaceName: actor.workspaceName, importer, now: now.toISOString() });
  if (!built.ok) {
    // A dry run shows the problems in its summary; an import refuses them.
    if (dryRun) return { dryRun, summary, ...reportOf(null) };
    refuse(built.problems, summary);
  }
  const document = checkBuiltDocument(built.document);
  const mergeInput = {
    workspaceId: actor.workspaceId,
    source: plan.format,
    document,
    keys: plan.items.map((it) => it.key),
    history: plan.history,
    now,
    refusals: await findRefusals(db, actor),
  };
  if (dryRun) return { dryRun, summary, ...reportOf(await planMerge(db, mergeInput)) };
  const merged = await inTransaction(
    ctx,
    async ({ db: tx }) => {
      // New numbers and ranks are read and written under the lock that item captures take.
      await lockWorkspaceOrder(tx, actor.workspaceId);
      const merge = await planMerge(tx, mergeInput);
      await writeMerge(tx, merge, {
        actor,
        memberIds: new Map(team.map((m) => [m.email.toLowerCase(), m.id])),
        fileName: input.fileName ?? null,
        now,
      });
      return merge;
    },
    () => ({ kind: 'workspaceImported' }),
  );
  return { dryRun, summary, ...reportOf(merged) };
}
