/**
 * The e-mails that tell the people who asked for an idea on a workspace's ideas portal what
 * happened to it: the decision and its why, or that the chance of its promised date fell below the
 * team's threshold. Plain text, from the workspace's name, with a link to the portal, why the
 * address gets it, and how to stop.
 */
import nodemailer from 'nodemailer';
import type { IdeaOutcome } from '../../contract';
import type { MailConfig } from './brief-digest';
import { smtpFailure } from './brief-digest';

/** The idea a notice is about, as the portal lists it. */
export interface NoticeSubject {
  workspaceName: string;
  slug: string;
  number: number;
  title: string;
}

/** What a notice says. */
export type PortalNoticeBody =
  | {
      kind: 'decision';
      outcome: IdeaOutcome;
      reason: string;
      reviewOn: string | null;
      targetDate: string | null;
    }
  | { kind: 'at-risk'; targetDate: string; probability: number; alertBelow: number };

/** A rendered notice. */
export interface RenderedNotice {
  subject: string;
  text: string;
  /** Also given as the List-Unsubscribe header, for mail programs that offer it. */
  stopUrl: string;
}

/** Text for a subject or a sender's name: on one line, whatever a member or visitor typed. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

const percent = (p: number) => `${Math.round(p * 100)} %`;

/**
 * The subject and plain text of one notice.
 * @param idea the idea and its portal
 * @param notice what happened: the decision, or the promised date at risk
 * @param options.follows true when the address only follows the idea (else it asked for it);
 *   options.portalUrl the portal's page; options.stopUrl the page that stops all its notices to this address
 */
export function renderPortalNotice(
  idea: NoticeSubject,
  notice: PortalNoticeBody,
  options: { follows: boolean; portalUrl: string; stopUrl: string },
): RenderedNotice {
  const team = oneLine(idea.workspaceName);
  const name = `#${idea.number} ${oneLine(idea.title)}`;
  const lines: string[] = [];
  let subject: string;
  if (notice.kind === 'decision') {
    const until = notice.outcome === 'parked' && notice.reviewOn ? ` until ${notice.reviewOn}` : '';
    subject = `${name} was ${notice.outcome}${until} (${team} ideas portal)`;
    lines.push(
      `The ${team} team ${notice.outcome} ${name}${until}.`,
      '',
      'Why, in their words:',
      '',
      notice.reason.trim(),
    );
    if (notice.outcome === 'accepted' && notice.targetDate)
      lines.push('', `It is promised for ${notice.targetDate}.`);
    if (until) lines.push('', `They will look at it again on ${notice.reviewOn}.`);
  } else {
    subject = `${name} may miss its date of ${notice.targetDate} (${team} ideas portal)`;
    lines.push(
      `The ${team} team promised ${name} for ${notice.targetDate}.`,
      `Their forecast now gives it a ${percent(notice.probability)} chance of being done by then, below the ${percent(notice.alertBelow)} they hold a promise to.`,
      '',
      'The date has not moved yet: you hear this before it slips, not after.',
    );
  }
  lines.push(
    '',
    `See it on the portal: ${options.portalUrl}`,
    '',
    '--',
    `You get this e-mail because you ${options.follows ? 'follow' : 'asked for'} #${idea.number} on the ${team} ideas portal with this address.`,
    `To get no more e-mails from the ${team} ideas portal, open: ${options.stopUrl}`,
  );
  return { subject: oneLine(subject), text: lines.join('\n'), stopUrl: options.stopUrl };
}

/** The address alone of a From setting such as "Headway <headway@example.com>". */
function senderAddress(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1]?.trim() ?? from.trim();
}

/**
 * Sends one notice, from the workspace's name at the operator's sender address.
 * @param config the mail settings
 * @param message who it goes to, the workspace's name and the rendered notice
 * @throws AppError('unavailable') when the SMTP server does not take it
 */
export async function sendPortalNotice(
  config: MailConfig,
  message: { to: string; workspaceName: string; notice: RenderedNotice },
): Promise<void> {
  const transport = nodemailer.createTransport(config.smtpUrl);
  try {
    await transport.sendMail({
      from: { name: oneLine(message.workspaceName), address: senderAddress(config.from) },
      to: message.to,
      subject: message.notice.subject,
      text: message.notice.text,
      list: { unsubscribe: message.notice.stopUrl },
    });
  } catch (error) {
    throw smtpFailure(error, config.smtpUrl);
  } finally {
    transport.close();
  }
}
