/**
 * Discovery: customer evidence counted per account, and an idea's reach estimated from it with
 * the uncertainty of the sample it rests on; what the people who asked for an idea on the
 * portal are due to be told.
 */
export {
  type AccountSignal,
  accountKeyOf,
  type Company,
  countAccounts,
  type EvidenceNote,
  type IdeaDemand,
  IMPORTANCES,
  type Importance,
  mergeEvidence,
  summarizeDemand,
  toImportance,
} from './accounts';
export { companyDomainOf } from './company-domains';
export { type EmailNote, findForwardedSender, type MailFields, readEmailNote } from './forwarded-email';
export {
  type DueNotice,
  findDueNotices,
  type NoticeIdea,
  type NoticeSubscriber,
  PORTAL_NOTICE_KINDS,
  type PortalNoticeKind,
  type ToldNotice,
} from './portal-notices';
export {
  estimateReach,
  REACH_WEIGHTINGS,
  type ReachEstimate,
  type ReachInput,
  type ReachWeighting,
} from './reach';
export {
  compareTrackRecord,
  describeTrackRecord,
  medianRatioOf,
  PREDICTED_MEASURES,
  type PredictedMeasure,
  type PredictionOutcome,
  type TrackRecordGroup,
  type TrackRecordOptions,
  tallySources,
} from './track-record';
