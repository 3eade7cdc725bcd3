/**
 * The demo's last week, so its weekly brief opens on a milestone forecast that moved and says
 * why. Before the week, the roadmap's milestone forecasts are stored as the roadmap showed them
 * (the same simulation the brief reads for "now", on the plan as it stood before the week's
 * change); during the week the CTO adds estimated work to an initiative through the ordinary
 * item command. Nothing is invented: "then" and "now" come from one engine, and they differ by
 * what the week changed.
 */
import { and, eq } from 'drizzle-orm';
import { BRIEF_DEFAULTS, FORECAST_DEFAULTS, todayIso } from '../../contract';
import type { Database } from '../../db/client';
import { items } from '../../db/schema';
import { addDays, readDayNumber } from '../../domain/shared';
import { storeForecast } from '../commands/forecasts';
import { createItem } from '../commands/items';
import { forecastMilestones } from '../commands/milestone-forecasts';
import { getRoadmap } from '../commands/roadmap';
import { findActor } from '../policies/access';
import { WEEK_SCOPE } from './demo-content';

/**
 * Stores the milestone forecasts as they stood the day before the brief's week, then adds the
 * week's scope.
 * @param db the database, the demo just imported
 * @param options.workspaceId the demo workspace
 * @param options.forecaster who asked for the forecasts (the CPO); options.adder who added the work (the CTO)
 * @param options.now the demo's "now"
 */
export async function addDemoWeek(
  db: Database,
  options: { workspaceId: string; forecaster: string; adder: string; now: Date },
): Promise<void> {
  const { workspaceId } = options;
  const forecaster = await findActor(db, options.forecaster, workspaceId);
  const adder = await findActor(db, options.adder, workspaceId);
  if (!forecaster || !adder) throw new Error('the demo people are members of the demo');
  const today = todayIso(options.now);
  const roadmap = await getRoadmap(db, workspaceId, { start: today });
  const view = await forecastMilestones(
    { db, actor: forecaster },
    { trials: FORECAST_DEFAULTS.planTrials, seed: FORECAST_DEFAULTS.seed },
  );
  // Made the day before the brief's week begins, so the brief reads it as "then".
  const madeOn = addDays(today, -BRIEF_DEFAULTS.days - 1);
  const offset = (date: string | null) =>
    date === null ? null : readDayNumber(date) - readDayNumber(view.start);
  for (const m of view.milestones) {
    const milestone = roadmap.milestones.find((r) => r.id === m.id);
    if (!milestone || m.p85 === null) continue;
    await storeForecast(db, {
      workspaceId,
      kind: 'plan',
      subject: {
        milestoneId: m.id,
        itemIds: roadmap.items.filter((it) => it.milestoneId === m.id).map((it) => it.itemId),
        title: milestone.number === null ? milestone.title : `#${milestone.number} ${milestone.title}`,
        targetDate: m.targetDate,
      },
      method: 'plan-monte-carlo',
      inputs: { trials: view.trials, seed: FORECAST_DEFAULTS.seed, focus: view.record.focus },
      startDate: view.start,
      percentiles: [
        { level: 50, date: m.p50, dayOffset: offset(m.p50) },
        { level: 85, date: m.p85, dayOffset: offset(m.p85) },
      ],
      madeBy: forecaster.userId,
      madeAt: new Date(`${madeOn}T09:00:00.000Z`),
    });
  }
  const [epic] = await db
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.workspaceId, workspaceId), eq(items.type, 'epic'), eq(items.title, WEEK_SCOPE.epic)));
  if (!epic) throw new Error(`the demo has the epic ${WEEK_SCOPE.epic}`);
  await createItem(
    { db, actor: adder },
    {
      type: 'feature',
      title: WEEK_SCOPE.title,
      parentId: epic.id,
      estimate: WEEK_SCOPE.estimate,
      skills: [...WEEK_SCOPE.skills],
    },
  );
}
