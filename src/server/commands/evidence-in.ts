/**
 * Customer evidence sent by other tools: notes as JSON (a support desk's or chat tool's webhook,
 * bridged) and forwarded e-mails. Each note is checked as an evidence CSV row is, named by its
 * position, and written all or nothing by the evidence import's own write.
 */
import { simpleParser } from 'mailparser';
import {
  EVIDENCE_TEXT_MAX,
  type EvidenceCsvRow,
  EvidenceCsvRowSchema,
  type EvidenceImportReport,
  type EvidenceRecord,
  type ReceiveEmailEvidence,
  type ReceiveEvidence,
  recordCells,
} from '../../contract';
import { readEmailNote } from '../../domain/discovery';
import { requireContributor } from '../policies/access';
import type { CommandContext } from './context';
import { type CheckedRows, checkRecords, findRepeatedIds, writeCheckedEvidence } from './evidence-import';

/** Checks notes against the evidence row's rules, each named by its position (1 = the first). */
function checkNotes(notes: readonly EvidenceRecord[]): {
  evidence: CheckedRows<EvidenceCsvRow>;
  companies: CheckedRows<never>;
  problems: CheckedRows<EvidenceCsvRow>['problems'];
} {
  const evidence = checkRecords(
    'evidence',
    notes.map((note, index) => ({ row: index + 1, record: recordCells(note) })),
    EvidenceCsvRowSchema,
  );
  return {
    evidence,
    companies: { rows: [], ids: [], problems: [] },
    problems: [...evidence.problems, ...findRepeatedIds('evidence', evidence.ids)],
  };
}

/**
 * Receives notes as JSON: all of them or none, matched on external id so a note sent again is
 * updated, not added twice; a problem's `row` is the note's position in `evidence`, from 1.
 * @param ctx the database and the member (or API token) sending them; a contributor
 * @param input the notes, and whether this is a dry run
 * @returns what was (or would be) written, and every problem
 */
export async function receiveEvidence(
  ctx: CommandContext,
  input: ReceiveEvidence,
): Promise<EvidenceImportReport> {
  requireContributor(ctx.actor);
  return writeCheckedEvidence(ctx, checkNotes(input.evidence), input.dryRun ?? false);
}

/**
 * Receives one forwarded e-mail as a note: the requester is the customer who wrote it (the
 * forwarded sender, see forwarded-email.ts), the text its subject and plain-text body, the idea
 * the one named in its subject ("#12") unless the caller names one, and its Message-ID the
 * external id, so the same e-mail delivered twice is one note.
 * @param ctx the database and the member (or API token) sending it; a contributor
 * @param input the raw e-mail (headers and body), optionally the idea and the importance
 * @returns what was (or would be) written, and every problem
 */
export async function receiveEmailEvidence(
  ctx: CommandContext,
  input: ReceiveEmailEvidence,
): Promise<EvidenceImportReport> {
  requireContributor(ctx.actor);
  const mail = await simpleParser(input.message, { skipImageLinks: true, skipTextLinks: true });
  if (mail.headers.size === 0) {
    const problem = {
      file: 'evidence' as const,
      row: 1,
      column: 'message',
      message:
        'this is not an e-mail: it has no headers (From:, Subject:, Date:); send the raw message as your mail relay received it',
      severity: 'error' as const,
    };
    const none = { rows: [], ids: [], problems: [] };
    return writeCheckedEvidence(ctx, { evidence: none, companies: none, problems: [problem] }, true);
  }
  const note = readEmailNote(
    {
      messageId: mail.messageId ?? null,
      date: mail.date ?? null,
      from: mail.from?.value[0]?.address ?? null,
      subject: mail.subject ?? '',
      text: mail.text ?? '',
    },
    { ideaRef: input.idea_ref ?? null, maxText: EVIDENCE_TEXT_MAX },
  );
  return writeCheckedEvidence(
    ctx,
    checkNotes([{ ...note, importance: input.importance ?? null }]),
    input.dryRun ?? false,
  );
}
