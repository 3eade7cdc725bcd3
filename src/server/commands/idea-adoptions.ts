/**
 * Closing the loop on scores: the adoption a team records once an idea shipped, and the track
 * record that compares it with the prediction its acceptance logged (the decision's snapshot:
 * reach from evidence with its interval and sources, and the reach and impact scores).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { IdeaAdoption, IdeaDecision, IdeaTrackRecord, RecordIdeaAdoption } from '../../contract';
import type { Database } from '../../db/client';
import { ideaAdoptions, items, users } from '../../db/schema';
import { compareTrackRecord, type PredictionOutcome } from '../../domain/discovery';
import { AppError, notFound } from '../errors';
import { type Actor, isUuid, requireContributor } from '../policies/access';
import { label } from '../presenters/item';
import { type CommandContext, inTransaction } from './context';
import { findIdeaDecisions } from './idea-decisions';

/** Fewer ideas than this behind a source or an estimator: too few to tell. */
export const TRACK_RECORD_MIN_IDEAS = 5;

/** Who predicted a reach computed from evidence: the evidence itself, not a person. */
export const EVIDENCE_ESTIMATOR = 'evidence';

/**
 * The adoption recorded for each idea of the workspace.
 * @param db the database
 * @param workspaceId the workspace
 * @returns the adoptions by item id
 */
export async function findIdeaAdoptions(
  db: Database,
  workspaceId: string,
): Promise<Map<string, IdeaAdoption>> {
  const rows = await db
    .select({ adoption: ideaAdoptions, recordedByName: users.name })
    .from(ideaAdoptions)
    .leftJoin(users, eq(users.id, ideaAdoptions.recordedBy))
    .where(eq(ideaAdoptions.workspaceId, workspaceId));
  return new Map(
    rows.map(({ adoption: a, recordedByName }) => [
      a.itemId,
      {
        itemId: a.itemId,
        periodStart: a.periodStart,
        periodEnd: a.periodEnd,
        unit: a.unit,
        reach: a.reach,
        outOf: a.outOf,
        impact: a.impact,
        note: a.note,
        recordedBy: recordedByName ?? a.importedRecordedBy,
        recordedAt: a.recordedAt.toISOString(),
        version: a.version,
      },
    ]),
  );
}

/** The idea (an item of the workspace), locked for the transaction when it is about to change. */
async function findItem(db: Database, workspaceId: string, itemId: string, options = { lock: false }) {
  if (!isUuid(itemId)) throw notFound('Idea');
  const query = db
    .select({ id: items.id, number: items.number, title: items.title, state: items.state })
    .from(items)
    .where(and(eq(items.id, itemId), eq(items.workspaceId, workspaceId)));
  const [item] = options.lock ? await query.for('update') : await query;
  if (!item) throw notFound('Idea');
  return item;
}

/**
 * The adoption recorded for one idea.
 * @param db the database
 * @param actor a member of the workspace
 * @param itemId the idea (a backlog item)
 * @returns the adoption, or null while none is recorded
 */
export async function getIdeaAdoption(
  db: Database,
  actor: Actor,
  itemId: string,
): Promise<{ adoption: IdeaAdoption | null }> {
  await findItem(db, actor.workspaceId, itemId);
  return { adoption: (await findIdeaAdoptions(db, actor.workspaceId)).get(itemId) ?? null };
}

/**
 * Records what was observed once an idea shipped: the reach over a period (out of how many, when
 * known) and optionally the impact, with a note. Only a done item takes one; the first is
 * recorded without a version, a correction names the version it corrects (stale → 409).
 * @param ctx the database and the member recording
 * @param itemId the idea (a backlog item, done)
 * @param input the period, the unit, the reach, outOf, impact and note
 * @returns the adoption as it now stands
 */
export async function recordIdeaAdoption(
  ctx: CommandContext,
  itemId: string,
  input: RecordIdeaAdoption,
): Promise<IdeaAdoption> {
  const { actor } = ctx;
  requireContributor(actor);
  if (!isUuid(itemId)) throw notFound('Idea');
  return inTransaction(
    ctx,
    async ({ db: tx }) => {
      const item = await findItem(tx, actor.workspaceId, itemId, { lock: true });
      if (item.state !== 'done') {
        throw new AppError(
          'validation_failed',
          `${label(item)} is not done yet (it is ${item.state}): record its adoption once it has shipped`,
        );
      }
      const [current] = await tx
        .select({ version: ideaAdoptions.version })
        .from(ideaAdoptions)
        .where(and(eq(ideaAdoptions.workspaceId, actor.workspaceId), eq(ideaAdoptions.itemId, itemId)));
      const values = {
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        unit: input.unit,
        reach: input.reach,
        outOf: input.outOf ?? null,
        impact: input.impact ?? null,
        note: input.note || null,
        recordedBy: actor.userId,
        importedRecordedBy: null,
        recordedAt: new Date(),
      };
      if (!current) {
        if (input.version !== undefined) {
          throw new AppError(
            'validation_failed',
            `version: no adoption is recorded for ${label(item)} yet; leave version out to record the first`,
          );
        }
        await tx.insert(ideaAdoptions).values({ ...values, workspaceId: actor.workspaceId, itemId });
      } else {
        if (input.version !== current.version) {
          throw new AppError(
            'version_conflict',
            input.version === undefined
              ? `An adoption is already recorded for ${label(item)} (version ${current.version}): reload it and send its version to correct it`
              : `Someone changed the adoption of ${label(item)} since you loaded it (now version ${current.version}): reload it and record again`,
            { details: { currentVersion: current.version } },
          );
        }
        await tx
          .update(ideaAdoptions)
          .set({ ...values, version: current.version + 1 })
          .where(and(eq(ideaAdoptions.workspaceId, actor.workspaceId), eq(ideaAdoptions.itemId, itemId)));
      }
      const adoption = (await findIdeaAdoptions(tx, actor.workspaceId)).get(itemId);
      if (!adoption) throw new Error('the adoption just written was not read back');
      return adoption;
    },
    () => ({ kind: 'itemChanged', itemIds: [itemId] }),
  );
}

/**
 * An accepted idea's predictions with what was observed: the reach share from evidence (when the
 * adoption says out of how many), and the reach and impact scores, each credited to whoever set
 * it (or, when that was not recorded, to whoever accepted the idea).
 * @param ideaId the idea
 * @param decision the accepted decision, with its snapshot
 * @param adoption the adoption recorded
 * @returns zero to three comparisons
 */
export function pairPredictions(
  ideaId: string,
  decision: IdeaDecision,
  adoption: IdeaAdoption,
): PredictionOutcome[] {
  const { snapshot } = decision;
  const decider = decision.decidedBy ?? 'someone';
  const pairs: PredictionOutcome[] = [];
  if (snapshot.reach && adoption.outOf !== null) {
    pairs.push({
      ideaId,
      measure: 'reach',
      predicted: snapshot.reach.share,
      low: snapshot.reach.low,
      high: snapshot.reach.high,
      observed: adoption.reach / adoption.outOf,
      sources: (snapshot.sources ?? []).map((s) => s.source),
      estimator: EVIDENCE_ESTIMATOR,
    });
  }
  const scored = (
    measure: PredictionOutcome['measure'],
    predicted: number | null | undefined,
    setBy: string | null | undefined,
    observed: number | null,
  ) => {
    if (predicted == null || observed === null) return;
    const estimator = setBy ?? decider;
    pairs.push({ ideaId, measure, predicted, low: null, high: null, observed, sources: [], estimator });
  };
  scored('reach', snapshot.estimate?.reach, snapshot.estimate?.reachBy, adoption.reach);
  scored('impact', snapshot.estimate?.impact, snapshot.estimate?.impactBy, adoption.impact);
  return pairs;
}

/**
 * The track record of predictions: every accepted idea with a recorded adoption, compared per
 * evidence source and per estimator.
 * @param db the database
 * @param workspaceId the workspace
 * @param loaded the decisions and adoptions when the caller has read them already
 * @returns the groups with their verdicts, the ideas compared, and the done ones still awaiting an adoption
 */
export async function computeIdeaTrackRecord(
  db: Database,
  workspaceId: string,
  loaded?: { decisions: Map<string, IdeaDecision>; adoptions: Map<string, IdeaAdoption> },
): Promise<IdeaTrackRecord> {
  const { decisions, adoptions } = loaded ?? {
    decisions: await findIdeaDecisions(db, workspaceId),
    adoptions: await findIdeaAdoptions(db, workspaceId),
  };
  const accepted = [...decisions.entries()].filter(([, d]) => d.outcome === 'accepted');
  const done =
    accepted.length === 0
      ? new Set<string>()
      : new Set(
          (
            await db
              .select({ id: items.id })
              .from(items)
              .where(
                and(
                  eq(items.workspaceId, workspaceId),
                  eq(items.state, 'done'),
                  inArray(
                    items.id,
                    accepted.map(([id]) => id),
                  ),
                ),
              )
          ).map((row) => row.id),
        );
  const outcomes: PredictionOutcome[] = [];
  let compared = 0;
  let awaitingAdoption = 0;
  for (const [itemId, decision] of accepted) {
    const adoption = adoptions.get(itemId);
    if (!adoption) {
      if (done.has(itemId)) awaitingAdoption += 1;
      continue;
    }
    compared += 1;
    outcomes.push(...pairPredictions(itemId, decision, adoption));
  }
  return {
    compared,
    awaitingAdoption,
    minIdeas: TRACK_RECORD_MIN_IDEAS,
    groups: compareTrackRecord(outcomes, { minIdeas: TRACK_RECORD_MIN_IDEAS }),
  };
}
