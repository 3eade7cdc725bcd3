import { describe, expect, it } from 'vitest';
import { describeReason, describeUnderWay } from './describe-reason';

const labels = new Map([['t1', '#1 “Login”']]);
const names = new Map([['p1', 'Ada']]);

describe('describeReason', () => {
  it('should say nothing holds back work that is ready', () => {
    expect(describeReason({ kind: 'ready' }, labels, names).text).toBe(
      'Nothing holds it back: it starts as soon as the plan does',
    );
  });

  it('should name the dependency an item waits for', () => {
    expect(describeReason({ kind: 'dependency', itemId: 't1' }, labels, names)).toEqual({
      kind: 'dependency',
      text: 'Waits for #1 “Login” to finish',
      itemId: 't1',
    });
  });

  it('should name the person and the higher-ranked work when the assignee is busy', () => {
    const reason = describeReason({ kind: 'order', personId: 'p1', busyItemId: 't1' }, labels, names);
    expect(reason.text).toBe('Ada first finishes higher-ranked #1 “Login”');
    expect(reason).toMatchObject({ personId: 'p1', itemId: 't1' });
  });

  it('should list the skills everyone is busy with', () => {
    const reason = describeReason(
      { kind: 'skill', skills: ['backend', 'data'], busyItemId: 't1' },
      labels,
      names,
    );
    expect(reason.text).toBe('Everyone with backend + data is busy (on #1 “Login”)');
  });

  it('should keep the fixed date it may not start before', () => {
    expect(describeReason({ kind: 'fixed-date', date: '2026-02-02' }, labels, names)).toMatchObject({
      text: 'It may not start before 2026-02-02',
      date: '2026-02-02',
    });
  });

  it('should fall back to generic words when an id is unknown', () => {
    const calendar = describeReason({ kind: 'calendar', personId: 'ghost' }, labels, names);
    expect(calendar.text).toBe('the assignee is off when it could start');
    const started = describeReason({ kind: 'started', personId: 'p1', busyItemId: 'gone' }, labels, names);
    expect(started.text).toBe('Ada first finishes another item, already under way');
    const person = describeReason({ kind: 'person', personId: 'p1', busyItemId: 't1' }, labels, names);
    expect(person.text).toBe('Ada first finishes #1 “Login”, which higher-ranked work waits for');
  });
});

describe('describeUnderWay', () => {
  it('should say what was given and what is left', () => {
    expect(describeUnderWay({ given: 1, remaining: 2.2941, expected: 5 })).toBe(
      'Under way: 1 day given so far; about 2.3 days of its expected 5 days are left',
    );
  });

  it('should say so when the work has run past its expected effort', () => {
    expect(describeUnderWay({ given: 7.5, remaining: 0.61, expected: 5 })).toBe(
      'Under way: 7.5 days given so far; it has run past its expected 5 days, and about 0.6 days more are planned',
    );
  });
});
