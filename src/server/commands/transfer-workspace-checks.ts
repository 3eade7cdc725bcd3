import {
  BUILTIN_STATE_CATEGORIES,
  DEFAULT_WORKFLOW_STATES,
  type HeadwayExport,
  ITEM_STATES,
} from '../../contract';
import { findOverlappingCycle } from '../../domain/planning';

/**
 * Every reference of the workspace tables (formatVersion 2) checked before anything is written:
 * items by number, rows of another list by index, names that must be unique. Each problem names
 * its path in the file.
 */
export function findWorkspaceTableProblems(doc: HeadwayExport): string[] {
  const problems: string[] = [];
  const numbers = new Set(doc.items.map((it) => it.number));
  const item = (where: string, n: number | null | undefined): void => {
    if (n != null && !numbers.has(n)) problems.push(`${where}: there is no item #${n} in this file`);
  };
  const index = (where: string, i: number | null | undefined, list: unknown[], name: string): void => {
    if (i != null && i >= list.length) problems.push(`${where}: there is no ${name}[${i}] in this file`);
  };
  const unique = <T>(list: T[], key: (t: T) => string | null, where: string, what: string): void => {
    const seen = new Set<string>();
    list.forEach((t, i) => {
      const k = key(t);
      if (k === null) return;
      if (seen.has(k)) problems.push(`${where}[${i}]: ${what} "${k}" appears twice`);
      seen.add(k);
    });
  };

  const states = doc.workflowStates ?? [...DEFAULT_WORKFLOW_STATES];
  unique(states, (s) => s.name, 'workflowStates', 'the state name');
  for (const builtin of ITEM_STATES) {
    if (!states.some((s) => s.builtinState === builtin))
      problems.push(`workflowStates: no state stands for ${builtin}; each built-in state needs one`);
  }
  // The database keeps blocked for started states (waiting stays as files before that rule wrote it).
  states.forEach((s, i) => {
    const category = BUILTIN_STATE_CATEGORIES[s.builtinState];
    if ('blocked' in s && s.blocked && category !== 'started')
      problems.push(
        `workflowStates[${i}].blocked: "${s.name}" stands for ${s.builtinState} (${category}); only a state of started work can be blocked`,
      );
  });
  const stateOf = new Map(states.map((s) => [s.name, s.builtinState]));
  doc.items.forEach((it, i) => {
    if (it.workflowState != null) {
      const builtin = stateOf.get(it.workflowState);
      if (builtin === undefined)
        problems.push(`items[${i}].workflowState: there is no state "${it.workflowState}" in workflowStates`);
      else if (builtin !== it.state)
        problems.push(
          `items[${i}].workflowState: "${it.workflowState}" stands for ${builtin}, not the item's ${it.state}`,
        );
    }
    index(`items[${i}].cycle`, it.cycle, doc.cycles, 'cycles');
  });
  doc.stateHistory.forEach((h, i) => {
    if (h.workflowState == null) return;
    const builtin = stateOf.get(h.workflowState);
    if (builtin === undefined)
      problems.push(
        `stateHistory[${i}].workflowState: there is no state "${h.workflowState}" in workflowStates`,
      );
    else if (builtin !== h.to)
      problems.push(
        `stateHistory[${i}].workflowState: "${h.workflowState}" stands for ${builtin}, not ${h.to}`,
      );
  });

  doc.cycles.forEach((c, i) => {
    const where = `cycles[${i}]`;
    if (c.startDate > c.endDate) problems.push(`${where}: endDate is before startDate`);
    const overlap = findOverlappingCycle(
      doc.cycles.slice(0, i).map((o, id) => ({ ...o, id: String(id) })),
      { ...c, id: String(i) },
    );
    if (overlap) problems.push(`${where}: shares days with cycles[${overlap.id}]; cycles never overlap`);
    index(`${where}.carriedTo`, c.carriedTo, doc.cycles, 'cycles');
    if (c.carriedTo === i) problems.push(`${where}.carriedTo: a cycle cannot carry its items to itself`);
    for (const [k, n] of c.carriedOver.entries()) item(`${where}.carriedOver[${k}]`, n);
  });
  unique(doc.savedViews, (v) => v.name.toLowerCase(), 'savedViews', 'the shared view name');
  doc.proposals.forEach((p, i) => {
    const where = `proposals[${i}]`;
    item(`${where}.item`, p.item);
    if (p.change.kind === 'order') {
      item(`${where}.change.after`, p.change.after);
      item(`${where}.change.before`, p.change.before);
      if (p.change.after === undefined && p.change.before === undefined)
        problems.push(`${where}.change: an order change names after or before`);
    }
    if (p.change.kind === 'move_to') item(`${where}.change.parent`, p.change.parent);
    index(`${where}.logEntry`, p.logEntry, doc.decisions, 'decisions');
  });
  doc.healthUpdates.forEach((h, i) => {
    item(`healthUpdates[${i}].item`, h.item);
  });
  unique(doc.healthUpdates, (h) => `#${h.item} v${h.version}`, 'healthUpdates', 'the call');
  unique(doc.deployments, (d) => d.key, 'deployments', 'the deployment key');
  unique(doc.incidents, (d) => d.key, 'incidents', 'the incident key');
  doc.incidents.forEach((r, i) => {
    if (r.resolvedAt !== null && Date.parse(r.resolvedAt) < Date.parse(r.openedAt))
      problems.push(`incidents[${i}].resolvedAt: is before openedAt`);
  });
  unique(doc.companies, (c) => c.externalId, 'companies', 'the external id');
  unique(doc.evidence, (e) => e.externalId, 'evidence', 'the external id');
  doc.evidence.forEach((e, i) => {
    item(`evidence[${i}].item`, e.item);
    index(`evidence[${i}].company`, e.company, doc.companies, 'companies');
  });
  unique(doc.ideaAdoptions, (a) => `#${a.item}`, 'ideaAdoptions', 'the item');
  doc.ideaAdoptions.forEach((a, i) => {
    item(`ideaAdoptions[${i}].item`, a.item);
    if (a.periodEnd < a.periodStart) problems.push(`ideaAdoptions[${i}].periodEnd: is before periodStart`);
    if (a.outOf !== null && a.outOf < a.reach) problems.push(`ideaAdoptions[${i}].outOf: is below the reach`);
  });
  doc.portalSubmissions.forEach((p, i) => {
    const where = `portalSubmissions[${i}]`;
    item(`${where}.item`, p.item);
    if (p.item === null && !(p.kind === 'idea' && p.status === 'pending'))
      problems.push(`${where}.item: a ${p.status} ${p.kind} names the idea it is about`);
    index(`${where}.evidence`, p.evidence, doc.evidence, 'evidence');
  });
  unique(
    doc.portalSubmissions,
    (p) => (p.evidence === null ? null : String(p.evidence)),
    'portalSubmissions',
    'the evidence',
  );
  return problems;
}
