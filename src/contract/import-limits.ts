/** Largest file `headway import` reads from Jira, Linear, GitHub or CSV (50,000 Jira rows fit). */
export const FOREIGN_IMPORT_MAX_BYTES = 100 * 1024 * 1024;
