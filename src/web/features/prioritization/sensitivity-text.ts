import type { RankSensitivityReport } from '../../../contract';
import { describeScoreKey, formatNumber } from './frameworks';

type Change = RankSensitivityReport['changes'][number];

// A reach in accounts reads best whole; a small number keeps its digits.
const approx = (value: number): string => formatNumber(Math.abs(value) >= 10 ? Math.round(value) : value);

/**
 * What a change found at an end of a score's interval from evidence means, in a product owner's
 * words: "RICE reach from evidence is 33–167 accounts (now 100); at 167 it would enter the top 10".
 * @param change a change reported with `via: 'interval'`
 * @param top how many places count as the top
 * @returns the sentence, or null for a one-step change
 */
export function describeIntervalChange(change: Change, top: number): string | null {
  if (change.via !== 'interval' || !change.interval || typeof change.to !== 'number') return null;
  // A reach from evidence is the share of accounts heard that asked, times the accounts in the segment.
  const unit = change.scoreKey === 'rice_reach' ? ' accounts' : '';
  const { low, high } = change.interval;
  const now = typeof change.from === 'number' ? approx(change.from) : change.from;
  const outcome =
    change.effect === 'enters-top'
      ? `enter the top ${top}`
      : change.effect === 'leaves-top'
        ? `leave the top ${top}`
        : `reorder the top ${top}`;
  return `${describeScoreKey(change.scoreKey)} from evidence is ${approx(low)}–${approx(high)}${unit} (now ${now}); at ${approx(change.to)} it would ${outcome}`;
}
