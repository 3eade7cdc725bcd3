import { describe, expect, it } from 'vitest';
import { buildPastPlanForecasts } from './demo-plan-forecasts';
import { buildDemoWorkspace, demoEmail } from './demo-workspace';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const doc = buildDemoWorkspace(NOW);
const plans = doc.forecasts.filter((f) => f.kind === 'plan');

describe('the demo’s past plan forecasts', () => {
  it('should forecast work that was in flight on the day, with dates that rise with the level', () => {
    expect(plans.length).toBeGreaterThanOrEqual(10);
    for (const f of plans) {
      const ids = f.subject.itemIds as string[];
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        const number = Number(id.replace('item:#', ''));
        const before = doc.stateHistory.filter((h) => h.item === number && h.at.slice(0, 10) < f.startDate);
        expect(['in_progress', 'in_review']).toContain(before.at(-1)?.to);
      }
      const dates = f.percentiles.map((p) => p.date as string);
      expect([...dates].sort()).toEqual(dates);
      expect(dates[0]! >= f.startDate).toBe(true);
    }
  });

  it('should not change when what happened after the forecast’s day is different', () => {
    const origin = plans[3]!.startDate;
    // Another future: after the origin, the history is dropped and every effort recorded is absurd.
    const poisoned = {
      ...doc,
      stateHistory: doc.stateHistory.filter((h) => h.at.slice(0, 10) < origin),
      items: doc.items.map((it) =>
        it.completedAt && it.completedAt.slice(0, 10) >= origin ? { ...it, actualEffort: 999 } : it,
      ),
    };
    const again = buildPastPlanForecasts(poisoned, { now: NOW, madeBy: demoEmail('jonas') });
    const pick = (list: typeof doc.forecasts) =>
      list.filter((f) => f.kind === 'plan' && f.startDate === origin).map((f) => [f.subject, f.percentiles]);
    expect(pick(again).length).toBeGreaterThan(0);
    expect(pick(again)).toEqual(pick(doc.forecasts));
  });
});
