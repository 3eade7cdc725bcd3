/**
 * A customer's e-mail forwarded to Headway becomes one evidence note. Whoever forwards it (a
 * salesperson, support) is not the customer: when the message is a forward, the requester is the
 * sender named in the forwarded header block ("From: Ana <ana@acme.com>"), as Gmail, Outlook and
 * Apple Mail write it; otherwise it is the message's own sender.
 */

/** The parts of a parsed e-mail the note is made from. */
export interface MailFields {
  /** The Message-ID header, which makes a second delivery of the same e-mail update its note. */
  messageId: string | null;
  date: Date | null;
  /** The sender's address. */
  from: string | null;
  subject: string;
  /** The plain-text body. */
  text: string;
}

/** The evidence note an e-mail gives, with the evidence CSV's field names. */
export interface EmailNote {
  external_id: string | null;
  created_at: string | null;
  source_type: 'email';
  requester_email: string | null;
  text: string;
  idea_ref: string | null;
}

const FORWARD_SUBJECT = /^\s*(?:(?:fwd?|fw|tr|wg|rv)\s*:\s*)+/i;
const FORWARD_MARKERS = [
  /^-{2,}\s*Forwarded message\s*-{2,}\s*$/im,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/im,
  /^Begin forwarded message:\s*$/im,
];
const ADDRESS = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;
const IDEA_IN_SUBJECT = /(?:^|[\s([])#(\d{1,9})\b/;

/**
 * The original sender of a forwarded message: the first "From:" line after a forward marker
 * (or, for a message whose subject says it is a forward, the first "From:" line of the body).
 * @param mail the e-mail
 * @returns the original sender's address, lower case, or null when the body names none
 */
export function findForwardedSender(mail: Pick<MailFields, 'subject' | 'text'>): string | null {
  let start = -1;
  for (const marker of FORWARD_MARKERS) {
    const found = marker.exec(mail.text);
    if (found && (start === -1 || found.index < start)) start = found.index;
  }
  if (start === -1 && !FORWARD_SUBJECT.test(mail.subject)) return null;
  const rest = mail.text.slice(Math.max(0, start));
  const line = /^\s*>?\s*\*?From:\*?\s*(.+)$/im.exec(rest);
  const address = line ? ADDRESS.exec(line[1]!) : null;
  return address ? address[0].toLowerCase() : null;
}

/**
 * The note an e-mail gives: its subject (without "Fwd:") and body as the text, cut to `maxText`
 * characters; the requester as findForwardedSender finds them, else the sender; the idea named
 * in the subject ("#12") unless one is given; the Message-ID as its external id.
 * @param mail the parsed e-mail
 * @param options.ideaRef the idea it is about, when the caller names it
 * @param options.maxText the most characters a note keeps
 * @returns the note
 */
export function readEmailNote(
  mail: MailFields,
  options: { ideaRef: string | null; maxText: number },
): EmailNote {
  const subject = mail.subject.replace(FORWARD_SUBJECT, '').trim();
  const body = mail.text.replace(/\r\n/g, '\n').trim();
  const whole = subject && body ? `${subject}\n\n${body}` : subject || body;
  const text = whole.length > options.maxText ? `${whole.slice(0, options.maxText - 1)}…` : whole;
  const named = IDEA_IN_SUBJECT.exec(subject);
  const messageId = mail.messageId?.replace(/^<|>$/g, '').trim() ?? '';
  return {
    external_id: messageId ? `email:${messageId}`.slice(0, 200) : null,
    created_at: mail.date && Number.isFinite(mail.date.getTime()) ? mail.date.toISOString() : null,
    source_type: 'email',
    requester_email: findForwardedSender(mail) ?? mail.from?.toLowerCase() ?? null,
    text,
    idea_ref: options.ideaRef ?? (named ? `#${named[1]}` : null),
  };
}
