/**
 * The weekly brief by e-mail: the HTML digest and, as its plain-text alternative, the Markdown of
 * the same brief, each line linking to the operator's public address. Sending is this one
 * function, so it can move behind a job queue without its callers changing.
 */
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { BriefQuery } from '../../contract';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { renderBriefMarkdown } from '../../domain/brief';
import { renderBriefHtml } from '../../render/brief-html';
import { getBrief } from '../commands/brief';
import { AppError } from '../errors';
import type { Actor } from '../policies/access';

/** Where digests go out from: the SMTP server, the sender, and the address links start with. */
export interface MailConfig {
  /** smtp://user:pass@host:port or smtps://… */
  smtpUrl: string;
  /** The From address, e.g. "Headway <headway@example.com>". */
  from: string;
  /** The server's public origin, e.g. https://headway.example.com. */
  publicUrl: string;
}

/** What the operator sets to send e-mail, named in every refusal. */
export const MAIL_SETTINGS = 'HEADWAY_SMTP_URL, HEADWAY_MAIL_FROM and HEADWAY_PUBLIC_URL';

function notConfigured(why: string): AppError {
  return new AppError('bad_request', `E-mail is not configured: ${why}. Set ${MAIL_SETTINGS}.`);
}

/**
 * The mail settings from the environment, checked.
 * @param env the environment (HEADWAY_SMTP_URL, HEADWAY_MAIL_FROM, HEADWAY_PUBLIC_URL)
 * @returns the settings, or null when HEADWAY_SMTP_URL is not set (e-mail is off)
 * @throws AppError('bad_request') naming the setting that is set but wrong or missing
 */
export function readMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  const smtpUrl = env.HEADWAY_SMTP_URL?.trim();
  if (!smtpUrl) return null;
  let smtp: URL;
  try {
    smtp = new URL(smtpUrl);
  } catch {
    throw notConfigured('HEADWAY_SMTP_URL is not a URL (give smtp://host:port or smtps://host:port)');
  }
  if (smtp.protocol !== 'smtp:' && smtp.protocol !== 'smtps:')
    throw notConfigured('HEADWAY_SMTP_URL must start with smtp:// or smtps://');
  const from = env.HEADWAY_MAIL_FROM?.trim();
  if (!from || !/@/.test(from) || /[\r\n]/.test(from))
    throw notConfigured(
      'HEADWAY_MAIL_FROM must be the sender’s address, e.g. "Headway <headway@example.com>"',
    );
  const publicUrl = env.HEADWAY_PUBLIC_URL?.trim();
  let origin: URL | null = null;
  try {
    origin = publicUrl ? new URL(publicUrl) : null;
  } catch {
    origin = null;
  }
  if (!origin || (origin.protocol !== 'http:' && origin.protocol !== 'https:'))
    throw notConfigured(
      'HEADWAY_PUBLIC_URL must be the address people open Headway at, so links in e-mail work',
    );
  return { smtpUrl, from, publicUrl: origin.origin };
}

/** What was sent. */
export interface SentDigest {
  to: string;
  subject: string;
  messageId: string;
}

/**
 * Sends one member's weekly brief to their own address.
 * @param db the database
 * @param options the mail settings (null: e-mail is off, refused with what to set), the member,
 *   the brief's query (since) and the current moment
 * @returns who it went to, its subject and the SMTP server's message id
 * @throws AppError('bad_request') when e-mail is not configured; AppError('unavailable') when the
 *   SMTP server cannot be reached or refuses the message, with its reason
 */
export async function sendBriefDigest(
  db: Database,
  options: { config: MailConfig | null; actor: Actor; query?: BriefQuery; now?: Date },
): Promise<SentDigest> {
  const { config, actor } = options;
  if (!config) throw notConfigured('HEADWAY_SMTP_URL is not set');
  const [person] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
  if (!person) throw new AppError('not_found', 'That person no longer exists');
  const brief = await getBrief({ db, actor }, options.query ?? {}, options.now);
  const origin = config.publicUrl;
  const subject = `Headway brief for ${actor.workspaceName}, ${brief.since} to ${brief.today}`;
  const transport = nodemailer.createTransport(config.smtpUrl);
  try {
    const info = await transport.sendMail({
      from: config.from,
      to: person.email,
      subject,
      text: renderBriefMarkdown(brief, { origin }),
      html: renderBriefHtml(brief, { origin }),
    });
    return { to: person.email, subject, messageId: info.messageId };
  } catch (error) {
    throw smtpFailure(error, config.smtpUrl);
  } finally {
    transport.close();
  }
}

/**
 * Why the SMTP server did not take a message, as an error the caller can act on: the server's
 * host and port (never the URL's user or password) and its own reason.
 */
export function smtpFailure(error: unknown, smtpUrl: string): AppError {
  const { host, password } = new URL(smtpUrl);
  const said = error instanceof Error ? error.message : String(error);
  const secret = password ? decodeURIComponent(password) : '';
  const reason = secret ? said.split(secret).join('***') : said;
  const code = (error as { code?: unknown } | null)?.code;
  const what =
    code === 'EAUTH'
      ? 'refused the user and password in HEADWAY_SMTP_URL'
      : code === 'EENVELOPE'
        ? 'refused the recipient'
        : 'could not be reached or did not take the message';
  return new AppError(
    'unavailable',
    `The e-mail server ${host} ${what} (${typeof code === 'string' ? `${code}: ` : ''}${reason}). Nothing was sent; try again later, or ask the operator to check HEADWAY_SMTP_URL.`,
  );
}
