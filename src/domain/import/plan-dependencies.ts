/**
 * Links → dependencies. "A blocks B" and "B is blocked by A" both mean B waits for A; the two
 * spellings of one link are counted once. Related and duplicate links are not dependencies.
 * Dependencies in a cycle are reported and left out.
 */
import { findCyclicComponents } from './dependency-cycles';
import type { PlannedDependency } from './plan-types';
import type { ImportProblem, SourceItem } from './types';

/**
 * Builds the dependencies of the imported items.
 * @param items the source items that will be imported
 * @param resolve turns a reference (key or alternative key) into an imported item's key, or null
 * @returns the dependencies to create, the problems, and how many related/duplicate links were left out
 */
export function buildDependencies(
  items: readonly SourceItem[],
  resolve: (ref: string) => string | null,
): { dependencies: PlannedDependency[]; problems: ImportProblem[]; otherLinks: number } {
  const problems: ImportProblem[] = [];
  const edges = new Map<string, PlannedDependency>();
  let otherLinks = 0;
  for (const item of items) {
    for (const link of item.links) {
      if (link.kind === 'relates' || link.kind === 'duplicates') {
        otherLinks += 1;
        continue;
      }
      const other = resolve(link.ref);
      if (other === null) {
        problems.push({
          row: item.row,
          column: link.column,
          message: `${item.key} links to ${link.ref}, which is not in this import`,
          why: 'the dependency is left out (export the linked issue too, or it was skipped)',
          severity: 'warning',
        });
        continue;
      }
      const [waiting, first] = link.kind === 'blocked_by' ? [item.key, other] : [other, item.key];
      if (waiting === first) {
        problems.push({
          row: item.row,
          column: link.column,
          message: `${item.key} is linked as blocking itself`,
          why: 'an item cannot wait for itself; the link is left out',
          severity: 'warning',
        });
        continue;
      }
      const id = `${waiting}\u0000${first}`;
      if (!edges.has(id))
        edges.set(id, { item: waiting, dependsOn: first, row: item.row, column: link.column });
    }
  }
  const all = [...edges.values()];
  const keys = [...new Set(all.flatMap((d) => [d.item, d.dependsOn]))];
  const number = new Map(keys.map((key, index) => [key, index]));
  const successors: number[][] = keys.map(() => []);
  for (const dep of all) successors[number.get(dep.item)!]!.push(number.get(dep.dependsOn)!);
  const component = new Map<number, number>();
  findCyclicComponents(keys.length, successors).forEach((members, index) => {
    for (const member of members) component.set(member, index);
    const names = members.map((m) => keys[m]).sort();
    const first = all.find((d) => d.item === keys[members[0]!]);
    problems.push({
      row: first?.row ?? null,
      column: first?.column ?? null,
      message: `dependencies form a cycle among ${names.join(', ')}`,
      why: 'work in a cycle can never start; the dependencies inside the cycle are left out (the items import)',
      severity: 'warning',
    });
  });
  const dependencies = all.filter((dep) => {
    const a = component.get(number.get(dep.item)!);
    return a === undefined || a !== component.get(number.get(dep.dependsOn)!);
  });
  return { dependencies, problems, otherLinks };
}
