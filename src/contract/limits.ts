/** Limits shared by the server (enforced) and the clients (shown before sending). */
export const LIMITS = {
  /** Largest JSON body accepted by ordinary routes. */
  bodyBytes: 256 * 1024,
  /** Largest Headway JSON import. */
  importBytes: 20 * 1024 * 1024,
  /** Largest Headway JSON import on the embedded database (one connection, one import at a time). */
  importBytesEmbedded: 12 * 1024 * 1024,
  /** Imports larger than this run as a background job (202) instead of in the request. */
  importSyncBytes: 1024 * 1024,
  titleChars: 300,
  descriptionChars: 50_000,
  commentChars: 20_000,
  pageSizeDefault: 100,
  pageSizeMax: 2000,
  passwordMinChars: 10,
  /** An API token expires this many days after it is made, unless asked otherwise. */
  tokenDefaultDays: 90,
  tokenMaxDays: 365,
  /** Calendar feeds one member may keep open per workspace; revoke one to make another. */
  calendarFeedsPerMember: 20,
  /** Published assessment links a workspace may keep open; revoke one to make another. */
  assessmentLinksPerWorkspace: 50,
  /** Largest body a visitor may send to a published assessment: answers are options and numbers. */
  publicAssessmentBytes: 64 * 1024,
  /** The most items one backlog CSV export holds; the first in the product order are kept. */
  backlogExportRows: 50_000,
  skillsPerPerson: 30,
  labelsPerItem: 30,
} as const;
