/**
 * Which link targets a rendered document may carry. Report text can come from a file someone
 * else wrote (an import), so a link is only a link when its scheme is one that cannot run code.
 */

/** Schemes a rendered link may use: web pages and e-mail, never script or inline data. */
export const LINK_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:'];

/**
 * The URL to put in a link, or null when the text must stay plain text: only absolute URLs whose
 * scheme is allow-listed pass (no `javascript:`, `data:`, `vbscript:`, relative or broken URLs).
 * @returns the normalised URL, or null
 */
export function safeLinkUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  const text = url.trim();
  // Control characters and whitespace inside a URL are how scheme checks are usually dodged.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control range is the point
  if (text === '' || /[\u0000-\u001f\u007f\s]/.test(text)) return null;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return null;
  }
  return LINK_SCHEMES.includes(parsed.protocol) ? parsed.href : null;
}
