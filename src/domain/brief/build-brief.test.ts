import { describe, expect, it } from 'vitest';
import { buildBrief } from './build-brief';
import { BASE, ref, SINCE, week } from './test-week';
import type { BriefInput, BriefSectionKind } from './types';

function lines(input: BriefInput, kind: BriefSectionKind) {
  const found = buildBrief(input).sections.find((s) => s.kind === kind);
  if (!found) throw new Error(`no ${kind} section`);
  return found.lines;
}

describe('buildBrief', () => {
  it('should list every section once, in reading order', () => {
    expect(buildBrief(week()).sections.map((s) => s.kind)).toEqual([
      'waiting',
      'changes',
      'ideas',
      'forecasts',
      'slips',
      'aging',
      'estimates',
      'risks',
    ]);
  });

  it('should list decisions waiting oldest first, each linking to its item', () => {
    const waiting = lines(week(), 'waiting');
    expect(waiting.map((l) => l.itemId)).toEqual(['i1', 'i2']);
    expect(waiting[0]?.text).toBe('To estimate: #1 Item 1 (waiting 17 days)');
    expect(waiting[1]?.detail).toBe('Mobile too?');
    expect(waiting[1]?.href).toBe(`${BASE}/backlog?item=i2`);
  });

  it('should list only order and scope changes made since the date, with who decided and why', () => {
    const changes = lines(week(), 'changes');
    expect(changes).toHaveLength(1);
    expect(changes[0]?.text).toBe('Moved #3 Item 3 to the top (decided by Alex on 2026-03-04)');
    expect(changes[0]?.detail).toBe('Why: The pilot customer asked');
    expect(changes[0]?.href).toBe(`${BASE}/backlog?item=i3`);
  });

  it('should link a change not about one item to the decision log', () => {
    const changes = lines(
      week({
        decisions: [
          {
            id: '1',
            decision: 'prioritization_method',
            itemId: null,
            itemNumber: null,
            itemTitle: null,
            actorName: 'Dana',
            summary: 'Chose WSJF',
            rationale: null,
            createdAt: `${SINCE}T00:00:00.000Z`,
          },
        ],
      }),
      'changes',
    );
    expect(changes.map((l) => l.href)).toEqual([
      `${BASE}/decisions?decision=prioritization_method&from=${SINCE}`,
    ]);
  });

  it('should show a moved P85 with the scope added, and no line for a P85 that held', () => {
    const moves = lines(week(), 'forecasts');
    expect(moves).toHaveLength(1);
    expect(moves[0]?.text).toBe('#20 Launch: P85 2026-04-10 → 2026-04-20 (10 days later)');
    expect(moves[0]?.detail).toBe('Why: scope added: #6 Item 6.');
    expect(moves[0]?.href).toBe(`${BASE}/forecasts?mode=milestone&milestone=m1`);
  });

  it('should name grown estimates, fallen throughput and people who left when a P85 moves later', () => {
    const input = week({
      milestones: [{ ...week().milestones[0]!, itemsNow: [ref(5)] }],
      estimateChanges: [
        { ...ref(5), before: 3, after: 8, at: '2026-03-03T10:00:00.000Z' },
        { ...ref(5), before: 8, after: 9, at: '2026-02-01T10:00:00.000Z' },
      ],
      throughput: { perWeekBefore: 6, perWeekSince: 2 },
      peopleLeft: ['Kim'],
    });
    expect(lines(input, 'forecasts')[0]?.detail).toBe(
      'Why: 1 estimate grew: #5 Item 5; throughput fell from 6 to 2 items a week; left the team: Kim.',
    );
  });

  it('should say Headway cannot tell why when nothing it knows changed', () => {
    const input = week({ milestones: [{ ...week().milestones[0]!, itemsNow: [ref(5)] }] });
    expect(lines(input, 'forecasts')[0]?.detail).toBe(
      'Headway cannot tell why from scope, estimates, throughput or the team.',
    );
  });

  it('should say the P85 then is unknown instead of inventing one when no forecast was stored', () => {
    const input = week({ milestones: [{ ...week().milestones[1]!, stored: null }] });
    const moves = lines(input, 'forecasts');
    expect(moves).toHaveLength(1);
    expect(moves[0]?.text).toBe('#21 Held: P85 now 2026-05-01; P85 then unknown');
    expect(moves[0]?.detail).toContain(`on or before ${SINCE}`);
  });

  it('should list slips moved since the date with their reasons, and not older ones', () => {
    const slips = lines(week(), 'slips');
    expect(slips).toHaveLength(1);
    expect(slips[0]?.text).toBe('#8 Item 8: committed date 2026-03-15 → 2026-03-29 (14 days later)');
    expect(slips[0]?.detail).toBe('Why: The payment API changed (moved by Chris on 2026-03-06)');
  });

  it('should list only work older than the 85th percentile of cycle time', () => {
    const aging = lines(week(), 'aging');
    expect(aging.map((l) => l.itemId)).toEqual(['i10']);
    expect(aging[0]?.text).toContain('in progress for 21 days');
  });

  it('should list no aging work and say why when the 85th percentile is unknown', () => {
    const brief = buildBrief(week({ cycleTimeP85: null }));
    const aging = brief.sections.find((s) => s.kind === 'aging');
    expect(aging?.lines).toEqual([]);
    expect(aging?.empty).toContain('Too little work finished');
  });

  it('should list estimates 1.5× or more off their calibration, in either direction', () => {
    expect(lines(week(), 'estimates').map((l) => l.itemId)).toEqual(['i12']);
    const under = week({
      estimates: [{ ...ref(15), estimateDays: 9, calibratedDays: 3, basedOn: 'the team' }],
    });
    expect(lines(under, 'estimates')[0]?.text).toBe(
      '#15 Item 15: estimated 9 days, calibrated 3 days (0.3×)',
    );
  });

  it('should list late milestones and the planner problems, an item problem linking to its item', () => {
    const risks = lines(week(), 'risks');
    expect(risks.map((l) => l.text)).toEqual([
      '#20 Launch: planned for 2026-04-12, 11 days after its target 2026-04-01',
      'Nobody can do #14 Item 14',
    ]);
    expect(risks.map((l) => l.href)).toEqual([`${BASE}/roadmap`, `${BASE}/backlog?item=i14`]);
  });

  it('should leave every section empty in a quiet week, each saying so', () => {
    const quiet = buildBrief(
      week({
        waiting: [],
        decisions: [],
        milestones: [week().milestones[1]!],
        slips: [],
        aging: [],
        estimates: [],
        lateMilestones: [],
        problems: [],
        ideasAtRisk: [],
        accountDecisions: [],
      }),
    );
    for (const s of quiet.sections) {
      expect(s.lines, s.kind).toEqual([]);
      expect(s.empty.length, s.kind).toBeGreaterThan(0);
    }
  });

  it('should cap a long section and say how many more there are', () => {
    const many = Array.from({ length: 25 }, (_, n) => ({
      ...ref(n + 100),
      kind: 'order' as const,
      since: '2026-03-01T00:00:00.000Z',
      question: null,
    }));
    const waiting = buildBrief(week({ waiting: many })).sections[0]!;
    expect(waiting.lines).toHaveLength(20);
    expect(waiting.more).toBe(5);
    expect(waiting.moreHref).toBe(`${BASE}/inbox`);
  });

  it('should list promises at risk first, then decisions since the start on what the accounts asked for', () => {
    const ideas = lines(week(), 'ideas');
    expect(ideas.map((l) => l.itemId)).toEqual(['i15', 'i16']);
    expect(ideas[0]?.text).toBe(
      'Promise at risk: #15 Item 15 (asked for by Acme, Globex) is 42 % likely by 2026-04-30, below 70 %',
    );
    expect(ideas[1]?.text).toBe(
      'Parked until 2026-06-01: #16 Item 16 (asked for by Acme) (decided by Alex on 2026-03-06)',
    );
    expect(ideas[1]?.detail).toBe('Why: After the billing rework');
    expect(ideas[1]?.href).toBe(`${BASE}/ideas`);
  });

  it("should show a decision on an idea the person's accounts asked for once, with the accounts, not again in the changes", () => {
    const decided = {
      id: '16',
      decision: 'scope',
      itemId: 'i16',
      itemNumber: 16,
      itemTitle: 'Item 16',
      actorName: 'Alex',
      summary: 'Parked idea #16 Item 16',
      rationale: 'After the billing rework',
      createdAt: '2026-03-06T10:00:00.000Z',
    };
    const owner = week({ decisions: [...week().decisions, decided] });
    expect(lines(owner, 'changes').map((l) => l.itemId)).toEqual(['i3']);
    expect(lines(owner, 'ideas').map((l) => l.itemId)).toEqual(['i15', 'i16']);
    // Someone who owns none of the accounts reads it among the changes.
    const other = week({ decisions: [...week().decisions, decided], accountDecisions: [] });
    expect(lines(other, 'changes').map((l) => l.itemId)).toEqual(['i16', 'i3']);
    // Left out of a full ideas section, it stays among the changes.
    const atRisk = Array.from({ length: 20 }, (_, n) => ({ ...week().ideasAtRisk[0]!, ...ref(n + 200) }));
    const crowded = week({ decisions: [...week().decisions, decided], ideasAtRisk: atRisk });
    expect(lines(crowded, 'changes').map((l) => l.itemId)).toEqual(['i16', 'i3']);
  });

  it('should name, in one line after the decisions, the companies whose owner left', () => {
    const ideas = lines(
      week({
        unownedAccounts: [
          { name: 'Globex', formerOwner: 'Dana' },
          { name: 'Acme', formerOwner: 'Dana' },
        ],
      }),
      'ideas',
    );
    expect(ideas.map((l) => l.itemId)).toEqual(['i15', 'i16', null]);
    expect(ideas[2]).toEqual({
      text: 'No account owner: Acme (was Dana, left), Globex (was Dana, left)',
      detail: 'Choose a new owner among the companies on the Ideas page.',
      href: `${BASE}/ideas`,
      itemId: null,
    });
  });

  it('should word a parked idea due for review with its review day and why it was parked', () => {
    const due = {
      ...ref(18),
      kind: 'review' as const,
      since: '2026-03-04T00:00:00.000Z',
      question: 'Parked because: After the billing rework',
    };
    const [line] = lines(week({ waiting: [due] }), 'waiting');
    expect(line?.text).toBe('Parked idea #18 Item 18 is due for review since 2026-03-04');
    expect(line?.detail).toBe('Parked because: After the billing rework');
  });

  it('should give every line a link inside the workspace', () => {
    for (const s of buildBrief(week()).sections) {
      for (const l of s.lines) expect(l.href.startsWith(`${BASE}/`), l.text).toBe(true);
    }
  });
});
