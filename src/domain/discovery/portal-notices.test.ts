import { describe, expect, it } from 'vitest';
import { findDueNotices, type NoticeIdea, type NoticeSubscriber, type ToldNotice } from './portal-notices';

const T0 = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;

function idea(extra: Partial<NoticeIdea> = {}): NoticeIdea {
  return {
    itemId: 'i1',
    decision: { id: 7, outcome: 'declined', decidedAt: T0 + DAY },
    promise: null,
    ...extra,
  };
}

const ana: NoticeSubscriber = { itemId: 'i1', email: 'ana@acme.com', since: T0 };
const bo: NoticeSubscriber = { itemId: 'i1', email: 'bo@globex.com', since: T0 };

function due(
  ideas: NoticeIdea[],
  subscribers: NoticeSubscriber[],
  told: ToldNotice[] = [],
  alertBelow = 0.5,
) {
  return findDueNotices({ ideas, subscribers, told, alertBelow });
}

describe('findDueNotices', () => {
  it('should tell every address on an idea of a decision newer than the last it was told', () => {
    expect(due([idea()], [ana, bo])).toEqual([
      { kind: 'decision', itemId: 'i1', email: 'ana@acme.com', key: '7' },
      { kind: 'decision', itemId: 'i1', email: 'bo@globex.com', key: '7' },
    ]);
    const told: ToldNotice[] = [{ itemId: 'i1', email: 'ana@acme.com', kind: 'decision', key: '3' }];
    expect(due([idea()], [ana], told)).toEqual([
      { kind: 'decision', itemId: 'i1', email: 'ana@acme.com', key: '7' },
    ]);
  });

  it('should not tell an address the same decision twice, nor an older one', () => {
    const told: ToldNotice[] = [
      { itemId: 'i1', email: 'ana@acme.com', kind: 'decision', key: '7' },
      { itemId: 'i1', email: 'bo@globex.com', kind: 'decision', key: '9' },
    ];
    expect(due([idea()], [ana, bo], told)).toEqual([]);
  });

  it('should not tell an address of a decision taken before it wrote, which the portal showed it', () => {
    const late = { ...ana, since: T0 + 2 * DAY };
    expect(due([idea()], [late])).toEqual([]);
  });

  it('should count an address that wrote several times once, from its first time', () => {
    const again = { ...ana, since: T0 + 2 * DAY };
    expect(due([idea()], [again, ana])).toEqual([
      { kind: 'decision', itemId: 'i1', email: 'ana@acme.com', key: '7' },
    ]);
  });

  it('should tell nothing about an idea with no decision, or an address on another idea', () => {
    expect(due([idea({ decision: null })], [ana])).toEqual([]);
    expect(due([idea()], [{ ...ana, itemId: 'i2' }])).toEqual([]);
  });

  it('should warn once per promised date when the chance falls below the threshold', () => {
    const risky = idea({
      decision: { id: 8, outcome: 'accepted', decidedAt: T0 - DAY },
      promise: { targetDate: '2026-12-01', probability: 0.2 },
    });
    expect(due([risky], [ana])).toEqual([
      { kind: 'at-risk', itemId: 'i1', email: 'ana@acme.com', key: '2026-12-01' },
    ]);
    const warned: ToldNotice[] = [
      { itemId: 'i1', email: 'ana@acme.com', kind: 'at-risk', key: '2026-12-01' },
    ];
    expect(due([risky], [ana], warned)).toEqual([]);
    const moved = idea({ ...risky, promise: { targetDate: '2026-12-15', probability: 0.3 } });
    expect(due([moved], [ana], warned)).toEqual([
      { kind: 'at-risk', itemId: 'i1', email: 'ana@acme.com', key: '2026-12-15' },
    ]);
  });

  it('should tell the acceptance first, then the risk, when both are due', () => {
    const accepted = idea({
      decision: { id: 8, outcome: 'accepted', decidedAt: T0 + DAY },
      promise: { targetDate: '2026-12-01', probability: 0.1 },
    });
    expect(due([accepted], [ana]).map((n) => n.kind)).toEqual(['decision', 'at-risk']);
  });

  it('should warn of nothing at or above the threshold, without a forecast, or on an idea not accepted', () => {
    const accepted = { id: 8, outcome: 'accepted' as const, decidedAt: T0 - DAY };
    const at = idea({ decision: accepted, promise: { targetDate: '2026-12-01', probability: 0.5 } });
    const unplanned = idea({ decision: accepted, promise: { targetDate: '2026-12-01', probability: null } });
    const parked = idea({
      decision: { id: 8, outcome: 'parked', decidedAt: T0 - DAY },
      promise: { targetDate: '2026-12-01', probability: 0.1 },
    });
    expect(due([at], [ana])).toEqual([]);
    expect(due([unplanned], [ana])).toEqual([]);
    expect(due([parked], [ana])).toEqual([]);
  });
});
