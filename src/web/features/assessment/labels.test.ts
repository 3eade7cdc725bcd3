import { describe, expect, it } from 'vitest';
import type { Question } from './assessment-api';
import { describeAnswer, formatDelta, sortBySeverity } from './labels';
import { describePrefill, toAnswer, toDraft } from './question-field';

const choice: Question = {
  id: 'delivery-owner',
  area: 'product',
  text: 'Who runs delivery?',
  short: true,
  answer: {
    kind: 'choice',
    options: [
      { id: 'cto', label: 'The CTO' },
      { id: 'manager', label: 'A manager' },
    ],
  },
};
const number: Question = {
  id: 'developers',
  area: 'team',
  text: 'How many developers?',
  short: true,
  answer: { kind: 'number', min: 0, max: 500, integer: false, unit: 'FTE' },
};
const multi: Question = {
  id: 'practices',
  area: 'engineering',
  text: 'Which practices?',
  short: false,
  answer: {
    kind: 'multi',
    options: [
      { id: 'ci', label: 'CI' },
      { id: 'review', label: 'Code review' },
    ],
    pointsByCount: [],
  },
};

describe('sortBySeverity', () => {
  it('should put critical before high before medium before notes when mixed', () => {
    const sorted = sortBySeverity([
      { id: 'a', severity: 'info' as const },
      { id: 'b', severity: 'high' as const },
      { id: 'c', severity: 'critical' as const },
      { id: 'd', severity: 'medium' as const },
      { id: 'e', severity: 'high' as const },
    ]);
    expect(sorted.map((f) => f.id)).toEqual(['c', 'b', 'e', 'd', 'a']);
  });
});

describe('formatDelta', () => {
  it('should sign gains and losses and show a dash when a side is unscored', () => {
    expect(formatDelta(12)).toBe('+12');
    expect(formatDelta(-5)).toBe('−5');
    expect(formatDelta(0)).toBe('±0');
    expect(formatDelta(null)).toBe('—');
  });
});

describe('describeAnswer', () => {
  it('should read option labels, lists and numbers with their unit', () => {
    expect(describeAnswer(choice, 'manager')).toBe('A manager');
    expect(describeAnswer(multi, ['ci', 'review'])).toBe('CI; Code review');
    expect(describeAnswer(multi, [])).toBe('None of these');
    expect(describeAnswer(number, 3.5)).toBe('3.5 FTE');
    expect(describeAnswer(number, undefined)).toBe('Not answered');
  });
});

describe('toAnswer', () => {
  it('should send a typed number as a number and leave an empty field out', () => {
    expect(toAnswer(number, ' 4.5 ')).toBe(4.5);
    expect(toAnswer(number, '')).toBeUndefined();
    expect(toAnswer(number, undefined)).toBeUndefined();
  });

  it('should send text that is not a number as typed so the server names the problem', () => {
    expect(toAnswer(number, 'four')).toBe('four');
  });

  it('should pass option ids through when the question is a choice', () => {
    expect(toAnswer(choice, 'cto')).toBe('cto');
    expect(toDraft(3.8)).toBe('3.8');
  });
});

describe('describePrefill', () => {
  it('should badge a measured answer apart from the team and the last answer', () => {
    expect(describePrefill('measured: 12 items finished 3 Sep – 1 Dec 2026, cycle time median 4 days')).toBe(
      'Measured',
    );
    expect(describePrefill('your answer in assessment #2')).toBe('Your last answer');
    expect(describePrefill('from the head counts (4 members today)')).toBe('From your team');
  });
});
