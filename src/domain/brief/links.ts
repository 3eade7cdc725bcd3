/**
 * Where a brief's line points once it leaves the app (a Markdown file, an e-mail): the server's
 * origin before the line's app path. Only an http(s) origin and a path inside the app are joined;
 * anything else gives no link, so a line is never a link to somewhere unexpected.
 */

/**
 * The address of a line's app path, absolute when an origin is given.
 * @param href the line's app path ("/w/acme/backlog?item=…")
 * @param origin the server's public origin ("https://headway.example.com"), or null for a path
 * @returns the address, or null when the path or the origin is not one to link to
 */
export function resolveBriefLink(href: string, origin: string | null): string | null {
  // A path inside the app: one leading slash (not "//host"), no whitespace, quotes or angle brackets.
  if (!/^\/(?!\/)[^\s"'<>\\`]*$/.test(href)) return null;
  if (origin === null) return href;
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    return null;
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') return null;
  return `${base.origin}${href}`;
}
