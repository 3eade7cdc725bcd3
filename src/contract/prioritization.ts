import { z } from 'zod';
import { FRAMEWORK_IDS, type FrameworkId, SCORE_SOURCES } from '../domain/prioritization';
import { IdSchema, IsoDateTimeSchema, int4, int4FromText, text } from './common';
import { ItemStateSchema, ItemTypeSchema } from './items';

/**
 * The built-in frameworks a backlog can be ranked by, as the prioritization engine names them.
 * Each reads its inputs from an item's `scores` under the engine's score keys:
 *
 * - rice: `rice_reach` (people or events per quarter, ≥ 0), `rice_impact` (0.25, 0.5, 1, 2, 3 or
 *   minimal/low/medium/high/massive), `rice_confidence` (50, 80, 100 percent; also 0.5/0.8/1 or
 *   low/medium/high), `rice_effort` (person-months, > 0)
 * - ice, ice_product: `ice_impact`, `ice_confidence`, `ice_ease`, each 1–10
 * - wsjf: `wsjf_value`, `wsjf_time_criticality`, `wsjf_risk_reduction`, `wsjf_job_size`, each on
 *   1, 2, 3, 5, 8, 13, 20
 * - cd3: `cd3_cost_of_delay` (per week), `cd3_duration` (weeks, > 0)
 * - value_effort: `value_score`, `effort_score`, each 1–10
 * - opportunity: `opportunity_importance`, `opportunity_satisfaction`, each 0–10
 * - moscow: `moscow` (must, should, could, wont)
 * - kano: `kano_functional`, `kano_dysfunctional` (like, expect, neutral, live-with, dislike)
 *
 * Custom formulas read the same score keys (e.g. `wsjf_value * 2 - rice_effort`); they see
 * numbers as stored, and `moscow` as 0 (wont) to 3 (must).
 */
export const RANKING_FRAMEWORKS = FRAMEWORK_IDS;
export type RankingFramework = FrameworkId;

const FRAMEWORK_REF = new RegExp(
  `^(?:${RANKING_FRAMEWORKS.join('|')}|formula:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`,
);

/** A built-in framework id, or `formula:<id>` for one of the workspace's formulas. */
export const FrameworkRefSchema = text()
  .trim()
  .regex(FRAMEWORK_REF, `use one of ${RANKING_FRAMEWORKS.join(', ')} or formula:<formula id>`);

/** A framework ref, or `manual` for the current manual order (for comparisons). */
export const OrderRefSchema = text()
  .trim()
  .regex(
    new RegExp(`^manual$|${FRAMEWORK_REF.source}`),
    `use manual, one of ${RANKING_FRAMEWORKS.join(', ')} or formula:<formula id>`,
  );

export const RankingQuerySchema = z.object({ framework: FrameworkRefSchema });
export const CompareQuerySchema = z.object({
  a: OrderRefSchema,
  b: OrderRefSchema,
  movers: int4FromText().min(1).max(100).default(10),
});
export const SensitivityQuerySchema = z.object({
  framework: FrameworkRefSchema,
  top: int4FromText().min(1).max(50).default(10),
});

const InputValueSchema = z.union([z.number(), z.string()]);

export const FrameworkSummarySchema = z.object({
  ref: z.string(),
  name: z.string(),
  summary: z.string(),
  formula: z.string(),
  direction: z.enum(['higher-first', 'lower-first']),
  inputs: z.array(z.object({ scoreKey: z.string(), label: z.string(), description: z.string() })),
});

/** Who last set one score input of an item, and when. */
export const ScoreProvenanceSchema = z.object({
  setBy: z
    .object({ userId: IdSchema, name: z.string() })
    .nullable()
    .describe(
      'the account that set it; null when none is known (an import run without one, or a removed account)',
    ),
  setAt: IsoDateTimeSchema,
  source: z
    .enum(SCORE_SOURCES)
    .describe('typed in Headway, written by an import, or computed from customer evidence'),
  range: z
    .object({ low: z.number(), high: z.number() })
    .optional()
    .describe('for a score computed from evidence: its 90 % interval'),
  basis: z.string().optional().describe('for a score computed from evidence: what it rests on'),
  namedAs: z
    .string()
    .nullable()
    .optional()
    .describe('the e-mail an imported Headway JSON file named as the setter, when it has no account here'),
});
export type ScoreProvenanceView = z.infer<typeof ScoreProvenanceSchema>;

/** Per stored input, by score key: who set it; null when it was set before Headway recorded this. */
const InputProvenanceSchema = z
  .record(z.string(), ScoreProvenanceSchema.nullable())
  .describe('who last set each input and when, by score key; null: set before this was recorded');

export const ItemRefSchema = z.object({ itemId: IdSchema, number: z.number().int(), title: z.string() });
export type ItemRef = z.infer<typeof ItemRefSchema>;

export const RankedEntrySchema = ItemRefSchema.extend({
  type: ItemTypeSchema,
  state: ItemStateSchema,
  /** 1-based place in the computed order. */
  rank: z.number().int(),
  /** 1-based place in the manual order. */
  manualPosition: z.number().int(),
  score: z.number(),
  label: z.string().nullable(),
  /** The inputs used, by score key, as stored on the item. */
  inputs: z.record(z.string(), InputValueSchema),
  provenance: InputProvenanceSchema,
});

export const UnscoredEntrySchema = ItemRefSchema.extend({
  type: ItemTypeSchema,
  state: ItemStateSchema,
  manualPosition: z.number().int(),
  /** Score keys to fill in. */
  missing: z.array(z.string()),
  problems: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
  /** For the inputs the item has already. */
  provenance: InputProvenanceSchema,
});

/** DSDM balance of the open backlog by MoSCoW category, effort from the likely estimates (days). */
export const MoscowCheckSchema = z.object({
  effort: z.object({ must: z.number(), should: z.number(), could: z.number(), wont: z.number() }),
  inScope: z.number(),
  shares: z.object({ must: z.number(), should: z.number(), could: z.number() }),
  findings: z.array(
    z.object({
      code: z.enum(['must-over-limit', 'could-below-contingency']),
      severity: z.enum(['warning', 'info']),
      message: z.string(),
      share: z.number(),
      threshold: z.number(),
    }),
  ),
  /** Categorised items left out of the check because they have no estimate yet. */
  withoutEstimate: z.number().int(),
});

/** The open backlog (not done or cancelled) ranked by a framework. */
export const RankingSchema = z.object({
  framework: FrameworkSummarySchema,
  /** Identifies the manual order and inputs this was computed from; send it back to apply. */
  orderVersion: z.string(),
  ranked: z.array(RankedEntrySchema),
  unscored: z.array(UnscoredEntrySchema),
  /** For MoSCoW only: are Musts at most 60% of the effort in scope? */
  moscowCheck: MoscowCheckSchema.nullable(),
});
export type Ranking = z.infer<typeof RankingSchema>;

const OrderNameSchema = z.object({ ref: z.string(), name: z.string() });

export const RankingComparisonSchema = z.object({
  a: OrderNameSchema,
  b: OrderNameSchema,
  common: z.number().int(),
  spearman: z.number().nullable(),
  kendall: z.number().nullable(),
  onlyInA: z.array(ItemRefSchema),
  onlyInB: z.array(ItemRefSchema),
  /** Biggest moves first; shift > 0 means later in b. */
  movers: z.array(
    ItemRefSchema.extend({ rankA: z.number().int(), rankB: z.number().int(), shift: z.number().int() }),
  ),
});
export type RankingComparison = z.infer<typeof RankingComparisonSchema>;

export const RankSensitivitySchema = z.object({
  framework: OrderNameSchema,
  top: z.array(ItemRefSchema),
  changes: z.array(
    ItemRefSchema.extend({
      scoreKey: z.string(),
      from: InputValueSchema,
      to: InputValueSchema,
      step: z.enum(['up', 'down']),
      via: z
        .enum(['step', 'interval'])
        .describe(
          'step: the input moved one step on its scale; interval: the input at an end of the interval of a score computed from evidence (only changes of who is in the top are reported this way)',
        ),
      interval: z
        .object({ low: z.number(), high: z.number() })
        .nullable()
        .describe(
          'for a change via an interval: the 90 % interval of the score from evidence; `to` is one of its ends',
        ),
      rankBefore: z.number().int(),
      rankAfter: z.number().int(),
      effect: z.enum(['enters-top', 'leaves-top', 'reorders-top']),
      otherItemId: IdSchema.nullable(),
    }),
  ),
});
export type RankSensitivityReport = z.infer<typeof RankSensitivitySchema>;

export const ApplyRankingSchema = z.strictObject({
  framework: FrameworkRefSchema,
  rationale: text().trim().max(2000).optional().describe('why; recorded in the decision log'),
  expectedOrderVersion: text()
    .max(64)
    .optional()
    .describe('the orderVersion of the ranking you reviewed; a changed backlog answers 409'),
});
export type ApplyRanking = z.infer<typeof ApplyRankingSchema>;

export const AppliedRankingSchema = z.object({
  framework: OrderNameSchema,
  /** Items placed at the top of the manual order, in the computed order. */
  applied: z.array(ItemRefSchema),
  /** Items left where they were because inputs are missing. */
  unscored: z.number().int(),
  orderVersion: z.string(),
});
export type AppliedRanking = z.infer<typeof AppliedRankingSchema>;

export const ScoringFormulaSchema = z.object({
  id: IdSchema,
  /** Use as `framework=formula:<id>`. */
  ref: z.string(),
  name: z.string(),
  expression: z.string(),
  /** Score keys the expression reads. */
  fields: z.array(z.string()),
  createdBy: IdSchema.nullable(),
  version: z.number().int(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type ScoringFormula = z.infer<typeof ScoringFormulaSchema>;

const FormulaNameSchema = text().trim().min(1, 'a formula needs a name').max(80);
const ExpressionSchema = text()
  .trim()
  .min(1, 'write an expression, e.g. wsjf_value * 2 - rice_effort')
  .max(2000);

export const CreateScoringFormulaSchema = z.strictObject({
  name: FormulaNameSchema,
  expression: ExpressionSchema,
  rationale: text().trim().max(2000).optional(),
});
export type CreateScoringFormula = z.infer<typeof CreateScoringFormulaSchema>;

export const UpdateScoringFormulaSchema = z.strictObject({
  version: int4().min(1).optional().describe('or send it in the If-Match header'),
  name: FormulaNameSchema.optional(),
  expression: ExpressionSchema.optional(),
  rationale: text().trim().max(2000).optional(),
});
export type UpdateScoringFormula = z.infer<typeof UpdateScoringFormulaSchema>;
