import { describe, expect, it } from 'vitest';
import { BUILTIN_STATE_CATEGORIES } from '../../contract';
import { computeFlowMetrics, type FlowItem } from '../../domain/flow';
import { toDayNumberOf } from '../../domain/shared';
import { buildDemoWorkspace } from './demo-workspace';

const now = new Date('2026-12-03T12:00:00Z');
const doc = buildDemoWorkspace(now);
const states = doc.workflowStates ?? [];

describe('the demo workflow', () => {
  it('should have a Blocked state of started work, marked blocked, after In progress', () => {
    expect(states.map((s) => [s.name, s.builtinState, s.blocked])).toEqual([
      ['New', 'new', false],
      ['Ready', 'ready', false],
      ['In progress', 'in_progress', false],
      ['Blocked', 'in_progress', true],
      ['In review', 'in_review', false],
      ['Done', 'done', false],
      ['Cancelled', 'cancelled', false],
    ]);
  });

  it('should put blocked spells inside time in progress, so the finish of no item moves', () => {
    const spells = doc.stateHistory.filter((h) => h.workflowState === 'Blocked');
    expect(spells.length).toBeGreaterThan(5);
    for (const spell of spells) {
      expect([spell.from, spell.to]).toEqual(['in_progress', 'in_progress']);
      const after = doc.stateHistory.filter((h) => h.item === spell.item && h.at > spell.at);
      const item = doc.items.find((it) => it.number === spell.item)!;
      // Left for In progress before moving on, or blocked still.
      if (after.length === 0) expect(item.workflowState).toBe('Blocked');
      else expect(after[0]).toMatchObject({ to: 'in_progress', workflowState: 'In progress' });
    }
    const blockedNow = doc.items.filter((it) => it.workflowState === 'Blocked');
    expect(blockedNow.length).toBeGreaterThan(0);
    for (const it of blockedNow) {
      expect(it.state).toBe('in_progress');
      expect(doc.comments.some((c) => c.item === it.number && c.body.startsWith('Blocked:'))).toBe(true);
    }
  });

  it('should give the last 90 days a blocked time within the cycle times of finished work', () => {
    const firstOf = (builtin: string) => states.find((s) => s.builtinState === builtin)!.name;
    const items: FlowItem[] = doc.items.map((it) => ({
      id: String(it.number),
      assignee: it.assignee,
      transitions: doc.stateHistory
        .filter((h) => h.item === it.number)
        .map((h) => ({ state: h.workflowState ?? firstOf(h.to), at: Date.parse(h.at) })),
    }));
    const toDay = toDayNumberOf(now.getTime());
    const metrics = computeFlowMetrics({
      items,
      workflow: {
        states: states.map((s) => ({
          name: s.name,
          category: BUILTIN_STATE_CATEGORIES[s.builtinState],
          blocked: s.blocked ?? false,
        })),
      },
      period: { fromDay: toDay - 89, toDay, asOf: now.getTime() },
    });
    expect(metrics.blockedTime).toMatchObject({ available: true });
    const blocked = metrics.blockedTime as { flaggedDays: number; share: number };
    expect(blocked.flaggedDays).toBeGreaterThan(1);
    expect(blocked.share).toBeLessThan(0.5);
    expect(metrics.cycleTime.count).toBeGreaterThan(0);
  });
});
