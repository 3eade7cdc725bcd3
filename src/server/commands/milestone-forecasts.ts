/** Every roadmap milestone's forecast at once, for the roadmap's cards: one simulation, not stored. */
import type { MilestoneForecastsQuery, MilestoneForecastsView } from '../../contract';
import { todayIso } from '../../contract';
import type { CommandContext } from './context';
import { loadPlanSource } from './plan-input';
import { loadPlanTrackRecord } from './plan-record';
import { groupMilestones, prepareSimulation, presentPlanRecord, simulatePlan } from './plan-simulation';

/**
 * The P50, P85 and P(on time) of every roadmap milestone, from one Monte Carlo over the whole
 * plan (the same simulation as the plan forecast, so the roadmap and the forecast page agree).
 * Not stored in the track record: it is a view of the plan, not a forecast someone made.
 * @param ctx the database and the member asking
 * @param query trials and seed (defaults in MilestoneForecastsQuerySchema, as the plan forecast's)
 */
export async function forecastMilestones(
  ctx: CommandContext,
  query: MilestoneForecastsQuery,
): Promise<MilestoneForecastsView> {
  const { db, actor } = ctx;
  const start = todayIso();
  const { trials, seed } = query;
  const source = await loadPlanSource(db, actor.workspaceId, start);
  const targetOf = new Map(source.items.map((it) => [it.id, it.targetDate]));
  const { prepared, drawn } = await prepareSimulation(db, { workspaceId: actor.workspaceId, source, start });
  const milestones = groupMilestones(prepared, (id) => targetOf.get(id));
  const itemsOf = new Map(milestones.map((m) => [m.id, m.itemIds]));
  const track = await loadPlanTrackRecord(db, { workspaceId: actor.workspaceId, start });
  const { record, result, recalibration } = await simulatePlan(db, {
    workspaceId: actor.workspaceId,
    source,
    prepared,
    drawn,
    start,
    trials,
    seed,
    milestones,
    pits: track.pits,
  });
  const dateAt = (percentiles: { level: number; date: string | null }[], level: number) =>
    percentiles.find((p) => p.level === level)?.date ?? null;
  return {
    start,
    trials,
    milestones: result.milestones.map((m) => ({
      unestimated: itemsOf.get(m.id)?.filter((id) => drawn.itemIds.has(id)).length ?? 0,
      id: m.id,
      targetDate: targetOf.get(m.id) ?? null,
      p50: dateAt(m.percentiles, 50),
      p85: dateAt(m.percentiles, 85),
      probabilityOnTime: m.probabilityOnTime,
    })),
    record: presentPlanRecord(record, drawn, track.line, recalibration),
    notes: [
      record.efforts.note,
      record.focus.note,
      ...(drawn.itemIds.size > 0
        ? [
            `${drawn.itemIds.size} planned item(s) have no estimate: every trial draws each one's effort from ${drawn.sizes.note}.`,
          ]
        : []),
    ],
  };
}
