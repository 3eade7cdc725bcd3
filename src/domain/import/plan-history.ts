/**
 * State history from timestamps: created → (started) → done or cancelled. This is what makes
 * throughput, cycle time, the forecast track record and calibration work from the moment an
 * import lands. Only steps up to the item's current state are written, and they must be in time
 * order: a step dated before the one it follows is dropped and reported.
 */
import type { PlannedHistoryEntry, PlannedItem } from './plan-types';
import type { ImportItemState, ImportProblem } from './types';

/**
 * Derives the state changes of one item.
 * @param item the planned item (its state, category and times)
 * @returns the entries in time order, ending in the item's current state when the times allow,
 *   and a problem for every step whose time is out of order
 */
export function deriveHistory(item: PlannedItem): {
  entries: PlannedHistoryEntry[];
  problems: ImportProblem[];
} {
  const steps: { to: ImportItemState; at: string | null; label: string }[] = [];
  const category = item.category;
  steps.push({ to: category === 'todo' ? item.state : 'new', at: item.createdAt, label: 'created' });
  if (category !== 'todo') {
    steps.push({
      to: category === 'in_progress' ? item.state : 'in_progress',
      at: item.startedAt,
      label: 'started',
    });
  }
  if (category === 'done' || category === 'cancelled') {
    steps.push({ to: item.state, at: item.closedAt, label: category === 'done' ? 'completed' : 'cancelled' });
  }
  const dated = steps.filter(
    (step): step is { to: ImportItemState; at: string; label: string } => step.at !== null,
  );
  const problems: ImportProblem[] = [];
  // Keep the last step (the current state matters most); drop earlier ones that come after it.
  const kept: typeof dated = [];
  for (let i = dated.length - 1; i >= 0; i--) {
    const step = dated[i]!;
    const following = kept[0];
    if (following && step.at > following.at) {
      problems.push({
        row: item.row,
        column: null,
        message: `${item.key} was ${step.label} (${step.at}) after it was ${following.label} (${following.at})`,
        why: `the ${step.label} step is left out of its history`,
        severity: 'warning',
      });
      continue;
    }
    kept.unshift(step);
  }
  const entries: PlannedHistoryEntry[] = [];
  let from: ImportItemState | null = null;
  for (const step of kept) {
    if (step.to === from) continue;
    entries.push({ item: item.key, from, to: step.to, at: step.at });
    from = step.to;
  }
  if ((category === 'done' || category === 'cancelled') && item.closedAt === null) {
    problems.push({
      row: item.row,
      column: null,
      message: `${item.key} is ${category} but the file gives no time for it`,
      why: 'it is imported, but throughput and the forecast track record cannot count it',
      severity: 'warning',
    });
  }
  return { entries, problems };
}
