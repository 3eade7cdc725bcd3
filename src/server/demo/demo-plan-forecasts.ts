/**
 * The demo's past plan forecasts: at past days, "when will this epic's open work be done?",
 * computed with the real plan engine from what the company knew that day only: the epic's open
 * items and their estimates, the team, the actual/estimate ratios and the focus factor of work
 * completed before it. They are stored unscored; loading the demo scores them through the
 * ordinary track-record path against when the work really finished.
 */

import type { HeadwayExport } from '../../contract';
import {
  buildFinishHistogram,
  buildRatioLookup,
  type EffortRecord,
  learnFocusFactor,
  medianRatioBefore,
  runPlanForecast,
} from '../../domain/forecasting';
import { measureCapacityGiven } from '../../domain/planning';
import { buildSchedule } from '../../domain/scheduling';
import { formatIsoDay, MS_PER_DAY, readDayNumber } from '../../domain/shared';

const LEAF_TYPES = new Set(['feature', 'task', 'bug']);
/** Fewer trials than a forecast asked for in the app, to keep start-up quick. */
const TRIALS = 100;
/** Epics forecast on one day at most, those with the most work in flight first. */
const EPICS_PER_DAY = 2;
const FOCUS_WINDOW_DAYS = 90;

type DocItem = HeadwayExport['items'][number];
const dayOf = (iso: string) => iso.slice(0, 10);

const UNDER_WAY = new Set(['in_progress', 'in_review']);

/**
 * Each item's state at the start of `start`, from the state history before it, and for work
 * under way then, when it last entered a started state from outside one.
 */
function statesAt(doc: HeadwayExport, start: string) {
  const states = new Map<number, string>();
  const since = new Map<number, Date>();
  for (const h of [...doc.stateHistory].sort((a, b) => a.at.localeCompare(b.at))) {
    if (dayOf(h.at) >= start) continue;
    if (UNDER_WAY.has(h.to) && !UNDER_WAY.has(states.get(h.item) ?? '')) since.set(h.item, new Date(h.at));
    states.set(h.item, h.to);
  }
  return { states, since };
}

/**
 * The capacity each person had given each item they had under way on `start`, shared among all
 * their work under way that day, as the roadmap counts it (work-under-way.ts).
 */
function measureElapsed(
  doc: HeadwayExport,
  options: {
    states: ReadonlyMap<number, string>;
    since: ReadonlyMap<number, Date>;
    start: string;
    people: ReadonlyArray<{ id: string; fte: number }>;
  },
): Map<number, number> {
  const { states, since, start, people } = options;
  const underWay = doc.items.filter(
    (it) => LEAF_TYPES.has(it.type) && UNDER_WAY.has(states.get(it.number) ?? '') && it.assignee !== null,
  );
  const share = new Map<string, number>();
  for (const it of underWay) share.set(it.assignee!, (share.get(it.assignee!) ?? 0) + 1);
  const elapsed = new Map<number, number>();
  for (const it of underWay) {
    const person = people.find((p) => p.id === it.assignee);
    const startedAt = since.get(it.number);
    if (!person || !startedAt) continue;
    elapsed.set(
      it.number,
      measureCapacityGiven({ startedAt, planStart: start, fte: person.fte, share: share.get(person.id)! }),
    );
  }
  return elapsed;
}

/**
 * The work in flight on `start`, by epic: the leaves in progress or in review that day, estimated
 * before it. They are chosen by what was known that day, never by whether they finished since.
 */
function findSubjects(doc: HeadwayExport, states: ReadonlyMap<number, string>, start: string) {
  const inFlight = new Map<number, DocItem[]>();
  for (const it of doc.items) {
    const state = states.get(it.number);
    if (!LEAF_TYPES.has(it.type) || it.parent === null || !it.estimate) continue;
    if (state !== 'in_progress' && state !== 'in_review') continue;
    if (dayOf(it.estimate.estimatedAt ?? it.createdAt) >= start) continue;
    inFlight.set(it.parent, [...(inFlight.get(it.parent) ?? []), it]);
  }
  return doc.items
    .flatMap((epic) => {
      const open = inFlight.get(epic.number) ?? [];
      return epic.type === 'epic' && open.length > 0 ? [{ epic, open }] : [];
    })
    .sort((a, b) => b.open.length - a.open.length || a.epic.number - b.epic.number)
    .slice(0, EPICS_PER_DAY);
}

/**
 * Past plan forecasts for the demo: every `everyDays` from `firstDaysAgo` to `lastDaysAgo`, one
 * for each of the (at most EPICS_PER_DAY) epics with the most work in flight that day ("when will what we are doing on it be done?"). The
 * plan places only those items on the team (its people and skills, each started item on its
 * assignee), so it reads nothing the company learned later; what has not finished yet stays
 * pending in the track record.
 * @param doc the demo workspace
 * @param options.now the demo's "now"
 * @param options.madeBy the email of the person who asked
 * @returns plan forecasts in Headway JSON, unscored
 */
export function buildPastPlanForecasts(
  doc: HeadwayExport,
  options: { now: Date; madeBy: string; firstDaysAgo?: number; lastDaysAgo?: number; everyDays?: number },
): HeadwayExport['forecasts'] {
  const { firstDaysAgo = 147, lastDaysAgo = 21, everyDays = 14 } = options;
  const todayNumber = Math.floor(options.now.getTime() / MS_PER_DAY);
  const people = doc.members
    .filter((m) => m.fte > 0 && m.skills.length > 0)
    .map((m) => ({ id: m.email, name: m.name, fte: m.fte, skills: m.skills }));
  const totalFte = people.reduce((sum, p) => sum + p.fte, 0);
  const done = doc.items.filter((it) => LEAF_TYPES.has(it.type) && it.completedAt !== null);
  const records: EffortRecord[] = done.flatMap((it) =>
    it.estimate && it.actualEffort !== null
      ? [
          {
            estimator: it.estimate.estimatedBy,
            itemType: it.type,
            likely: it.estimate.likely,
            actual: it.actualEffort,
            completedOn: dayOf(it.completedAt!),
          },
        ]
      : [],
  );
  const out: HeadwayExport['forecasts'] = [];
  for (let back = firstDaysAgo; back >= lastDaysAgo; back -= everyDays) {
    const start = formatIsoDay(todayNumber - back);
    const lookup = buildRatioLookup(records, start);
    const focus = learnFocusFactor({
      delivered: done.map((it) => ({
        completedOn: dayOf(it.completedAt!),
        actual: it.actualEffort,
        likely: it.estimate?.likely ?? null,
      })),
      totalFte,
      medianRatio: medianRatioBefore(records, start),
      start,
      windowDays: FOCUS_WINDOW_DAYS,
    });
    const { states, since } = statesAt(doc, start);
    const elapsedOf = measureElapsed(doc, { states, since, start, people });
    for (const { epic, open } of findSubjects(doc, states, start)) {
      const ids = open.map((it) => `item:#${it.number}`);
      const result = runPlanForecast({
        items: open.map((it, i) => ({
          id: ids[i]!,
          estimate: it.estimate!,
          ratios: lookup(it.estimate!.estimatedBy, it.type)?.ratios,
          elapsed: elapsedOf.get(it.number),
        })),
        trials: TRIALS,
        seed: back,
        start,
        focus: focus.value,
        milestones: [{ id: 'subject', itemIds: ids }],
        schedule: (durations) => {
          const plan = buildSchedule({
            startDate: start,
            people,
            milestones: [],
            items: open.map((it, i) => ({
              id: ids[i]!,
              effortDays: durations[i]!,
              skills: it.skills,
              dependsOn: [],
              started: true,
              ...(it.assignee && people.some((p) => p.id === it.assignee) ? { assigneeId: it.assignee } : {}),
            })),
          });
          return plan.status === 'planned' ? plan.items.map((s) => s.endDay) : open.map(() => Number.NaN);
        },
      });
      const percentiles = result.milestones[0]!.percentiles.map((p) => ({
        level: p.level,
        date: p.date,
        dayOffset: p.date === null ? null : readDayNumber(p.date) - readDayNumber(start),
      }));
      out.push({
        kind: 'plan',
        subject: {
          milestoneId: `item:#${epic.number}`,
          itemIds: ids,
          title: `#${epic.number} ${epic.title}`,
          targetDate: null,
        },
        method: result.method,
        inputs: {
          trials: TRIALS,
          seed: back,
          plannedItems: open.length,
          people: people.length,
          focus: focus.value,
        },
        percentiles,
        distribution: buildFinishHistogram(result.milestones[0]!.curve, TRIALS),
        madeBy: options.madeBy,
        madeAt: `${start}T09:30:00.000Z`,
        startDate: start,
        outcome: null,
        scoredAt: null,
      });
    }
  }
  return out;
}
