/**
 * Customer notes one by one: read them, correct them, move them to another idea, split one that
 * speaks of two ideas, and merge an idea into its duplicate (its notes follow it).
 */
import { z } from 'zod';
import { IdSchema, int4, text } from './common';
import { EVIDENCE_SOURCES, EVIDENCE_TEXT_MAX } from './discovery';

/** One note as the API shows it. */
export const EvidenceNoteSchema = z.object({
  id: IdSchema,
  itemId: IdSchema.nullable(),
  externalId: z.string().nullable(),
  sourceType: z.enum(EVIDENCE_SOURCES),
  sourceUrl: z.string().nullable(),
  requesterEmail: z.string().nullable(),
  companyId: IdSchema.nullable(),
  company: z.string().nullable(),
  text: z.string(),
  importance: z.number().int(),
  givenAt: z.string(),
  version: z.number().int(),
});
export type EvidenceNoteView = z.infer<typeof EvidenceNoteSchema>;

export const EvidenceNoteListSchema = z.object({ data: z.array(EvidenceNoteSchema) });
export type EvidenceNoteList = z.infer<typeof EvidenceNoteListSchema>;

export const EvidenceNoteQuerySchema = z.object({
  itemId: IdSchema.optional().describe('only the notes on this idea'),
});

const noteText = text()
  .trim()
  .min(1, 'a note needs its text: the quote or the note')
  .max(EVIDENCE_TEXT_MAX, `keep the text to ${EVIDENCE_TEXT_MAX} characters`);
const importance = z
  .number()
  .int('give the importance as 0, 1, 2 or 3')
  .min(0, 'give the importance as 0 (not important) to 3 (critical)')
  .max(3, 'give the importance as 0 (not important) to 3 (critical)');

/** `PATCH …/evidence/{id}`: a correction or a move, at the version seen. */
export const UpdateEvidenceNoteSchema = z
  .strictObject({
    version: int4().min(1).describe('the note version you saw: a stale one is refused (409)'),
    text: noteText.optional(),
    importance: importance.optional(),
    itemId: IdSchema.nullable().optional().describe('move the note to this idea; null unlinks it'),
    sourceUrl: text()
      .trim()
      .max(2_000)
      .refine((value) => /^https?:\/\/\S+$/i.test(value), {
        message: 'give a link that starts with http:// or https:// (other schemes are not kept)',
      })
      .nullable()
      .optional(),
  })
  .refine((input) => Object.keys(input).some((key) => key !== 'version'), {
    message: 'say what to change: text, importance, itemId or sourceUrl',
  });
export type UpdateEvidenceNote = z.infer<typeof UpdateEvidenceNoteSchema>;

/** `POST …/evidence/{id}/split`: the note becomes its first part; each other part a new note. */
export const SplitEvidenceNoteSchema = z.strictObject({
  version: int4().min(1),
  parts: z
    .array(
      z.strictObject({
        text: noteText,
        itemId: IdSchema.nullable().describe('the idea this part is about; null: none yet'),
        importance: importance.optional(),
      }),
    )
    .min(2, 'split a note into at least two parts')
    .max(20, 'split a note into at most 20 parts'),
});
export type SplitEvidenceNote = z.infer<typeof SplitEvidenceNoteSchema>;

/** `POST …/ideas/{itemId}/merge`: the idea is a duplicate of `into`. */
export const MergeIdeaSchema = z.strictObject({
  into: IdSchema.describe('the idea that stays'),
  version: int4().min(1).describe('the duplicate’s version you saw (409 when stale)'),
});
export type MergeIdea = z.infer<typeof MergeIdeaSchema>;

/** What a merge did. */
export const MergedIdeaSchema = z.object({
  into: IdSchema,
  movedNotes: z.number().int(),
  movedPortalSubmissions: z.number().int(),
});
export type MergedIdea = z.infer<typeof MergedIdeaSchema>;
