import type { ExpressionNode } from '../expression/ast';
import { checkFormulaFields, evaluateFormula, listFormulaFields } from '../expression/evaluate';
import type { ExpressionError } from '../expression/expression-error';
import { parseFormula } from '../expression/parse';

/** One allowed value of a scale input, e.g. RICE impact `{ key: 'high', value: 2, label: 'high (2×)' }`. */
export type ScaleOption = { key: string; value: number; label: string };

/** How far "one step" moves a free number input in sensitivity analysis. */
export type SensitivityStep = { kind: 'relative'; fraction: number } | { kind: 'absolute'; amount: number };

/** A free number with optional bounds, e.g. RICE reach (≥ 0) or effort (> 0). */
export type NumberInput = {
  kind: 'number';
  key: string;
  label: string;
  description: string;
  min?: number;
  /** When true the minimum itself is not allowed (effort must be > 0, not ≥ 0). */
  minExclusive?: boolean;
  max?: number;
  step: SensitivityStep;
  /** What one unit is, for people entering it ("person-months"). */
  unit?: string;
};

/** A number restricted to listed values, in ascending order of value; accepts the value or the key. */
export type ScaleInput = {
  kind: 'scale';
  key: string;
  label: string;
  description: string;
  options: readonly ScaleOption[];
  /** Items store the option's key ("must") rather than its value (3). */
  storesKey?: boolean;
  /** Items may store the value as a percentage (80 for 0.8): see readFrameworkInputs. */
  percent?: boolean;
};

/** A categorical answer from an ordered list of keys (e.g. a Kano answer). */
export type ChoiceInput = {
  kind: 'choice';
  key: string;
  label: string;
  description: string;
  options: readonly { key: string; label: string }[];
};

/** The declared input of a framework. */
export type FrameworkInput = NumberInput | ScaleInput | ChoiceInput;

/** What an item carries: input key → number, scale key or choice key. Absent or null means not scored yet. */
export type InputValues = Readonly<Record<string, number | string | null | undefined>>;

/** Inputs after validation: numbers (free and scale inputs) and choices (choice inputs, plus scale keys). */
export type ValidatedInputs = {
  numbers: Readonly<Record<string, number>>;
  choices: Readonly<Record<string, string>>;
};

/** Why an input cannot be used, with enough detail to fix it. */
export type InputProblem = {
  field: string;
  code: 'missing' | 'not-a-number' | 'not-allowed' | 'below-minimum' | 'above-maximum' | 'not-computable';
  message: string;
  /** Allowed values, for scale and choice inputs. */
  allowed?: readonly (number | string)[];
};

/** The outcome of a framework's rule on valid inputs. */
export type FrameworkEvaluation =
  | { ok: true; score: number; label?: string }
  | { ok: false; problem: InputProblem };

/** Which scores come first when ranking. */
export type ScoreDirection = 'higher-first' | 'lower-first';

/**
 * A scoring framework as a declared definition: its inputs (with scales or bounds), the formula in
 * words or in the expression language, the ranking direction, and the rule that applies it.
 */
export type ScoringFramework = {
  id: string;
  name: string;
  /** Short name that prefixes its inputs' names when they are shown out of context ("RICE reach"). */
  family?: string;
  summary: string;
  inputs: readonly FrameworkInput[];
  /** The formula as shown to people; for formula frameworks it is exactly what is evaluated. */
  formula: string;
  direction: ScoreDirection;
  evaluate: (inputs: ValidatedInputs) => FrameworkEvaluation;
  /** The framework's own benefit and cost, for a value-vs-effort chart (RICE, WSJF, CD3, value/effort). */
  valueEffort?: ValueEffortAxes;
};

/** How a framework splits into a benefit and a cost, with the axes' names. */
export type ValueEffortAxes = {
  valueAxis: string;
  effortAxis: string;
  read: (numbers: Readonly<Record<string, number>>) => { value: number; effort: number };
};

/** Result of scoring one item. */
export type ItemScore =
  | { ok: true; score: number; label?: string }
  | { ok: false; missing: string[]; problems: InputProblem[] };

const NUMBER_FORMAT = (value: number): string => String(Number(value.toPrecision(12)));

/**
 * Checks an item's inputs against a framework's declared inputs.
 * @param options.framework the framework whose inputs apply
 * @param options.values the item's raw inputs; extra keys are ignored
 * @returns the normalised inputs, or every problem found (missing inputs and bad values together)
 */
export function validateFrameworkInputs(options: {
  framework: Pick<ScoringFramework, 'inputs'>;
  values: InputValues;
}): { ok: true; inputs: ValidatedInputs } | { ok: false; problems: InputProblem[] } {
  const numbers: Record<string, number> = Object.create(null);
  const choices: Record<string, string> = Object.create(null);
  const problems: InputProblem[] = [];
  for (const input of options.framework.inputs) {
    const raw = Object.hasOwn(options.values, input.key) ? options.values[input.key] : undefined;
    if (raw === undefined || raw === null || raw === '') {
      problems.push({
        field: input.key,
        code: 'missing',
        message: `${input.label} (${input.key}) is missing`,
      });
      continue;
    }
    const problem = checkInput(input, raw, numbers, choices);
    if (problem) {
      problems.push(problem);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, inputs: { numbers, choices } };
}

function checkInput(
  input: FrameworkInput,
  raw: number | string,
  numbers: Record<string, number>,
  choices: Record<string, string>,
): InputProblem | undefined {
  switch (input.kind) {
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) {
        return {
          field: input.key,
          code: 'not-a-number',
          message: `${input.label} (${input.key}) must be a number, got ${JSON.stringify(raw)}`,
        };
      }
      if (
        input.min !== undefined &&
        (raw < input.min || (input.minExclusive === true && raw === input.min))
      ) {
        const bound = input.minExclusive ? `greater than ${input.min}` : `at least ${input.min}`;
        return {
          field: input.key,
          code: 'below-minimum',
          message: `${input.label} (${input.key}) must be ${bound}, got ${raw}`,
        };
      }
      if (input.max !== undefined && raw > input.max) {
        return {
          field: input.key,
          code: 'above-maximum',
          message: `${input.label} (${input.key}) must be at most ${input.max}, got ${raw}`,
        };
      }
      numbers[input.key] = raw;
      return undefined;
    }
    case 'scale': {
      // Values are compared with a small tolerance so that 0.8 typed as 0.80000001 by a UI still matches.
      const option = input.options.find((candidate) =>
        typeof raw === 'number' ? Math.abs(candidate.value - raw) < 1e-9 : candidate.key === raw,
      );
      if (!option) {
        const allowed = input.options
          .map((candidate) => `${NUMBER_FORMAT(candidate.value)} (${candidate.key})`)
          .join(', ');
        return {
          field: input.key,
          code: 'not-allowed',
          message: `${input.label} (${input.key}) must be one of ${allowed}; got ${JSON.stringify(raw)}`,
          allowed: input.options.map((candidate) => candidate.value),
        };
      }
      numbers[input.key] = option.value;
      choices[input.key] = option.key;
      return undefined;
    }
    case 'choice': {
      const option = input.options.find((candidate) => candidate.key === raw);
      if (!option) {
        return {
          field: input.key,
          code: 'not-allowed',
          message: `${input.label} (${input.key}) must be one of ${input.options.map((candidate) => candidate.key).join(', ')}; got ${JSON.stringify(raw)}`,
          allowed: input.options.map((candidate) => candidate.key),
        };
      }
      choices[input.key] = option.key;
      return undefined;
    }
  }
}

/**
 * Scores one item with a framework: validates its inputs, then applies the framework's rule.
 * @param options.framework the framework to apply
 * @param options.values the item's inputs
 * @returns the score (and a label such as a Kano category or a quadrant), or the missing inputs and problems
 */
export function scoreItem(options: { framework: ScoringFramework; values: InputValues }): ItemScore {
  const validated = validateFrameworkInputs(options);
  if (!validated.ok) {
    return {
      ok: false,
      missing: validated.problems
        .filter((problem) => problem.code === 'missing')
        .map((problem) => problem.field),
      problems: validated.problems,
    };
  }
  const evaluation = options.framework.evaluate(validated.inputs);
  if (!evaluation.ok) {
    return { ok: false, missing: [], problems: [evaluation.problem] };
  }
  return evaluation.label === undefined
    ? { ok: true, score: evaluation.score }
    : { ok: true, score: evaluation.score, label: evaluation.label };
}

/**
 * Builds a framework whose rule is a formula in the expression language. Used for the standard
 * numeric frameworks and for a workspace's custom weighted formulas.
 * @param options.id stable identifier
 * @param options.name display name
 * @param options.formula the formula text, e.g. `2 * value + urgency - effort`
 * @param options.inputs declared inputs; when omitted every field of the formula becomes a free number
 *   input whose sensitivity step is 1 (the usual 1–5 or 1–10 workspace scales)
 * @param options.direction ranking direction, higher-first by default
 * @param options.summary one line shown beside the name
 * @param options.labelScore optional label for a score (e.g. a quadrant)
 * @returns the framework, or the parse error / the fields not declared among the inputs
 */
export function defineFormulaFramework(options: {
  id: string;
  name: string;
  family?: string;
  valueEffort?: ValueEffortAxes;
  formula: string;
  inputs?: readonly FrameworkInput[];
  direction?: ScoreDirection;
  summary?: string;
  labelScore?: (score: number, inputs: ValidatedInputs) => string | undefined;
}): { ok: true; framework: ScoringFramework } | { ok: false; errors: ExpressionError[] } {
  const parsed = parseFormula(options.formula);
  if (!parsed.ok) {
    return { ok: false, errors: [parsed.error] };
  }
  const expression: ExpressionNode = parsed.expression;
  const inputs: readonly FrameworkInput[] =
    options.inputs ??
    listFormulaFields(expression).map(
      (key): NumberInput => ({
        kind: 'number',
        key,
        label: key,
        description: '',
        step: { kind: 'absolute', amount: 1 },
      }),
    );
  const numericKeys = inputs.filter((input) => input.kind !== 'choice').map((input) => input.key);
  const unknown = checkFormulaFields({ expression, knownFields: numericKeys });
  if (unknown.length > 0) {
    return { ok: false, errors: unknown };
  }
  const labelScore = options.labelScore;
  return {
    ok: true,
    framework: {
      id: options.id,
      name: options.name,
      ...(options.family === undefined ? {} : { family: options.family }),
      ...(options.valueEffort === undefined ? {} : { valueEffort: options.valueEffort }),
      summary: options.summary ?? '',
      inputs,
      formula: options.formula,
      direction: options.direction ?? 'higher-first',
      evaluate: (validated) => {
        const result = evaluateFormula({ expression, fields: validated.numbers });
        if (!result.ok) {
          return {
            ok: false,
            problem: {
              field: result.error.token ?? '',
              code: 'not-computable',
              message: result.error.message,
            },
          };
        }
        const label = labelScore?.(result.value, validated);
        return label === undefined
          ? { ok: true, score: result.value }
          : { ok: true, score: result.value, label };
      },
    },
  };
}
