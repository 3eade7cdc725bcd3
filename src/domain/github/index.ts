export {
  findPullRequestRefs,
  type IssueState,
  type PullRequestRefs,
  type SyncedState,
  stateOfIssue,
  stateOfPullRequest,
} from './links';
