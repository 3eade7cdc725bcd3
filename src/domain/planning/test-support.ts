/** Builders of planning data for the planning engine's tests. */
import type { PlanPerson, PlanSource, PlanSourceItem } from './plan-source';

/** A planned developer with the given skills, overridable field by field. */
export function buildPerson(overrides: Partial<PlanPerson> & { id: string }): PlanPerson {
  return {
    name: overrides.id,
    role: 'developer',
    fte: 1,
    skills: ['backend'],
    hypothetical: false,
    ...overrides,
  };
}

/** An open, estimated backend task, overridable field by field. */
export function buildItem(overrides: Partial<PlanSourceItem> & { id: string }): PlanSourceItem {
  return {
    number: Number(overrides.id.replace(/\D/g, '')) || 1,
    type: 'task',
    title: `Item ${overrides.id}`,
    state: 'todo',
    parentId: null,
    estimate: { optimistic: 1, likely: 2, pessimistic: 3 },
    skills: ['backend'],
    assigneeId: null,
    targetDate: null,
    completedAt: null,
    dependsOn: [],
    ...overrides,
  };
}

/** A planning source starting on Monday 2026-01-05. */
export function buildSource(
  items: PlanSourceItem[],
  people: PlanPerson[] = [buildPerson({ id: 'p1' })],
): PlanSource {
  return { startDate: '2026-01-05', people, items };
}
