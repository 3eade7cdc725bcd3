import { z } from 'zod';
import { DateOnlySchema, int4, TimestampInputSchema, text } from './common';
import { COMPANY_ARR_MAX } from './companies';
import { CYCLE_LIMITS } from './cycles';
import { EVIDENCE_SOURCES, EVIDENCE_TEXT_MAX } from './discovery';
import { HEALTH_STATUSES } from './health-updates';
import { ADOPTION_IMPACT_MAX, ADOPTION_UNITS } from './idea-adoption';
import { ITEM_STATES } from './item-values';
import { PORTAL_KINDS, PORTAL_SLUG } from './portal';
import { PORTAL_TEXT_MAX, PORTAL_TITLE_MAX } from './portal-limits';
import { PROPOSAL_STATUSES } from './proposals';
import { SavedViewQueryInputSchema } from './saved-views';
import { WORKFLOW_LIMITS } from './workflow';
import { DecisionSchema } from './workspace';

const Timestamp = TimestampInputSchema;
const Email = z.email().max(200);
const Num = int4().min(1);
/** An index into another list of the same file (cycles, companies, decisions). */
const Index = int4().min(0);

/**
 * The workspace tables of Headway JSON added in formatVersion 2: the workflow, cycles, shared
 * saved views, proposals, health calls, delivery events, customer evidence, the adoption of
 * shipped ideas and the ideas portal with what its visitors sent. Each list is
 * optional with an empty default, so a formatVersion 1 file still imports. Items are referred to
 * by number, people by e-mail, and rows of another list by their index in it. Secrets (API and
 * ingest tokens, webhook endpoints, the GitHub connection) are never in a file.
 */
export const HeadwayWorkspaceTablesShape = {
  /** The board's states in order; absent: the default workflow. */
  workflowStates: z
    .array(
      z.strictObject({
        name: text().trim().min(1).max(WORKFLOW_LIMITS.nameChars),
        builtinState: z.enum(ITEM_STATES),
        position: int4().min(0),
        wipLimit: int4().min(1).max(WORKFLOW_LIMITS.wipLimit).nullable(),
        /** Work here waits on someone: flow efficiency counts it as waiting (absent: false). */
        waiting: z.boolean().optional(),
        /** Work here is blocked, a started state only: measured as blocked time (absent: false). */
        blocked: z.boolean().optional(),
        version: Num,
      }),
    )
    .max(WORKFLOW_LIMITS.states)
    .optional(),
  cycles: z
    .array(
      z.strictObject({
        name: text().trim().min(1).max(CYCLE_LIMITS.nameChars),
        startDate: DateOnlySchema,
        endDate: DateOnlySchema,
        closedAt: Timestamp.nullable(),
        closedBy: Email.nullable(),
        /** Items that left it unfinished when it closed. */
        carriedOver: z.array(Num),
        /** The index, in `cycles`, of the cycle they went to. */
        carriedTo: Index.nullable(),
        version: Num,
        createdAt: Timestamp,
      }),
    )
    .default([]),
  /** Shared views only: a personal view is its owner's alone and stays out of the file. */
  savedViews: z
    .array(
      z.strictObject({
        name: text().trim().min(1).max(80),
        owner: Email,
        /** The backlog query; an assignee filter names the person as "user:<email>". */
        query: SavedViewQueryInputSchema.extend({ assignee: text().max(260).optional() }),
        version: Num,
        createdAt: Timestamp,
        updatedAt: Timestamp,
      }),
    )
    .default([]),
  proposals: z
    .array(
      z.strictObject({
        item: Num,
        decision: DecisionSchema,
        change: z.discriminatedUnion('kind', [
          z.strictObject({
            kind: z.literal('order'),
            after: Num.nullable().optional(),
            before: Num.nullable().optional(),
          }),
          z.strictObject({ kind: z.literal('cut') }),
          z.strictObject({ kind: z.literal('restore') }),
          z.strictObject({ kind: z.literal('move_to'), parent: Num.nullable() }),
        ]),
        reason: text().trim().min(1).max(2000),
        status: z.enum(PROPOSAL_STATUSES),
        proposedBy: Email.nullable(),
        createdAt: Timestamp,
        decidedBy: Email.nullable(),
        decidedAt: Timestamp.nullable(),
        response: text().max(2000).nullable(),
        /** The index, in `decisions`, of the entry its answer wrote. */
        logEntry: Index.nullable(),
        version: Num,
      }),
    )
    .default([]),
  healthUpdates: z
    .array(
      z.strictObject({
        item: Num,
        version: Num,
        status: z.enum(HEALTH_STATUSES),
        note: text().trim().min(1).max(2000),
        author: Email.nullable(),
        at: Timestamp,
      }),
    )
    .default([]),
  deployments: z
    .array(
      z.strictObject({
        key: text().min(1).max(200),
        environment: text().min(1).max(100),
        deployedAt: Timestamp,
        commitTimes: z.array(Timestamp).max(1000),
        succeeded: z.boolean(),
        receivedAt: Timestamp,
      }),
    )
    .default([]),
  incidents: z
    .array(
      z.strictObject({
        key: text().min(1).max(200),
        openedAt: Timestamp,
        resolvedAt: Timestamp.nullable(),
        causedBy: text().max(200).nullable(),
        receivedAt: Timestamp,
      }),
    )
    .default([]),
  companies: z
    .array(
      z.strictObject({
        externalId: text().max(200).nullable(),
        name: text().trim().min(1).max(200),
        domains: z.array(text().min(1).max(253)).max(50),
        arr: z
          .number()
          .min(0)
          .max(
            COMPANY_ARR_MAX,
            `give the annual revenue as at most ${COMPANY_ARR_MAX.toLocaleString('en-US')}, the most a company keeps`,
          )
          .nullable(),
        tier: text().max(100).nullable(),
        segment: text().max(100).nullable(),
        /** The account owner's e-mail; files written before owners read as none. */
        owner: Email.nullable().default(null),
        version: Num,
        createdAt: Timestamp,
      }),
    )
    .default([]),
  evidence: z
    .array(
      z.strictObject({
        item: Num.nullable(),
        externalId: text().max(200).nullable(),
        sourceType: z.enum(EVIDENCE_SOURCES),
        sourceUrl: text()
          .max(2000)
          .regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\/\S+$/, 'a source link starts with http:// or https://')
          .nullable(),
        requesterEmail: text().max(320).nullable(),
        /** The index, in `companies`, of the requester's company. */
        company: Index.nullable(),
        body: text().min(1).max(EVIDENCE_TEXT_MAX),
        importance: int4().min(0).max(3),
        givenAt: Timestamp,
        createdBy: Email.nullable(),
        version: Num,
        createdAt: Timestamp,
      }),
    )
    .default([]),
  /** The adoption recorded for shipped ideas, one per item. */
  ideaAdoptions: z
    .array(
      z.strictObject({
        item: Num,
        periodStart: DateOnlySchema,
        periodEnd: DateOnlySchema,
        unit: z.enum(ADOPTION_UNITS),
        reach: int4().min(0),
        outOf: int4().min(1).nullable(),
        impact: z.number().min(0).max(ADOPTION_IMPACT_MAX).nullable(),
        note: text().max(2000).nullable(),
        recordedBy: Email.nullable(),
        recordedAt: Timestamp,
        version: Num,
      }),
    )
    .default([]),
  /**
   * The public ideas portal: its address and whether it is published; null: never set. An import
   * keeps it unpublished, at another address, when its address is taken on the server.
   */
  portal: z
    .strictObject({
      slug: text().regex(PORTAL_SLUG, 'a portal address is 3 to 48 lower-case letters, digits or dashes'),
      published: z.boolean(),
    })
    .nullable()
    .default(null),
  /**
   * What portal visitors sent that the workspace keeps: the approved (follows, and the ideas,
   * notes and votes that became evidence) and the pending (the moderation queue). Unverified ones
   * (only a verification secret's hash, soon expired) and rejected ones are not exported, and no
   * verification secret or its hash is ever in a file.
   */
  portalSubmissions: z
    .array(
      z.strictObject({
        kind: z.enum(PORTAL_KINDS),
        /** The idea it is about; null only for a new idea not approved yet. */
        item: Num.nullable(),
        title: text().max(PORTAL_TITLE_MAX).nullable(),
        body: text().max(PORTAL_TEXT_MAX).nullable(),
        importance: int4().min(0).max(3).nullable(),
        email: Email,
        status: z.enum(['pending', 'approved']),
        /** The index, in `evidence`, of the note its approval created. */
        evidence: Index.nullable(),
        version: Num,
        createdAt: Timestamp,
        verifiedAt: Timestamp.nullable(),
        moderatedAt: Timestamp.nullable(),
      }),
    )
    .default([]),
  /** The addresses that asked the portal to send them no more notices, and since when. */
  portalOptOuts: z
    .array(z.strictObject({ email: Email, createdAt: Timestamp }))
    .max(100_000)
    .default([]),
};

/** The workspace tables of a file that has none, for files built in code (the demo) to spread in. */
export function noWorkspaceTables() {
  const none = (): never[] => [];
  return {
    cycles: none(),
    savedViews: none(),
    proposals: none(),
    healthUpdates: none(),
    deployments: none(),
    incidents: none(),
    companies: none(),
    evidence: none(),
    ideaAdoptions: none(),
    portal: null,
    portalSubmissions: none(),
    portalOptOuts: none(),
  };
}
