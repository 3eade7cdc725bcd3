/**
 * Discovery: customer evidence counted per account, and an idea's reach estimated from it with
 * the uncertainty of the sample it rests on.
 */
export {
  type AccountSignal,
  accountKeyOf,
  type Company,
  countAccounts,
  type EvidenceNote,
  type IdeaDemand,
  type Importance,
  mergeEvidence,
  summarizeDemand,
} from './accounts';
export {
  estimateReach,
  REACH_WEIGHTINGS,
  type ReachEstimate,
  type ReachInput,
  type ReachWeighting,
} from './reach';
