/**
 * Which e-mail domains say who a requester works for. A note that names a new company teaches
 * Headway that company's domain from the requester's address, so the next note or portal vote
 * from the same domain counts for the same account instead of as a person of its own. Addresses
 * at a mail provider anyone can sign up to say nothing about an employer, and are never learnt.
 */

/** Widely used mailbox providers: their domains belong to no customer. */
const MAILBOX_PROVIDERS = new Set([
  'aol.com',
  'fastmail.com',
  'gmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'googlemail.com',
  'hey.com',
  'hotmail.com',
  'icloud.com',
  'live.com',
  'mac.com',
  'mail.com',
  'mail.ru',
  'me.com',
  'msn.com',
  'outlook.com',
  'pm.me',
  'proton.me',
  'protonmail.com',
  'qq.com',
  'web.de',
  'yahoo.com',
  'yandex.ru',
  'ymail.com',
  'zoho.com',
  '163.com',
]);

/**
 * The domain of an address that can stand for its company.
 * @param email a requester's e-mail
 * @returns its domain in lower case, or null for a mailbox provider's (gmail.com, outlook.com …,
 *   also yahoo.co.uk-style country forms) or an address without one
 */
export function companyDomainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1) return null;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) return null;
  if (MAILBOX_PROVIDERS.has(domain)) return null;
  // yahoo.co.uk, hotmail.fr, outlook.de: a provider's name under a country's domain.
  const [name] = domain.split('.');
  if (name && ['yahoo', 'hotmail', 'outlook', 'live', 'gmx', 'yandex'].includes(name)) return null;
  return domain;
}
