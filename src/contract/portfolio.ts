/** The portfolio: the brief's headlines of every workspace the caller belongs to, on one page. */
import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';
import { HealthStatusSchema } from './health-updates';
import { DecisionSchema, RoleSchema } from './workspace';

/** One milestone's headline: the plan forecast's P85 and chance of the target, and the latest call. */
export const PortfolioMilestoneSchema = z.object({
  id: IdSchema,
  number: z.number().int().nullable(),
  title: z.string().describe('plain text: shown as written, never as markup'),
  targetDate: z.string().nullable(),
  p85: z.string().nullable().describe('the plan forecast’s 85th percentile finish day'),
  probabilityOnTime: z.number().nullable().describe('share of simulated plans that meet the target (0–1)'),
  health: z
    .object({
      status: HealthStatusSchema,
      note: z.string(),
      authorName: z.string().nullable(),
      createdAt: IsoDateTimeSchema,
    })
    .nullable()
    .describe('the latest health update, or null when nobody has called it'),
  href: z.string().describe('app path of the milestone on the roadmap'),
});

/** One workspace in the portfolio, computed with the caller's role and rights there. */
export const PortfolioWorkspaceSchema = z.object({
  workspaceId: IdSchema,
  name: z.string(),
  slug: z.string(),
  role: RoleSchema.describe('the caller’s role in this workspace'),
  decides: z.array(DecisionSchema).describe('the inbox decisions the caller holds here'),
  failed: z
    .string()
    .nullable()
    .describe('why this workspace’s headline could not be computed (the others still are), or null'),
  waiting: z.object({
    count: z.number().int().describe('decisions and proposals waiting on the caller'),
    counts: z.object({
      order: z.number().int(),
      estimate: z.number().int(),
      scope: z.number().int(),
      review: z.number().int().describe('parked ideas whose review day has come'),
      proposals: z.number().int(),
    }),
    oldestSince: IsoDateTimeSchema.nullable(),
    oldestDays: z.number().int().nullable(),
    href: z.string().describe('app path of the caller’s decision inbox there'),
  }),
  milestones: z.array(PortfolioMilestoneSchema),
  assessment: z
    .object({
      number: z.number().int(),
      overall: z.number().nullable(),
      createdAt: IsoDateTimeSchema,
      href: z.string(),
    })
    .nullable()
    .describe('the last assessment’s score, or null when none was run'),
  briefHref: z.string().describe('app path of the caller’s weekly brief there'),
});
export type PortfolioWorkspace = z.infer<typeof PortfolioWorkspaceSchema>;

export const PortfolioSchema = z.object({
  order: z.string().describe('the rule the workspaces are sorted by, in words'),
  workspaces: z.array(PortfolioWorkspaceSchema).describe('the workspace that needs the caller most first'),
});
export type PortfolioView = z.infer<typeof PortfolioSchema>;
