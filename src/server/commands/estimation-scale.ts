import { eq } from 'drizzle-orm';
import type { EstimationScale, UpdateEstimationScale } from '../../contract';
import type { Database } from '../../db/client';
import { type WorkspaceTShirtScale, workspaces } from '../../db/schema';
import { DEFAULT_TSHIRT_SCALE, type TShirtScale, validateTShirtScale } from '../../domain/estimation';
import { AppError, notFound } from '../errors';
import { requireContributor, requireDecision } from '../policies/access';
import { type CommandContext, inTransaction } from './context';
import { recordDecision } from './decision-log';

/** The t-shirt ranges of a workspace: the estimates decision, owned by the tech roles. */

/**
 * Turns a stored scale into the domain's shape (ranges in working days).
 * @param stored the workspace's scale, or null for none
 * @returns the domain scale, the default when the workspace has none
 */
export function toDomainScale(stored: WorkspaceTShirtScale | null | undefined): TShirtScale {
  if (!stored) return DEFAULT_TSHIRT_SCALE;
  return {
    unit: 'days',
    sizes: stored.sizes.map((entry) => ({
      size: entry.size,
      low: entry.min,
      high: entry.max,
      ...(entry.mustSplit ? { mustSplit: true } : {}),
    })),
  };
}

/**
 * Loads the scale sizes of a workspace convert with, once per request.
 * @param db the database
 * @param workspaceId the workspace
 * @returns the workspace's scale, or the default when it has none
 */
export async function loadTShirtScale(db: Database, workspaceId: string): Promise<TShirtScale> {
  const [row] = await db
    .select({ tshirtScale: workspaces.tshirtScale })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  return toDomainScale(row?.tshirtScale);
}

function presentScale(stored: WorkspaceTShirtScale | null | undefined): EstimationScale {
  const scale = toDomainScale(stored);
  return {
    unit: 'days',
    isDefault: !stored,
    sizes: scale.sizes.map((entry) => ({
      size: entry.size,
      min: entry.low,
      max: entry.high,
      mustSplit: entry.mustSplit === true,
    })),
  };
}

/**
 * Checks a scale with the domain's rules and answers 400 naming the bad sizes.
 * @param stored the scale to check
 */
export function checkTShirtScale(stored: WorkspaceTShirtScale): void {
  const problems = validateTShirtScale(toDomainScale(stored));
  if (problems.length > 0) {
    throw new AppError('validation_failed', `sizes: ${problems.join('; ')}`, { details: { problems } });
  }
}

/**
 * The workspace's t-shirt ranges, or the default ones with `isDefault: true`.
 * @param db the database
 * @param workspaceId the workspace
 * @returns the scale in working days
 */
export async function getEstimationScale(db: Database, workspaceId: string): Promise<EstimationScale> {
  const [row] = await db
    .select({ tshirtScale: workspaces.tshirtScale })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  if (!row) throw notFound('Workspace');
  return presentScale(row.tshirtScale);
}

/**
 * Replaces the workspace's t-shirt ranges (the estimates decision) and logs the decision.
 * Ranges must grow with the size; a bad scale answers 400 and nothing changes.
 * @param ctx the database and the caller
 * @param input the sizes, smallest first, and an optional rationale
 * @returns the new scale
 */
export async function updateEstimationScale(
  ctx: CommandContext,
  input: UpdateEstimationScale,
): Promise<EstimationScale> {
  const { db, actor } = ctx;
  requireContributor(actor);
  await requireDecision(db, actor, 'estimates');
  const stored: WorkspaceTShirtScale = {
    sizes: input.sizes.map((entry) => ({
      size: entry.size,
      min: entry.min,
      max: entry.max,
      ...(entry.mustSplit ? { mustSplit: true } : {}),
    })),
  };
  checkTShirtScale(stored);
  return inTransaction(
    ctx,
    async ({ db: tx }) => {
      const [row] = await tx
        .update(workspaces)
        .set({ tshirtScale: stored })
        .where(eq(workspaces.id, actor.workspaceId))
        .returning({ tshirtScale: workspaces.tshirtScale });
      if (!row) throw notFound('Workspace');
      await recordDecision(tx, {
        workspaceId: actor.workspaceId,
        decision: 'estimates',
        actorId: actor.userId,
        summary: `Set the t-shirt ranges: ${stored.sizes.map((s) => `${s.size} ${s.min}–${s.max} days`).join(', ')}`,
        rationale: input.rationale,
        details: { tshirtScale: stored },
      });
      return presentScale(row.tshirtScale);
    },
    () => ({ kind: 'estimationScaleSaved' }),
  );
}
