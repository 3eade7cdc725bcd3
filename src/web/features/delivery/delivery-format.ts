/** Words and numbers of the Delivery page, apart from the components so they can be tested. */
import type { FlowMetricsView } from '../../../contract';

/** A duration in days: one decimal below 10 days, whole days above. */
export function formatDays(days: number | null): string {
  if (days === null) return '—';
  return days < 10 ? `${days.toFixed(1)} d` : `${Math.round(days)} d`;
}

/**
 * "older than 85 % of finished work", or why it cannot be said.
 * @param percent the share of the period's cycle times below the item's age (0–100), or null
 */
export function describeAgingPercentile(percent: number | null): string {
  if (percent === null) return 'nothing finished in the period to compare with';
  return `older than ${Math.floor(percent)} % of finished work`;
}

/** How alarming an age is: past the 85th percentile is late, past the 50th is watch. */
export function ageLevel(percent: number | null): 'late' | 'watch' | 'ok' {
  if (percent === null) return 'ok';
  return percent >= 85 ? 'late' : percent >= 50 ? 'watch' : 'ok';
}

/** The periods the page offers, in days ending today. */
export const PERIODS = [30, 90, 180, 365] as const;

/** A duration in hours as people say it: minutes below an hour, hours below two days, then days. */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} h`;
  return formatDays(hours / 24);
}

/** A share (0–1) as a percentage with one decimal, or a dash when nothing was measured. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)} %`;
}

/**
 * The time finished work spent not being worked on, as the Delivery page lists it: blocked time and
 * flow efficiency where the workflow marks the states they need, and why each is missing otherwise.
 * @param metrics the period's blocked time and flow efficiency
 * @returns the figures (label, value) and the reasons for those missing
 */
export function describeTimeNotWorked(metrics: Pick<FlowMetricsView, 'blockedTime' | 'flowEfficiency'>): {
  figures: { label: string; value: string }[];
  missing: string[];
} {
  const { blockedTime: blocked, flowEfficiency: efficiency } = metrics;
  const figures: { label: string; value: string }[] = [];
  if (blocked.available) {
    figures.push(
      { label: `Blocked (${blocked.items} finished items)`, value: formatDays(blocked.blockedDays) },
      { label: 'Share of cycle time blocked', value: formatShare(blocked.share) },
    );
  }
  if (efficiency.available) {
    figures.push({
      label: 'Flow efficiency (time worked)',
      value: formatShare(efficiency.percent === null ? null : efficiency.percent / 100),
    });
  }
  const missing = [blocked, efficiency].flatMap((m) => (m.available ? [] : [m.reason]));
  return { figures, missing };
}
