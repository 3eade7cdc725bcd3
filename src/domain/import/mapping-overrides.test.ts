import { describe, expect, it } from 'vitest';
import { applyImportMapping } from './apply-mapping';
import { deriveDefaultMapping, type ImportMapping, mergeMapping } from './mapping';
import { summarizeImportPlan } from './summary';
import { buildSourceItem as item, buildSourceParse as parse } from './test-source';

const FILE = parse([
  item({
    key: 'A-1',
    type: 'Story',
    priority: 'High',
    assignee: { name: 'Kwame Mensah', email: null },
    timeEstimateHours: 16,
  }),
  item({ key: 'A-2', type: 'Spike', priority: 'Low', assignee: { name: null, email: 'ines@example.com' } }),
]);
const members = [{ email: 'kwame@example.com', name: 'K. Mensah' }];

const summaryWith = (edits: Partial<ImportMapping> = {}) => {
  const proposal = deriveDefaultMapping(FILE, { members }).mapping;
  const plan = applyImportMapping(FILE, mergeMapping(proposal, edits));
  return { plan, summary: summarizeImportPlan(plan) };
};

describe('the mapping tables a dry run answers', () => {
  it('should show types, priorities, people, points and the time-estimate rule it applied', () => {
    const { summary } = summaryWith();
    expect(summary.mapping.types).toEqual({ Story: 'feature', Spike: 'task' });
    expect(summary.mapping.priorities).toEqual({ High: 'priority:high', Low: 'priority:low' });
    expect(summary.mapping.people).toEqual({
      'Kwame Mensah': { kind: 'unmatched' },
      'ines@example.com': { kind: 'invite', email: 'ines@example.com' },
    });
    expect(summary.mapping.points).toBe('story-points');
    expect(summary.mapping.timeEstimates.mode).toBe('likely-only');
  });
});

describe('overriding the mapping', () => {
  it("should give items the type the user picked for their file's type", () => {
    const { plan, summary } = summaryWith({ types: { Spike: 'bug' } });
    expect(plan.items.find((i) => i.key === 'A-2')?.type).toBe('bug');
    expect(plan.items.find((i) => i.key === 'A-1')?.type).toBe('feature');
    expect(summary.mapping.types.Spike).toBe('bug');
  });

  it('should match a person to the member the user picked, and count them as a member', () => {
    const { plan, summary } = summaryWith({
      people: { 'Kwame Mensah': { kind: 'member', email: 'kwame@example.com' } },
    });
    expect(plan.people.find((p) => p.key === 'Kwame Mensah')?.match).toEqual({
      kind: 'member',
      email: 'kwame@example.com',
    });
    expect(summary.peopleByMatch).toEqual({ members: 1, invitations: 1, unmatched: 0 });
  });

  it('should leave out an invitation the user turned into an unmatched name', () => {
    const { summary } = summaryWith({ people: { 'ines@example.com': { kind: 'unmatched' } } });
    expect(summary.peopleByMatch.invitations).toBe(0);
    expect(summary.peopleByMatch.unmatched).toBe(2);
  });

  it('should drop a priority mapped to null and rename one mapped to another label', () => {
    const { plan } = summaryWith({ priorities: { High: 'urgent', Low: null } });
    expect(plan.items.find((i) => i.key === 'A-1')?.labels).toContain('urgent');
    expect(plan.items.find((i) => i.key === 'A-2')?.labels.some((l) => l.startsWith('priority:'))).toBe(
      false,
    );
  });

  it('should spread a time estimate by the stated ratios instead of keeping the likely value only', () => {
    const likely = summaryWith().plan.items.find((i) => i.key === 'A-1')?.estimate;
    expect(likely).toMatchObject({ optimistic: 2, likely: 2, pessimistic: 2 });
    const spread = summaryWith({
      timeEstimates: { mode: 'spread', optimisticRatio: 0.5, pessimisticRatio: 2, basis: 'stated' },
    }).plan.items.find((i) => i.key === 'A-1')?.estimate;
    expect(spread).toMatchObject({ optimistic: 1, likely: 2, pessimistic: 4 });
  });
});
