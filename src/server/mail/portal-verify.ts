/**
 * The e-mail that verifies a portal visitor's address: plain text, one link, and none of what
 * they sent (so the portal cannot be used to mail someone else arbitrary text).
 */
import nodemailer from 'nodemailer';
import { PORTAL_VERIFY_HOURS, type PortalKind } from '../../contract';
import { AppError } from '../errors';
import { MAIL_SETTINGS, type MailConfig, smtpFailure } from './brief-digest';

const WHAT: Record<PortalKind, string> = {
  idea: 'your idea',
  evidence: 'your note on an idea',
  vote: 'your vote',
  follow: 'following an idea',
};

/** The page a verification link opens on this server. */
export function portalVerifyPath(slug: string, token: string): string {
  return `/portal/${slug}/verify?token=${encodeURIComponent(token)}`;
}

/**
 * Refuses, before anything is counted or kept, when this server cannot send the link.
 * @throws AppError('unavailable') naming the settings the operator must give
 */
export function requirePortalMail(config: MailConfig | null | undefined): MailConfig {
  if (!config) {
    throw new AppError(
      'unavailable',
      `This portal cannot take submissions yet: the server does not send e-mail (the operator sets ${MAIL_SETTINGS}). Nothing was kept.`,
    );
  }
  return config;
}

/**
 * Sends the verification link for one submission.
 * @param config the mail settings
 * @param message who it goes to, the portal (its slug and workspace name), what was sent, and the secret
 * @throws AppError('unavailable') when the SMTP server does not take it
 */
export async function sendPortalVerification(
  config: MailConfig,
  message: { to: string; slug: string; workspaceName: string; kind: PortalKind; token: string },
): Promise<void> {
  const link = `${config.publicUrl}${portalVerifyPath(message.slug, message.token)}`;
  const transport = nodemailer.createTransport(config.smtpUrl);
  try {
    await transport.sendMail({
      from: config.from,
      to: message.to,
      subject: `Confirm ${WHAT[message.kind]} on the ${message.workspaceName} ideas portal`,
      text: [
        `Someone, hopefully you, used this address on the ${message.workspaceName} ideas portal.`,
        `To confirm ${WHAT[message.kind]}, open this link within ${PORTAL_VERIFY_HOURS} hours:`,
        '',
        link,
        '',
        'Once confirmed, the team reviews it before it appears on the portal.',
        'If it was not you, ignore this message: nothing is published without the link.',
      ].join('\n'),
    });
  } catch (error) {
    throw smtpFailure(error, config.smtpUrl);
  } finally {
    transport.close();
  }
}
