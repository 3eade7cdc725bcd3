/**
 * The demo team's workflow: Headway's states plus "Blocked", where work waits on something
 * outside the team (a customer's answer, a vendor's sandbox). Some finished work spent a while
 * there and a few items sit there now, so the Delivery page shows a real blocked time.
 */
import { DEFAULT_WORKFLOW_STATES, type HeadwayExport } from '../../contract';
import { createSmallRandom } from '../../domain/shared';

const BLOCKED = 'Blocked';
const IN_PROGRESS = 'In progress';

/** Why a demo item is blocked now, as its assignee says it. */
const BLOCKERS = [
  'Blocked: waiting on the payment provider’s sandbox keys.',
  'Blocked: the customer has not confirmed which fields they need.',
  'Blocked: needs the new API version deployed first.',
];

/**
 * The demo's workflow states: the default ones with "Blocked" (marked blocked) after "In progress".
 * @returns the states in board order, as Headway JSON lists them
 */
export function buildDemoWorkflowStates(): NonNullable<HeadwayExport['workflowStates']> {
  const states = DEFAULT_WORKFLOW_STATES.flatMap((s) =>
    s.name === IN_PROGRESS
      ? [
          { ...s, waiting: false, blocked: false },
          { name: BLOCKED, builtinState: 'in_progress' as const, waiting: false, blocked: true },
        ]
      : [{ ...s, waiting: false, blocked: false }],
  );
  return states.map((s, position) => ({ ...s, position, wipLimit: null, version: 1 }));
}

/**
 * Sends about a quarter of the work that was in progress through "Blocked": finished spells get a
 * stay there inside their time in progress (so no cycle time or finish date moves), and some work
 * still in progress is blocked now, with its assignee's comment saying on what. Its own generator
 * leaves the rest of the demo as it was.
 * @param doc the demo file, its history not yet sorted
 * @param options.now the demo's "now"; options.seed the demo's seed
 */
export function addBlockedSpells(doc: HeadwayExport, options: { now: Date; seed: number }): void {
  const rnd = createSmallRandom(options.seed + 2).nextFloat;
  const now = options.now.getTime() - 60_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const historyOf = new Map<number, HeadwayExport['stateHistory']>();
  for (const h of doc.stateHistory) historyOf.set(h.item, [...(historyOf.get(h.item) ?? []), h]);
  for (const item of doc.items) {
    if (item.type !== 'feature' && item.type !== 'task' && item.type !== 'bug') continue;
    const history = historyOf.get(item.number) ?? [];
    const index = history.findIndex((h) => h.to === 'in_progress');
    const started = history[index];
    if (!started || rnd() >= 0.25) continue;
    const from = Date.parse(started.at);
    const next = history[index + 1];
    const spell = {
      item: item.number,
      from: 'in_progress' as const,
      to: 'in_progress' as const,
      by: started.by,
    };
    if (next) {
      const span = Date.parse(next.at) - from;
      const blockedAt = from + span * (0.2 + 0.3 * rnd());
      const unblockedAt = blockedAt + span * (0.1 + 0.4 * rnd());
      doc.stateHistory.push(
        { ...spell, workflowState: BLOCKED, at: iso(blockedAt) },
        { ...spell, workflowState: IN_PROGRESS, at: iso(unblockedAt) },
      );
      item.version += 2;
    } else if (item.state === 'in_progress') {
      const blockedAt = from + (now - from) * (0.3 + 0.5 * rnd());
      doc.stateHistory.push({ ...spell, workflowState: BLOCKED, at: iso(blockedAt) });
      doc.comments.push({
        item: item.number,
        author: item.assignee,
        body: BLOCKERS[item.number % BLOCKERS.length] as string,
        at: iso(blockedAt),
      });
      item.workflowState = BLOCKED;
      item.updatedAt = iso(Math.max(blockedAt, Date.parse(item.updatedAt)));
      item.version += 1;
    }
  }
}
