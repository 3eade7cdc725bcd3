import { formatDays } from '../delivery/delivery-format';
import type { Cycle } from './cycles-api';

export interface CycleGroups {
  current: Cycle[];
  upcoming: Cycle[];
  /** Closed, or over and still waiting to be closed; latest first. */
  past: Cycle[];
}

/**
 * Sorts cycles into the one running today, those still to come and those over (closed, or past
 * their last day). A closed cycle is past whatever its dates.
 * @param cycles the workspace's cycles, earliest first
 * @param today the day (YYYY-MM-DD)
 */
export function groupCycles(cycles: readonly Cycle[], today: string): CycleGroups {
  const groups: CycleGroups = { current: [], upcoming: [], past: [] };
  for (const cycle of cycles) {
    if (cycle.closedAt !== null || cycle.endDate < today) groups.past.push(cycle);
    else if (cycle.startDate > today) groups.upcoming.push(cycle);
    else groups.current.push(cycle);
  }
  groups.past.reverse();
  return groups;
}

/** "3 items · 4.5 d" for a count of items and their likely estimates summed. */
export function formatWork(work: Cycle['committed']): string {
  return `${work.items} item${work.items === 1 ? '' : 's'} · ${formatDays(work.estimateDays)}`;
}

/** The cycle that unfinished work of `cycle` would carry over to on closing: the next open one. */
export function findNextOpenCycle(cycles: readonly Cycle[], cycle: Cycle): Cycle | undefined {
  return cycles.find((c) => c.startDate > cycle.endDate && c.closedAt === null);
}
