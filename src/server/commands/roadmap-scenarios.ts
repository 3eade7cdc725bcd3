import type { ScenarioChange, ScenarioResult } from '../../contract';
import { todayIso } from '../../contract';
import type { Database } from '../../db/client';
import { isOpenLeaf, type PlanSource } from '../../domain/planning';
import { AppError } from '../errors';
import { loadPlanSource } from './plan-input';
import { planRoadmap } from './roadmap';
import { daysBetween } from './roadmap-compare';

function requireOpenItem(source: PlanSource, itemId: string, what: string) {
  const item = source.items.find((it) => it.id === itemId);
  if (!item || !isOpenLeaf(item)) {
    throw new AppError(
      'validation_failed',
      `${what}: ${itemId} is not an open feature, task or bug of this workspace`,
    );
  }
  return item;
}

/**
 * Applies what-if changes to a copy of a planning source; the stored workspace is untouched.
 * @param source the baseline source
 * @param changes the changes, applied in order
 * @returns the changed source and a description of each change
 */
export function applyScenario(
  source: PlanSource,
  changes: readonly ScenarioChange[],
): { source: PlanSource; described: Array<{ kind: string; description: string }> } {
  let people = [...source.people];
  let items = source.items.map((it) => ({ ...it }));
  const described: Array<{ kind: string; description: string }> = [];
  const current = () => ({ ...source, people, items });
  changes.forEach((change, index) => {
    const at = `changes.${index}`;
    switch (change.kind) {
      case 'add_person': {
        people.push({
          id: `scenario-person-${index + 1}`,
          name: change.name,
          role: 'developer',
          fte: change.fte,
          skills: [...change.skills],
          hypothetical: true,
        });
        described.push({
          kind: change.kind,
          description: `Add ${change.name} (${change.fte} FTE, ${change.skills.join(', ') || 'no skills'})`,
        });
        return;
      }
      case 'remove_person': {
        const person = people.find((p) => p.id === change.userId);
        if (!person)
          throw new AppError('validation_failed', `${at}.userId: nobody planned on this roadmap has that id`);
        people = people.filter((p) => p.id !== change.userId);
        described.push({ kind: change.kind, description: `Without ${person.name}` });
        return;
      }
      case 'move_item': {
        const item = requireOpenItem(current(), change.itemId, `${at}.itemId`);
        const rest = items.filter((it) => it.id !== item.id);
        let position = 0;
        if (change.afterId !== null) {
          const after = rest.findIndex((it) => it.id === change.afterId);
          if (after < 0)
            throw new AppError('validation_failed', `${at}.afterId: no such item in this workspace`);
          position = after + 1;
        }
        rest.splice(position, 0, item);
        items = rest;
        described.push({
          kind: change.kind,
          description:
            change.afterId === null
              ? `Move #${item.number} to the top`
              : `Move #${item.number} after #${items[position - 1]?.number}`,
        });
        return;
      }
      case 'cut_item': {
        const item = requireOpenItem(current(), change.itemId, `${at}.itemId`);
        items = items.map((it) => (it.id === item.id ? { ...it, state: 'cancelled' } : it));
        described.push({ kind: change.kind, description: `Cut #${item.number} “${item.title}”` });
        return;
      }
      case 'set_estimate': {
        const item = requireOpenItem(current(), change.itemId, `${at}.itemId`);
        const estimate = {
          optimistic: change.optimistic,
          likely: change.likely,
          pessimistic: change.pessimistic,
        };
        items = items.map((it) => (it.id === item.id ? { ...it, estimate } : it));
        described.push({
          kind: change.kind,
          description: `Estimate #${item.number} at ${estimate.optimistic}/${estimate.likely}/${estimate.pessimistic} days`,
        });
        return;
      }
    }
  });
  return { source: current(), described };
}

/**
 * Plans the baseline and a what-if scenario side by side. Read-only: nothing is stored.
 * @param db the database
 * @param workspaceId the workspace
 * @param request the changes and an optional start date
 * @returns both roadmaps and the date difference per milestone
 */
export async function runScenario(
  db: Database,
  workspaceId: string,
  request: { changes: ScenarioChange[]; start?: string | undefined },
): Promise<ScenarioResult> {
  const source = await loadPlanSource(db, workspaceId, request.start ?? todayIso());
  const changed = applyScenario(source, request.changes);
  const baseline = (await planRoadmap(source)).roadmap;
  const scenario = (await planRoadmap(changed.source)).roadmap;
  const after = new Map(scenario.milestones.map((m) => [m.id, m]));
  return {
    changes: changed.described,
    baseline,
    scenario,
    milestones: baseline.milestones.map((m) => {
      const s = after.get(m.id);
      return {
        milestoneId: m.id,
        title: m.title,
        targetDate: m.targetDate,
        baseline: m.date,
        scenario: s?.date ?? null,
        differenceDays: daysBetween(m.date, s?.date ?? null),
      };
    }),
    endDifferenceDays: daysBetween(baseline.endDate, scenario.endDate) ?? 0,
  };
}
