/**
 * "When will my request ship?": the chance that each accepted idea meets its promised date,
 * read from the plan forecast's Monte Carlo (the same simulation as the roadmap's milestone
 * cards), with each idea as a milestone over its open work. Not stored: it is a view of the plan.
 */
import { FORECAST_DEFAULTS, type IdeaAlert, todayIso } from '../../contract';
import type { Database } from '../../db/client';
import type { PlanMilestone } from '../../domain/forecasting';
import { CLOSED_STATES, findOpenLeaves } from '../../domain/planning';
import type { AccountOwner } from './idea-demand';
import { loadPlanSource } from './plan-input';
import { loadPlanTrackRecord } from './plan-record';
import { prepareSimulation, simulatePlan } from './plan-simulation';

/** What the forecast says about one promised date. */
export interface PromiseForecast {
  probability: number | null;
  status: 'forecast' | 'done' | 'not-planned';
}

/**
 * The probability of each idea being done by the end of its promised date.
 * @param db the database
 * @param workspaceId the workspace whose plan is simulated (the answer does not depend on who asks)
 * @param promises the accepted ideas (item ids) and their promised dates
 * @returns per idea: the probability, or why there is none (done, or no work that can be planned)
 */
export async function forecastPromises(
  db: Database,
  workspaceId: string,
  promises: readonly { itemId: string; targetDate: string }[],
): Promise<Map<string, PromiseForecast>> {
  const answers = new Map<string, PromiseForecast>();
  if (promises.length === 0) return answers;
  const start = todayIso();
  const source = await loadPlanSource(db, workspaceId, start);
  const { prepared, drawn } = await prepareSimulation(db, { workspaceId, source, start });
  const planned = new Set(prepared.input.items.map((it) => it.id));
  const stateOf = new Map(source.items.map((it) => [it.id, it.state]));
  const milestones: PlanMilestone[] = [];
  for (const { itemId, targetDate } of promises) {
    if (CLOSED_STATES.has(stateOf.get(itemId) ?? 'done')) {
      answers.set(itemId, { probability: null, status: 'done' });
      continue;
    }
    const itemIds = findOpenLeaves(source, itemId)
      .map((it) => it.id)
      .filter((id) => planned.has(id));
    if (itemIds.length === 0) answers.set(itemId, { probability: null, status: 'not-planned' });
    else milestones.push({ id: itemId, itemIds, targetDate });
  }
  if (milestones.length === 0) return answers;
  const track = await loadPlanTrackRecord(db, { workspaceId, start });
  const { result } = await simulatePlan(db, {
    workspaceId,
    source,
    prepared,
    drawn,
    start,
    trials: FORECAST_DEFAULTS.planTrials,
    seed: FORECAST_DEFAULTS.seed,
    milestones,
    pits: track.pits,
  });
  for (const m of result.milestones) {
    answers.set(m.id, { probability: m.probabilityOnTime, status: 'forecast' });
  }
  return answers;
}

/** The members who own an account behind an idea, each with those accounts, by name. */
function groupOwners(
  owners: readonly AccountOwner[],
  team: readonly { userId: string; name: string }[],
): IdeaAlert['accountOwners'] {
  return team.flatMap((member) => {
    const companies = [...new Set(owners.filter((o) => o.userId === member.userId).map((o) => o.company))];
    return companies.length === 0
      ? []
      : [
          {
            userId: member.userId,
            name: member.name,
            companies: companies.sort((a, b) => a.localeCompare(b)),
          },
        ];
  });
}

/**
 * The accepted ideas whose promised date has fallen below the threshold, each for the people who
 * hold the decision on it and for the members who own an account that asked for it (the caller's
 * own marked `mine`).
 * @param ideas the ideas with their promise and account owners (see listIdeas)
 * @param holders who holds the scope decision in this team
 * @param team the workspace's members (an owner who left is not told)
 * @param userId the caller
 */
export function findPromiseAlerts(
  ideas: readonly {
    itemId: string;
    ref: string;
    title: string;
    promise: { targetDate: string; probability: number | null; atRisk: boolean } | null;
    accountOwners: readonly AccountOwner[];
  }[],
  holders: readonly { userId: string; name: string }[],
  team: readonly { userId: string; name: string }[],
  userId: string,
): IdeaAlert[] {
  return ideas.flatMap((idea) => {
    if (!idea.promise?.atRisk || idea.promise.probability === null) return [];
    const accountOwners = groupOwners(idea.accountOwners, team);
    return [
      {
        itemId: idea.itemId,
        ref: idea.ref,
        title: idea.title,
        targetDate: idea.promise.targetDate,
        probability: idea.promise.probability,
        holders: holders.map((h) => ({ userId: h.userId, name: h.name })),
        accountOwners,
        mine: holders.some((h) => h.userId === userId) || accountOwners.some((o) => o.userId === userId),
      },
    ];
  });
}
