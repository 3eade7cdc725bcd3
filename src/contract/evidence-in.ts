/**
 * Customer evidence sent by other tools, one note at a time or a few at once: a JSON webhook with
 * the evidence CSV's fields (support desks and chat tools bridge to it), and a forwarded e-mail.
 * Each note goes through the same row checks and the same all-or-nothing write as the CSV import.
 */
import { z } from 'zod';
import { int4, text } from './common';
import type { EVIDENCE_COLUMNS } from './discovery';

/** The most notes one webhook call may carry. */
export const EVIDENCE_RECORDS_MAX = 500;
/** The largest forwarded e-mail read, in characters of its raw text (headers and body). */
export const EVIDENCE_EMAIL_MAX = 200_000;

const field = text().max(20_000).nullable().optional();

/** One note, with the evidence CSV's column names; absent and null fields are empty cells. */
export const EvidenceRecordSchema = z.strictObject({
  external_id: field.describe(
    'your id for the note: sending it again updates the note instead of adding one',
  ),
  created_at: field.describe('YYYY-MM-DD or an ISO 8601 time; empty: now'),
  source_type: field.describe('support, sales, interview, portal, email or other (empty: other)'),
  source_url: field.describe('a link back to the note (http or https)'),
  requester_email: field.describe("the customer's e-mail; their company is found from its domain"),
  company: field.describe('the company by name (or the external id of one)'),
  text: text().max(20_000).describe('the quote or the note'),
  idea_ref: field.describe('an item ("#12") or the title of a new idea'),
  importance: z
    .union([
      z
        .number()
        .int('give the importance as 0, 1, 2 or 3')
        .min(0, 'give the importance as 0 to 3')
        .max(3, 'give the importance as 0 to 3'),
      text().max(10),
    ])
    .nullable()
    .optional()
    .describe('0 (not important) to 3 (critical); empty: 1'),
});
export type EvidenceRecord = z.infer<typeof EvidenceRecordSchema>;

/** `POST …/evidence`: notes in JSON. */
export const ReceiveEvidenceSchema = z.strictObject({
  evidence: z
    .array(EvidenceRecordSchema)
    .min(1, 'send at least one note in "evidence"')
    .max(EVIDENCE_RECORDS_MAX, `send at most ${EVIDENCE_RECORDS_MAX} notes at once`),
  dryRun: z.boolean().optional().describe('check and count without writing'),
});
export type ReceiveEvidence = z.infer<typeof ReceiveEvidenceSchema>;

/** `POST …/evidence/email`: one forwarded e-mail, raw, as a mail relay hands it over. */
export const ReceiveEmailEvidenceSchema = z.strictObject({
  message: text()
    .min(1, 'send the raw e-mail (headers and body) in "message"')
    .max(
      EVIDENCE_EMAIL_MAX,
      `send at most ${EVIDENCE_EMAIL_MAX.toLocaleString('en-US')} characters of e-mail`,
    ),
  idea_ref: field.describe('the idea the e-mail is about, when its subject does not name one ("#12")'),
  importance: EvidenceRecordSchema.shape.importance,
  dryRun: z.boolean().optional().describe('check and count without writing'),
});
export type ReceiveEmailEvidence = z.infer<typeof ReceiveEmailEvidenceSchema>;

/** The cells of an evidence CSV row for one note, in the CSV's column names. */
export function recordCells(record: EvidenceRecord): Record<(typeof EVIDENCE_COLUMNS)[number], string> {
  const cell = (value: string | number | null | undefined) =>
    value === null || value === undefined ? '' : String(value);
  return {
    external_id: cell(record.external_id),
    created_at: cell(record.created_at),
    source_type: cell(record.source_type),
    source_url: cell(record.source_url),
    requester_email: cell(record.requester_email),
    company: cell(record.company),
    text: record.text,
    idea_ref: cell(record.idea_ref),
    importance: cell(record.importance),
  };
}

/** `POST …/ideas/{itemId}/reach-score`: use the idea's reach from evidence as its RICE reach. */
export const ApplyEvidenceReachSchema = z.strictObject({
  version: int4().min(1).describe('the item version you saw: a stale one is refused (409)'),
  population: z
    .number()
    .int('give the accounts in the segment as a whole number')
    .min(1, 'give how many accounts the segment has: at least 1')
    .max(1_000_000_000, 'give at most 1,000,000,000 accounts')
    .describe('accounts in the segment: the reach is the share that asked times this'),
});
export type ApplyEvidenceReach = z.infer<typeof ApplyEvidenceReachSchema>;
