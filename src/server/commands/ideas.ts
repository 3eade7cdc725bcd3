/**
 * Ideas as the Ideas page, the API and `headway ideas` show them: the demand behind each (see
 * idea-demand.ts), the decision on it with its why, and for an accepted idea with a promised date
 * the chance of meeting it, with an alert for the decision's holders and the owners of the
 * accounts that asked when it falls too low.
 */
import type { Idea, IdeaList } from '../../contract';
import type { Database } from '../../db/client';
import { findEffectiveHolders } from '../../domain/decision-rights';
import { type Actor, findTeam } from '../policies/access';
import { computeIdeaTrackRecord, findIdeaAdoptions } from './idea-adoptions';
import { getIdeaAlertThreshold } from './idea-alert-threshold';
import { findIdeaDecisions } from './idea-decisions';
import { summarizeIdeas } from './idea-demand';
import { findPromiseAlerts, forecastPromises } from './idea-promises';

/**
 * The workspace's ideas, most accounts first, each with its decision and, once accepted with a
 * target date, the probability of being done by it.
 * @param db the database
 * @param actor a member of the workspace
 * @returns the ideas, the accounts heard, the unlinked evidence, the promises at risk, and the
 * track record of the predictions made when ideas were accepted
 */
export async function listIdeas(db: Database, actor: Actor): Promise<IdeaList> {
  const { ideas: demand, accountsHeard, unlinkedEvidence } = await summarizeIdeas(db, actor.workspaceId);
  const decisions = await findIdeaDecisions(db, actor.workspaceId);
  const adoptions = await findIdeaAdoptions(db, actor.workspaceId);
  const promised = demand.flatMap(({ itemId, targetDate }) =>
    decisions.get(itemId)?.outcome === 'accepted' && targetDate !== null ? [{ itemId, targetDate }] : [],
  );
  const forecasts = await forecastPromises(db, actor.workspaceId, promised);
  const threshold = await getIdeaAlertThreshold(db, actor.workspaceId);
  const alertBelow = threshold.alertBelow;
  const ideas: Idea[] = demand.map(({ targetDate, accountOwners: _owners, ...idea }) => {
    const forecast = forecasts.get(idea.itemId);
    return {
      ...idea,
      decision: decisions.get(idea.itemId) ?? null,
      adoption: adoptions.get(idea.itemId) ?? null,
      promise:
        forecast && targetDate !== null
          ? {
              targetDate,
              probability: forecast.probability,
              status: forecast.status,
              atRisk: forecast.probability !== null && forecast.probability < alertBelow,
            }
          : null,
    };
  });
  const team = promised.length > 0 ? await findTeam(db, actor.workspaceId) : [];
  const holders = promised.length > 0 ? findEffectiveHolders(actor.matrix, 'scope', team) : [];
  const owners = new Map(demand.map((d) => [d.itemId, d.accountOwners]));
  const alerts = findPromiseAlerts(
    ideas.map((idea) => ({ ...idea, accountOwners: owners.get(idea.itemId) ?? [] })),
    holders,
    team,
    actor.userId,
  );
  return {
    ideas,
    accountsHeard,
    unlinkedEvidence,
    alertBelow,
    alertThresholdDecisionId: threshold.decisionId,
    alerts,
    trackRecord: await computeIdeaTrackRecord(db, actor.workspaceId, { decisions, adoptions }),
  };
}
