/**
 * The ideas portal's limits as plain values, without zod, so the public page can read them
 * without loading the schemas (see portal.ts).
 */

/** The longest title and text a portal visitor may send. */
export const PORTAL_TITLE_MAX = 200;
export const PORTAL_TEXT_MAX = 5_000;
/** How long a verification link stays valid. */
export const PORTAL_VERIFY_HOURS = 48;
