/**
 * Whether a milestone is late, at risk or on track, as the plan forecast says it: from the chance
 * of being done by the target date over every simulated plan, not from the one scheduled date.
 * The roadmap's cards, the forecast page and the health updates read it from here.
 */

/** Below this chance of meeting the target a milestone is late: more likely to miss than to make it. */
export const LATE_BELOW = 0.5;
/** Below this chance it is at risk: the target is later than the forecast's P85. */
export const AT_RISK_BELOW = 0.85;

export const MILESTONE_RISKS = ['on-track', 'at-risk', 'late'] as const;
export type MilestoneRisk = (typeof MILESTONE_RISKS)[number];

/** What each judgement means, in the words every screen shows (tooltips, docs). */
export const MILESTONE_RISK_RULE = `From the plan forecast: late when less than ${LATE_BELOW * 100} % likely to be done by the target date, at risk when less than ${AT_RISK_BELOW * 100} %, on track otherwise.`;

/**
 * Judges a milestone from its forecast's chance of meeting the target.
 * @param probabilityOnTime share of simulated plans done by the end of the target date (0..1), or
 *   null when the milestone has no target or no forecast
 * @returns late, at risk or on track; null when there is nothing to judge
 */
export function judgeMilestoneRisk(probabilityOnTime: number | null): MilestoneRisk | null {
  if (probabilityOnTime === null) return null;
  if (probabilityOnTime < LATE_BELOW) return 'late';
  if (probabilityOnTime < AT_RISK_BELOW) return 'at-risk';
  return 'on-track';
}

/** The label of a judgement on a card: "Late", "At risk", "On track". */
export function describeMilestoneRisk(risk: MilestoneRisk): string {
  switch (risk) {
    case 'late':
      return 'Late';
    case 'at-risk':
      return 'At risk';
    case 'on-track':
      return 'On track';
  }
}

/** A person's call on a milestone in a health update. */
export const HEALTH_STATUSES = ['on_track', 'at_risk', 'off_track'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/** "on track", "at risk", "off track". */
export function describeHealthStatus(status: HealthStatus): string {
  return status.replace('_', ' ');
}

/**
 * Whether a person's call on a milestone contradicts its forecast: they say it is on track while
 * the forecast says it is more likely to miss the target than to make it.
 * @param call the latest health update's status
 * @param probabilityOnTime the forecast's chance of meeting the target, or null
 * @returns the hint to show beside the call, or null when they do not contradict each other
 */
export function findHealthMismatch(call: HealthStatus, probabilityOnTime: number | null): string | null {
  if (call !== 'on_track' || probabilityOnTime === null || probabilityOnTime >= LATE_BELOW) return null;
  return `Called on track, but the forecast gives it only ${Math.round(probabilityOnTime * 100)} % by the target: say what the forecast does not know, or change the call.`;
}
