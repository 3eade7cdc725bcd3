/**
 * The free assessment anyone can take through a published link, without an account: the
 * questionnaire with its publisher's name, the report, and a lead kept in the publishing
 * workspace only when the visitor agrees and gives an e-mail. Nothing else of a visit is stored.
 * Submissions count against limits per client address and per link, kept in the database with
 * the sign-in limits, so every server on one PostgreSQL enforces the same limits.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { PublicAssessment, PublicAssessmentResult, PublicSubmission } from '../../contract';
import type { Database } from '../../db/client';
import { assessmentLeads, assessmentLinks, workspaces } from '../../db/schema';
import { type AssessmentReport, impliedDecisionRights } from '../../domain/assessment';
import { renderReportHtml } from '../../render/assessment-report-html';
import { hashSecret } from '../auth/secrets';
import { type ThrottleKey, takeAttempts } from '../auth/throttle';
import { LIMIT_POLICIES } from '../auth/throttle-policy';
import { AppError } from '../errors';
import { assessShortAnswers } from './assessment-answers';
import { LINK_SECRET } from './assessment-links';
import { describeQuestionnaire } from './assessment-prefill';

interface PublishedLink {
  linkId: string;
  workspaceId: string;
  publisher: string;
}

/** The 404 of an unknown or revoked link: the same answer either way. */
function unknownLink(): AppError {
  return new AppError(
    'not_found',
    'This assessment link is unknown or was withdrawn: ask whoever sent it for a current one',
  );
}

/**
 * The link a secret opens, with its workspace's name.
 * @throws AppError `not_found` for a malformed, unknown or revoked secret.
 */
async function resolveLink(db: Database, secret: string): Promise<PublishedLink> {
  if (!LINK_SECRET.test(secret)) throw unknownLink();
  const [row] = await db
    .select({
      linkId: assessmentLinks.id,
      workspaceId: assessmentLinks.workspaceId,
      publisher: workspaces.name,
    })
    .from(assessmentLinks)
    .innerJoin(workspaces, eq(workspaces.id, assessmentLinks.workspaceId))
    .where(and(eq(assessmentLinks.tokenHash, hashSecret(secret)), isNull(assessmentLinks.revokedAt)))
    .limit(1);
  if (!row) throw unknownLink();
  return row;
}

/** Counts one submission against the visitor's address (when known) and the link. */
async function countSubmission(db: Database, link: PublishedLink, addressKey: string | null) {
  const keys: ThrottleKey[] = [{ policy: LIMIT_POLICIES.publicAssessmentLink, key: link.linkId }];
  if (addressKey) keys.push({ policy: LIMIT_POLICIES.publicAssessmentAddress, key: addressKey });
  await takeAttempts(db, keys);
}

/**
 * What a visitor sees before answering: the short questionnaire and who published it.
 * @throws AppError `not_found` for an unknown or revoked link.
 */
export async function getPublicAssessment(db: Database, secret: string): Promise<PublicAssessment> {
  const link = await resolveLink(db, secret);
  return { publisher: link.publisher, questionnaire: describeQuestionnaire('short') };
}

/**
 * Assesses a visitor's answers and, only when they consented and gave an e-mail, keeps them as a
 * lead of the publishing workspace. The attempt is counted before anything else is done.
 * @param options.secret the secret from the link's address
 * @param options.addressKey the visitor's address as limits count it, or null when unknown
 * @returns the report, the decision rights its plan implies, and whether a lead was kept
 * @throws AppError `not_found` (link), `rate_limited` (429), `validation_failed` naming each bad answer
 */
export async function submitPublicAssessment(
  db: Database,
  options: { secret: string; addressKey: string | null; submission: PublicSubmission },
): Promise<PublicAssessmentResult> {
  const link = await resolveLink(db, options.secret);
  await countSubmission(db, link, options.addressKey);
  const { submission } = options;
  const { answers, report } = assessShortAnswers({
    answers: submission.answers,
    company: submission.company,
  });
  const keep = submission.consent === true && submission.email !== undefined;
  if (keep) {
    await db.insert(assessmentLeads).values({
      workspaceId: link.workspaceId,
      linkId: link.linkId,
      email: submission.email as string,
      name: submission.name || null,
      company: submission.company || null,
      answers: answers as Record<string, unknown>,
      report: report as unknown as Record<string, unknown>,
      overall: report.scores.overall === null ? null : Math.round(report.scores.overall),
      consentedAt: new Date(),
    });
  }
  return {
    publisher: link.publisher,
    report: report as PublicAssessmentResult['report'],
    impliedDecisionRights: impliedDecisionRights(report.plan),
    leadStored: keep,
  };
}

/**
 * The standalone, print-ready HTML report of a visitor's answers, for the PDF download; counted
 * like a submission, and nothing is stored.
 * @returns the report and its HTML
 * @throws AppError as `submitPublicAssessment`
 */
export async function renderPublicReport(
  db: Database,
  options: { secret: string; addressKey: string | null; answers: Record<string, unknown>; company?: string },
): Promise<{ report: AssessmentReport; html: string }> {
  const link = await resolveLink(db, options.secret);
  await countSubmission(db, link, options.addressKey);
  const { report } = assessShortAnswers({ answers: options.answers, company: options.company });
  return { report, html: renderReportHtml(report) };
}
