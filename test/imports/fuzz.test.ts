/**
 * Fuzzing the import parsers through the same path the CLI uses (bytes → text → CSV split →
 * parser → mapping → plan). A parser returns problems and never throws, and whatever it is fed,
 * the plan holds together: dependencies between imported items and without cycles, parents on a
 * higher level, history in time order, counts that match.
 *
 * The default suite runs a sample. `npm run fuzz:import` runs 50,000 generated inputs per parser
 * (HEADWAY_IMPORT_FUZZ_RUNS sets the number per parser).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCyclicComponents, type ImportFormat, type ImportPlan } from '../../src/domain/import';
import { planImport } from '../../src/server/imports/plan-import';
import { csvFile, githubFile, rawText } from './fuzz-inputs';

const RUNS_PER_PARSER = Number(process.env.HEADWAY_IMPORT_FUZZ_RUNS ?? 1000);
// Half the runs on well-formed tables with hostile cells, half on raw bytes.
const HALF = Math.ceil(RUNS_PER_PARSER / 2);
// Generous: the dedicated 50,000-run script takes minutes on a shared machine.
const TIMEOUT = Math.max(60_000, RUNS_PER_PARSER * 20);
const LEVEL = { initiative: 0, epic: 1, feature: 2, task: 2, bug: 2 } as const;

/** The plan holds together whatever the input. */
function checkPlan(plan: ImportPlan): void {
  const keys = new Set(plan.items.map((i) => i.key));
  expect(keys.size).toBe(plan.items.length);
  const byKey = new Map(plan.items.map((i) => [i.key, i]));
  for (const item of plan.items) {
    if (item.parentKey !== null) {
      const parent = byKey.get(item.parentKey);
      expect(parent).toBeDefined();
      expect(LEVEL[parent!.type]).toBeLessThan(LEVEL[item.type]);
    }
    expect(item.title.trim()).not.toBe('');
    expect(item.title.length).toBeLessThanOrEqual(300);
    if (item.estimate)
      expect(
        item.estimate.optimistic <= item.estimate.likely && item.estimate.likely <= item.estimate.pessimistic,
      ).toBe(true);
  }
  const ids = [...keys];
  const index = new Map(ids.map((k, i) => [k, i]));
  const successors: number[][] = ids.map(() => []);
  for (const dep of plan.dependencies) {
    expect(keys.has(dep.item) && keys.has(dep.dependsOn)).toBe(true);
    successors[index.get(dep.item)!]!.push(index.get(dep.dependsOn)!);
  }
  expect(findCyclicComponents(ids.length, successors)).toEqual([]);
  const last = new Map<string, string>();
  for (const entry of plan.history) {
    expect(keys.has(entry.item)).toBe(true);
    expect(entry.at >= (last.get(entry.item) ?? '')).toBe(true);
    last.set(entry.item, entry.at);
  }
  for (const problem of plan.problems) {
    expect(typeof problem.message).toBe('string');
    expect(typeof problem.why).toBe('string');
  }
}

function planFor(text: string, from: ImportFormat): void {
  const result = planImport({ text, from, members: [{ email: 'zoe@example.com', name: 'Zoë Ångström' }] });
  if (result.kind !== 'plan') throw new Error('a foreign format must give a plan');
  checkPlan(result.plan);
  expect(result.summary.items).toBe(result.plan.items.length);
}

describe.each([
  ['jira' as const, csvFile('jira')],
  ['linear' as const, csvFile('linear')],
  ['csv' as const, csvFile('csv')],
  ['github' as const, githubFile],
])('fuzzing the %s parser', (format, wellFormed) => {
  it(
    `should never throw and always give a consistent plan on ${HALF} generated files`,
    () => {
      fc.assert(
        fc.property(wellFormed, (text) => planFor(text, format)),
        { numRuns: HALF },
      );
    },
    TIMEOUT,
  );

  it(
    `should never throw on ${HALF} raw inputs`,
    () => {
      fc.assert(
        fc.property(rawText, (text) => planFor(text, format)),
        { numRuns: HALF },
      );
    },
    TIMEOUT,
  );
});
