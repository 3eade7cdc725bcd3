import { z } from 'zod';
import { DECISIONS, LETTERS, ROLES } from '../domain/decision-rights';
import { IdSchema, IsoDateTimeSchema, int4, jsonField, SkillSchema, text } from './common';
import { LIMITS } from './limits';

export const RoleSchema = z.enum(ROLES);
export const DecisionSchema = z.enum(DECISIONS);
export const LetterSchema = z.enum(LETTERS);

export const WorkspaceSchema = z.object({
  id: IdSchema,
  name: z.string(),
  slug: z.string(),
  role: RoleSchema.describe('the caller’s role in this workspace'),
  createdAt: IsoDateTimeSchema,
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

/** A new workspace, with what an assessment prefilled when it was made from one. */
export const CreatedWorkspaceSchema = WorkspaceSchema.extend({
  fromAssessment: z
    .object({
      assessmentNumber: z.number().int(),
      rightsChanged: z.number().int().describe('decision-rights cells the growth plan changed'),
      invitations: z
        .array(
          z.object({
            role: RoleSchema,
            fte: z.number(),
            path: z.string().describe('the invitation link, shown once'),
          }),
        )
        .describe('one invitation link per person the answers describe'),
    })
    .optional(),
});
export type CreatedWorkspace = z.infer<typeof CreatedWorkspaceSchema>;

export const MeSchema = z.object({
  user: z.object({ id: IdSchema, email: z.string(), name: z.string() }),
  workspaces: z.array(WorkspaceSchema),
});

/**
 * How a person names a workspace outside a URL (the CLI's --workspace): its id, its slug or its
 * name, as typed.
 */
export const WorkspaceRefSchema = text()
  .trim()
  .min(1, 'give a workspace id, slug or name')
  .max(100, 'a workspace id, slug or name has at most 100 characters');

export const CreateWorkspaceSchema = z.strictObject({
  name: text().trim().min(1, 'give the workspace a name').max(100),
  fromAssessment: z
    .strictObject({
      answers: jsonField(z.record(text(), z.unknown())).describe(
        'answers to the short questionnaire, e.g. from a published assessment; each is checked against its question',
      ),
    })
    .optional()
    .describe(
      'start from an assessment: its growth plan’s decision rights are applied, it is stored as assessment #1, and an invitation link is made for each person the answers describe',
    ),
});

const FteSchema = z
  .number()
  .min(0, 'FTE is a fraction of a full week between 0 and 1')
  .max(1, 'FTE is a fraction of a full week between 0 and 1');

export const MemberSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  fte: z.number(),
  skills: z.array(z.string()),
  version: z.number().int(),
  joinedAt: IsoDateTimeSchema,
});
export type Member = z.infer<typeof MemberSchema>;

export const UpdateMemberSchema = z.strictObject({
  version: int4().min(1),
  role: RoleSchema.optional(),
  fte: FteSchema.optional(),
  skills: z.array(SkillSchema).max(LIMITS.skillsPerPerson).optional(),
});

export const CreateInvitationSchema = z.strictObject({
  role: RoleSchema,
  fte: FteSchema.default(1),
  skills: z.array(SkillSchema).max(LIMITS.skillsPerPerson).default([]),
  email: z.email().max(200).optional(),
});

export const InvitationSchema = z.object({
  id: IdSchema,
  token: z.string().describe('the secret in the invitation link; shown once'),
  path: z.string().describe('path of the invitation link, relative to the Headway URL'),
  role: RoleSchema,
  fte: z.number(),
  skills: z.array(z.string()),
  expiresAt: IsoDateTimeSchema,
});

export const AcceptInvitationSchema = z.strictObject({ token: text().min(10).max(200) });

const MatrixRowSchema = z.record(text(), text());
export const DecisionRightsSchema = z.object({
  version: z.number().int(),
  matrix: z.record(DecisionSchema, z.record(RoleSchema, LetterSchema)),
  decisions: z.array(
    z.object({
      id: DecisionSchema,
      label: z.string(),
      function: z.string(),
      description: z.string(),
      interimUntil: z
        .string()
        .nullable()
        .describe('when a founder holds it for now, until whom: "until a product manager … joins"'),
    }),
  ),
  holders: z.record(
    DecisionSchema,
    z.array(
      z.object({
        userId: IdSchema,
        name: z.string(),
        role: RoleSchema,
        interim: z
          .boolean()
          .describe('a founder holding the decision only because nobody on the team holds it yet'),
      }),
    ),
  ),
  mine: z.array(DecisionSchema).describe('decisions the caller may make in this team'),
});
export type DecisionRights = z.infer<typeof DecisionRightsSchema>;

export const UpdateDecisionRightsSchema = z.strictObject({
  version: int4().min(1),
  matrix: z.record(text(), MatrixRowSchema),
  rationale: text().trim().max(2000).optional(),
});
