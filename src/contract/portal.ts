/**
 * The public ideas portal a workspace may publish: its settings, what a visitor reads (ideas with
 * their decision and why), what a visitor sends (an idea, evidence, a vote, a follow; each held
 * until their e-mail is verified, then until a member approves it), and the moderation queue.
 */
import { z } from 'zod';
import { EmailSchema } from './auth';
import { text } from './common';
import { IDEA_OUTCOMES } from './discovery';

import { PORTAL_TEXT_MAX, PORTAL_TITLE_MAX } from './portal-limits';

export { PORTAL_TEXT_MAX, PORTAL_TITLE_MAX, PORTAL_VERIFY_HOURS } from './portal-limits';

/** A portal's address: lower-case letters, digits and dashes, 3 to 48 characters. */
export const PORTAL_SLUG = /^[a-z0-9][a-z0-9-]{1,46}[a-z0-9]$/;

const SlugSchema = text()
  .trim()
  .toLowerCase()
  .regex(
    PORTAL_SLUG,
    'give the portal address as 3 to 48 lower-case letters, digits or dashes, such as "acme-ideas"',
  );

/** `PUT …/portal`: publish or unpublish the portal, at an address of its own. */
export const UpdatePortalSchema = z.strictObject({
  published: z.boolean({ error: 'give published as true or false' }),
  slug: SlugSchema,
  /** The portal's version you saw: 0 when it was never set. */
  version: z.number().int().min(0, 'give the version you saw (0 when the portal was never set)'),
});
export type UpdatePortal = z.infer<typeof UpdatePortalSchema>;

/** The workspace's portal, as members see it. */
export const PortalSettingsSchema = z.object({
  published: z.boolean(),
  slug: z.string().nullable(),
  /** 0 until it is first set. */
  version: z.number().int(),
  /** Submissions waiting for a member's approval. */
  pending: z.number().int(),
});
export type PortalSettings = z.infer<typeof PortalSettingsSchema>;

/** What a visitor may send. */
export const PORTAL_KINDS = ['idea', 'evidence', 'vote', 'follow'] as const;
export type PortalKind = (typeof PORTAL_KINDS)[number];

const portalText = (what: string, max: number) =>
  text()
    .trim()
    .min(1, `write the ${what}`)
    .max(max, `keep the ${what} to ${max.toLocaleString('en-US')} characters`);
const importance = z
  .number({ error: 'give the importance as 0 (nice to have), 1, 2 or 3 (critical)' })
  .int('give the importance as 0 (nice to have), 1, 2 or 3 (critical)')
  .min(0, 'give the importance as 0 (nice to have), 1, 2 or 3 (critical)')
  .max(3, 'give the importance as 0 (nice to have), 1, 2 or 3 (critical)');
const ideaNumber = z
  .number({ error: 'give the number of the idea, as the portal lists it' })
  .int('give the number of the idea, as the portal lists it')
  .positive('give the number of the idea, as the portal lists it')
  .max(2_147_483_647, 'give the number of the idea, as the portal lists it');
const email = EmailSchema.describe('where the verification link goes; never shown publicly');

/** `POST /api/public/portal/{slug}/submissions`: one idea, note, vote or follow. */
export const PortalSubmissionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('idea'),
      email,
      title: portalText('title', PORTAL_TITLE_MAX),
      text: portalText('description', PORTAL_TEXT_MAX),
      importance,
    }),
    z.strictObject({
      kind: z.literal('evidence'),
      email,
      ideaNumber,
      text: portalText('text', PORTAL_TEXT_MAX),
      importance,
    }),
    z.strictObject({ kind: z.literal('vote'), email, ideaNumber, importance }),
    z.strictObject({ kind: z.literal('follow'), email, ideaNumber }),
  ],
  { error: `give kind as one of ${PORTAL_KINDS.join(', ')}` },
);
export type PortalSubmission = z.infer<typeof PortalSubmissionSchema>;

/** What a submission answers: it waits for the link sent to the e-mail. */
export const PortalReceiptSchema = z.object({
  status: z.literal('unverified'),
  message: z.string(),
});
export type PortalReceipt = z.infer<typeof PortalReceiptSchema>;

/** `POST /api/public/portal/{slug}/verify`: the secret of the link sent by e-mail. */
export const VerifyPortalSchema = z.strictObject({
  token: text().regex(/^hwp_[A-Za-z0-9_-]{43}$/, 'give the token from the link in the e-mail, unchanged'),
});

/** `POST /api/public/portal/{slug}/stop`: the secret of the stop link at the foot of a notice. */
export const StopPortalNoticesSchema = z.strictObject({
  token: text().regex(/^hws_[A-Za-z0-9_-]{43}$/, 'give the token from the link in the e-mail, unchanged'),
});
export type StopPortalNotices = z.infer<typeof StopPortalNoticesSchema>;

/** What the stop link did. */
export const PortalStoppedSchema = z.object({ message: z.string() });
export type PortalStopped = z.infer<typeof PortalStoppedSchema>;

export const PORTAL_STATUSES = ['unverified', 'pending', 'approved', 'rejected'] as const;
export type PortalStatus = (typeof PORTAL_STATUSES)[number];

/** What a verified link did: a follow is active at once, anything else waits for moderation. */
export const PortalVerifiedSchema = z.object({
  kind: z.enum(PORTAL_KINDS),
  status: z.enum(PORTAL_STATUSES),
  message: z.string(),
});
export type PortalVerified = z.infer<typeof PortalVerifiedSchema>;

/** An idea as the public reads it: no accounts, revenue or requesters. */
export const PublicIdeaSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  /** Pieces of evidence and votes behind it. */
  requests: z.number().int(),
  decision: z
    .object({
      outcome: z.enum(IDEA_OUTCOMES),
      reason: z.string(),
      reviewOn: z.string().nullable(),
      decidedAt: z.string(),
    })
    .nullable(),
  /** For an accepted idea with a promised date: the forecast's chance of meeting it. */
  promise: z
    .object({
      targetDate: z.string(),
      probability: z.number().nullable(),
      status: z.enum(['forecast', 'done', 'not-planned']),
    })
    .nullable(),
});
export type PublicIdea = z.infer<typeof PublicIdeaSchema>;

export const PublicPortalSchema = z.object({
  workspaceName: z.string(),
  ideas: z.array(PublicIdeaSchema),
});
export type PublicPortal = z.infer<typeof PublicPortalSchema>;

/** A verified submission waiting for a member, or one they moderated. */
export const PortalSubmissionViewSchema = z.object({
  id: z.string(),
  kind: z.enum(PORTAL_KINDS),
  status: z.enum(PORTAL_STATUSES),
  email: z.string(),
  title: z.string().nullable(),
  text: z.string().nullable(),
  importance: z.number().int().nullable(),
  /** The idea it is about (null for a new idea until approved). */
  idea: z.object({ itemId: z.string(), number: z.number().int(), title: z.string() }).nullable(),
  /** The evidence an approval created. */
  evidenceId: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type PortalSubmissionView = z.infer<typeof PortalSubmissionViewSchema>;

export const PortalQueueSchema = z.object({ submissions: z.array(PortalSubmissionViewSchema) });
export type PortalQueue = z.infer<typeof PortalQueueSchema>;

/** `POST …/portal/submissions/{id}/approve|reject`: the version of the submission you read. */
export const ModeratePortalSchema = z.strictObject({
  version: z.number().int().positive('give the version of the submission you read'),
});
export type ModeratePortal = z.infer<typeof ModeratePortalSchema>;
