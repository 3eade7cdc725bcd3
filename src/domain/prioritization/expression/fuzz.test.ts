import { describe, expect, it } from 'vitest';
import { createSmallRandom } from '../../shared/random';
import { evaluateFormula } from './evaluate';
import { ExpressionError } from './expression-error';
import { parseFormula } from './parse';
import { printFormula } from './print';
import { stripColumns } from './test-support';

const FUZZ_INPUTS = 100_000;

const SEEDS = [
  'reach * impact * confidence / effort',
  '(value + criticality + risk) / size',
  'importance + max(importance - satisfaction, 0)',
  'if(effort == 0, 0, value / effort)',
  'a > 1 && b <= 2 || c != 3 ? -x : round(ln(y) * 2.5e-3)',
  'min(a, b, c) - sqrt(abs(d)) ÷ log(10) × 3',
  '-(-(a)) - - b',
];

const ALPHABET = [
  ...'0123456789.eE+-*/()<>=!&|?:, _abcxyz\t\n×÷−≤≥≠',
  'min',
  'max',
  'if',
  'log',
  'sqrt',
  '\u0000',
  '😀',
  '"',
  "'",
  '`',
  '$',
  '[',
  ']',
  '{',
  '}',
  ';',
  '\\',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function randomString(random: () => number): string {
  const length = Math.floor(random() * 40);
  let text = '';
  for (let index = 0; index < length; index += 1) text += pick(random, ALPHABET);
  return text;
}

function mutate(random: () => number, source: string): string {
  let text = source;
  const edits = 1 + Math.floor(random() * 3);
  for (let edit = 0; edit < edits; edit += 1) {
    const at = Math.floor(random() * (text.length + 1));
    const choice = random();
    if (choice < 0.35) {
      text = text.slice(0, at) + pick(random, ALPHABET) + text.slice(at);
    } else if (choice < 0.7) {
      text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
    } else if (choice < 0.85) {
      const from = Math.floor(random() * text.length);
      text = text.slice(0, at) + text.slice(from, from + 1 + Math.floor(random() * 6)) + text.slice(at);
    } else {
      text = text.slice(0, at) + pick(random, SEEDS) + text.slice(at);
    }
  }
  return text;
}

describe('formula parser fuzzing', () => {
  it(`should end every one of ${FUZZ_INPUTS} random and mutated inputs in a value or an ExpressionError`, () => {
    const random = createSmallRandom(20240605).nextFloat;
    const fields: Record<string, number> = {
      a: 2,
      b: 0,
      c: -1,
      d: 3.5,
      x: 1e10,
      y: 0.25,
      reach: 100,
      impact: 2,
    };
    let parsed = 0;
    let crashes = 0;
    let firstCrash = '';
    for (let run = 0; run < FUZZ_INPUTS; run += 1) {
      const source = random() < 0.4 ? randomString(random) : mutate(random, pick(random, SEEDS));
      try {
        const result = parseFormula(source);
        if (!result.ok) {
          if (!(result.error instanceof ExpressionError) || result.error.column < 1) crashes += 1;
          continue;
        }
        parsed += 1;
        const printed = printFormula(result.expression);
        const again = parseFormula(printed);
        if (
          !again.ok ||
          JSON.stringify(stripColumns(again.expression)) !== JSON.stringify(stripColumns(result.expression))
        ) {
          crashes += 1;
          firstCrash ||= `round trip of ${JSON.stringify(source)}`;
        }
        const value = evaluateFormula({ expression: result.expression, fields });
        if (value.ok ? !Number.isFinite(value.value) : !(value.error instanceof ExpressionError)) {
          crashes += 1;
          firstCrash ||= `evaluation of ${JSON.stringify(source)}`;
        }
      } catch (error) {
        crashes += 1;
        firstCrash ||= `${JSON.stringify(source)} threw ${String(error)}`;
      }
    }
    expect(firstCrash).toBe('');
    expect(crashes).toBe(0);
    // A useful fuzz run exercises the valid path as well as the error paths.
    expect(parsed).toBeGreaterThan(FUZZ_INPUTS / 20);
  });
});
