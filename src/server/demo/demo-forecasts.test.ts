import { describe, expect, it } from 'vitest';
import { buildPastForecasts } from './demo-forecasts';
import { buildDemoWorkspace, demoEmail } from './demo-workspace';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const doc = buildDemoWorkspace(NOW);

describe('the demo’s past forecasts', () => {
  const throughput = doc.forecasts.filter((f) => f.kind !== 'plan');

  it('should hold throughput and plan forecasts, made at past days and not scored yet', () => {
    expect(throughput.length).toBeGreaterThanOrEqual(12);
    expect(doc.forecasts.length - throughput.length).toBeGreaterThanOrEqual(10);
    expect(new Set(doc.forecasts.map((f) => f.kind))).toEqual(
      new Set(['throughput_when', 'throughput_count', 'plan']),
    );
    for (const f of doc.forecasts) {
      // Three weeks back at the latest, so most of their work has finished by "now".
      expect(f.startDate <= '2026-05-11').toBe(true);
      expect(f.outcome).toBeNull();
      expect(f.scoredAt).toBeNull();
    }
  });

  it('should learn each forecast only from the history before its start day', () => {
    for (const f of throughput) {
      const history = f.inputs.history as { to: string };
      expect(history.to < f.startDate).toBe(true);
    }
  });

  it('should not change when the history after a forecast’s day is different', () => {
    const origin = throughput[4]?.startDate as string;
    // Another future: everything after the origin is dropped.
    const cut = { ...doc, stateHistory: doc.stateHistory.filter((h) => h.at.slice(0, 10) < origin) };
    const again = buildPastForecasts(cut, { now: NOW, madeBy: demoEmail('dana') });
    const pick = (list: typeof doc.forecasts) =>
      list.filter((f) => f.startDate === origin && f.kind !== 'plan').map((f) => [f.kind, f.percentiles]);
    expect(pick(again)).toEqual(pick(doc.forecasts));
    expect(pick(again).length).toBe(2);
  });

  it('should skip days with no history rather than invent a forecast', () => {
    const empty = { ...doc, stateHistory: [] };
    expect(buildPastForecasts(empty, { now: NOW, madeBy: demoEmail('dana') })).toEqual([]);
  });
});

describe('the demo’s decision story', () => {
  it('should ship slips with reasons, each recorded by a delivery-dates decision with the same why', () => {
    expect(doc.slips).toHaveLength(3);
    for (const slip of doc.slips) {
      const entry = doc.decisions[slip.decision as number];
      expect(entry?.decision).toBe('delivery_dates');
      expect(entry?.rationale).toBe(slip.reason);
      expect(entry?.item).toBe(slip.item);
      const item = doc.items.find((it) => it.number === slip.item);
      expect(item?.targetDate).toBe(slip.to);
      expect(item?.targetDateCommittedAt).not.toBeNull();
      expect(slip.from < (slip.to as string)).toBe(true);
    }
  });

  it('should give whys to the ordering decisions at the top of the backlog', () => {
    const order = doc.decisions.filter((d) => d.decision === 'backlog_order');
    expect(order.length).toBeGreaterThanOrEqual(5);
    expect(order.every((d) => d.rationale && d.rationale.length > 10)).toBe(true);
    const times = doc.decisions.map((d) => d.at);
    expect([...times].sort()).toEqual(times);
  });
});
