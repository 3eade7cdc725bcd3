export {
  findPullRequestRefs,
  INCIDENT_LABEL,
  type IssueState,
  incidentOfIssue,
  type PullRequestRefs,
  type SyncedState,
  stateOfIssue,
  stateOfPullRequest,
} from './links';
