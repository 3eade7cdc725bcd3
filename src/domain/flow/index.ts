/**
 * Flow metrics from state histories: cycle time, throughput, cumulative flow, aging work in
 * progress, work in progress per state and per person, blocked time and flow efficiency.
 */

export type { CumulativeFlowDay } from './cumulative-flow';
export {
  CYCLE_TIME_LEVELS,
  type CycleTimeLevel,
  type CycleTimePercentiles,
  computeCycleTimePercentiles,
  findAgePercentile,
} from './cycle-time';
export {
  type AgingItem,
  computeFlowMetrics,
  type FinishedItem,
  type FlaggedTime,
  type FlowMetrics,
  type FlowPeriod,
  NO_BLOCKED_STATE,
  NO_WAITING_STATE,
  type Unavailable,
} from './flow-metrics';
export { type DailyThroughput, findWeekStart, type WeeklyThroughput } from './throughput';
export {
  FLOW_CATEGORIES,
  type FlowCategory,
  type FlowItem,
  type FlowState,
  type FlowTransition,
  type FlowWorkflow,
} from './workflow';
export {
  findFirstStateOf,
  findWipStatus,
  moveState,
  resolveWorkflowState,
  type WipStatus,
  type WorkflowStateRef,
} from './workflow-states';
