import { type HeadwayExport, ITEM_LEVELS } from '../../contract';
import { findMatrixProblems } from '../../domain/decision-rights';
import { parseFormula } from '../../domain/prioritization';
import { findCyclePath } from './dependencies';

/** Every reference in an import file checked before anything is written; each problem names its row. */
export function findImportProblems(doc: HeadwayExport): string[] {
  const problems: string[] = [];
  for (const p of findMatrixProblems(doc.workspace.decisionRights))
    problems.push(`workspace.decisionRights.${p.decision}: ${p.message}`);
  const emails = new Set<string>();
  doc.members.forEach((m, i) => {
    const e = m.email.toLowerCase();
    if (emails.has(e)) problems.push(`members[${i}].email: ${m.email} appears twice`);
    emails.add(e);
  });
  if (!doc.members.some((m) => m.role === 'founder'))
    problems.push('members: the workspace needs at least one founder');
  const byNumber = new Map<number, HeadwayExport['items'][number]>();
  const ranks = new Set<string>();
  const externals = new Set<string>();
  doc.items.forEach((it, i) => {
    if (byNumber.has(it.number)) problems.push(`items[${i}].number: #${it.number} appears twice`);
    byNumber.set(it.number, it);
    if (ranks.has(it.rank)) problems.push(`items[${i}].rank: "${it.rank}" is used by two items`);
    ranks.add(it.rank);
    if (it.external) {
      const external = `${it.external.source} ${it.external.key}`;
      if (externals.has(external))
        problems.push(`items[${i}].external: ${external} names two items; a key names one item`);
      externals.add(external);
    }
    if (it.number >= doc.workspace.nextItemNumber) {
      problems.push(
        `items[${i}].number: #${it.number} is not below workspace.nextItemNumber (${doc.workspace.nextItemNumber})`,
      );
    }
  });
  doc.items.forEach((it, i) => {
    if (it.parent !== null) {
      const parent = byNumber.get(it.parent);
      if (!parent) problems.push(`items[${i}].parent: there is no item #${it.parent} in this file`);
      else if (ITEM_LEVELS[parent.type] >= ITEM_LEVELS[it.type]) {
        problems.push(
          `items[${i}].parent: a ${it.type} (#${it.number}) cannot sit under a ${parent.type} (#${parent.number})`,
        );
      }
    }
    if (it.assignee && !emails.has(it.assignee.toLowerCase())) {
      problems.push(`items[${i}].assignee: ${it.assignee} is not among the members`);
    }
  });
  const edges: { itemId: string; dependsOnId: string }[] = [];
  const seen = new Set<string>();
  doc.dependencies.forEach((d, i) => {
    if (!byNumber.has(d.item))
      problems.push(`dependencies[${i}].item: there is no item #${d.item} in this file`);
    if (!byNumber.has(d.dependsOn))
      problems.push(`dependencies[${i}].dependsOn: there is no item #${d.dependsOn} in this file`);
    if (d.item === d.dependsOn) problems.push(`dependencies[${i}]: #${d.item} cannot depend on itself`);
    const key = `${d.item}>${d.dependsOn}`;
    if (seen.has(key)) problems.push(`dependencies[${i}]: #${d.item} → #${d.dependsOn} appears twice`);
    seen.add(key);
    const cycle = findCyclePath(edges, String(d.item), String(d.dependsOn));
    if (cycle)
      problems.push(
        `dependencies[${i}]: closes a cycle (${[d.item, ...cycle].map((n) => `#${n}`).join(' → ')})`,
      );
    else edges.push({ itemId: String(d.item), dependsOnId: String(d.dependsOn) });
  });
  const itemRef = (where: string, n: number | null): void => {
    if (n !== null && !byNumber.has(n)) problems.push(`${where}: there is no item #${n} in this file`);
  };
  for (const [i, h] of doc.stateHistory.entries()) itemRef(`stateHistory[${i}].item`, h.item);
  for (const [i, d] of doc.decisions.entries()) {
    itemRef(`decisions[${i}].item`, d.item);
    const amends = d.amends ?? null;
    if (amends !== null && (amends >= i || doc.decisions[amends]?.amends != null)) {
      problems.push(
        `decisions[${i}].amends: ${amends} is not the index of an earlier decision that is not itself an amendment`,
      );
    }
  }
  for (const [i, s] of doc.slips.entries()) {
    itemRef(`slips[${i}].item`, s.item);
    if (s.decision !== null && s.decision >= doc.decisions.length) {
      problems.push(`slips[${i}].decision: there is no decisions[${s.decision}] in this file`);
    }
  }
  for (const [i, c] of doc.comments.entries()) itemRef(`comments[${i}].item`, c.item);
  const unique = <T>(list: T[], key: (t: T) => string | number, where: string, what: string) => {
    const seen = new Set<string | number>();
    list.forEach((t, i) => {
      const k = key(t);
      if (seen.has(k)) problems.push(`${where}[${i}]: ${what} ${k} appears twice`);
      seen.add(k);
    });
  };
  unique(doc.formulas, (f) => f.name, 'formulas', 'the formula name');
  unique(doc.assessments, (a) => a.number, 'assessments', 'assessment number');
  unique(doc.roadmapSnapshots, (r) => r.version, 'roadmapSnapshots', 'roadmap version');
  for (const [i, f] of doc.formulas.entries()) {
    const parsed = parseFormula(f.expression);
    if (!parsed.ok) problems.push(`formulas[${i}].expression: ${parsed.error.message}`);
  }
  return problems;
}
