import type { ItemState, ItemType } from '../../contract';
import { PLAN } from './demo-content';

/** One item of the sample backlog, in product order; `parent` is the index of its parent. */
export interface SampleItem {
  type: ItemType;
  title: string;
  parent: number | null;
  state: ItemState;
  estimate: { optimistic: number; likely: number; pessimistic: number } | null;
  scores: Record<string, number | string>;
  skills: string[];
  labels: string[];
  /** Initiatives only: the target date, in days from now, that makes them roadmap milestones. */
  targetInDays: number | null;
  /** Days before now it was captured, and finished (done work only). */
  createdDaysAgo: number;
  doneDaysAgo: number | null;
}

// Cycled through by position, so the sample is the same on every machine and reads varied.
const LIKELY = [2, 3, 1, 5, 3, 2, 8, 3, 5, 2];
const REACH = [500, 1000, 250, 2500, 100, 1000, 500];
const IMPACT = [1, 2, 0.5, 3, 1, 0.25];
const CONFIDENCE = [80, 100, 50, 80];
const MOSCOW = ['must', 'should', 'must', 'could', 'should', 'wont'];
const LABELS = ['growth', 'retention', 'revenue', 'tech-debt'];

/**
 * A small sample backlog taken from the demo startup's plan: its first two initiatives (with
 * target dates, so the roadmap has milestones) with their epics and work, RICE scores and three-point estimates on the work, and ten weeks of
 * finished work so the forecasts have a history to learn from. The first items of each epic are
 * done (oldest first), one is in progress, and the rest wait, ready or new.
 */
export function buildSampleBacklog(): SampleItem[] {
  const out: SampleItem[] = [];
  let leaf = 0;
  let finished = 0;
  for (const [n, block] of PLAN.slice(0, 2).entries()) {
    const initiative = out.length;
    out.push({ ...container('initiative', block.initiative, null), targetInDays: 60 + 45 * n });
    for (const epic of block.epics) {
      const parent = out.length;
      out.push(container('epic', epic.title, initiative));
      for (const [i, title] of epic.work.entries()) {
        const at = leaf++;
        const likely = LIKELY[at % LIKELY.length] as number;
        const done = i < 2;
        out.push({
          type: title.startsWith('Bug:') ? 'bug' : 'feature',
          title,
          parent,
          state: done ? 'done' : i === 2 ? 'in_progress' : i === 3 ? 'ready' : 'new',
          estimate: { optimistic: Math.max(0.5, likely / 2), likely, pessimistic: likely * 2 },
          scores: {
            rice_reach: REACH[at % REACH.length] as number,
            rice_impact: IMPACT[at % IMPACT.length] as number,
            rice_confidence: CONFIDENCE[at % CONFIDENCE.length] as number,
            rice_effort: Math.max(0.5, likely / 5),
            moscow: MOSCOW[at % MOSCOW.length] as string,
          },
          // No skills: whoever is on the team (at first, the founder alone) can take the work.
          skills: [],
          labels: title.startsWith('Bug:') ? ['bug'] : [LABELS[at % LABELS.length] as string],
          targetInDays: null,
          createdDaysAgo: 80 - at,
          // A week apart over the past ten weeks, the latest a few days ago.
          doneDaysAgo: done ? 68 - 7 * finished++ : null,
        });
      }
    }
  }
  return out;
}

function container(type: 'initiative' | 'epic', title: string, parent: number | null): SampleItem {
  return {
    type,
    title,
    parent,
    state: 'in_progress',
    estimate: null,
    scores: {},
    skills: [],
    labels: [],
    targetInDays: null,
    createdDaysAgo: 90,
    doneDaysAgo: null,
  };
}
