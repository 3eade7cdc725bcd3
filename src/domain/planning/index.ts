/**
 * The roadmap planning engine: who and what a roadmap plans, expected effort, the scheduler's
 * input with everything set aside and why, scheduling with retries, now/next/later and the
 * sentences that explain each start.
 */

export {
  type CapacityPerson,
  type CycleCapacity,
  type CycleSpan,
  computeCycleCapacity,
  findOverlappingCycle,
} from './cycles';
export { describeReason, describeUnderWay, type StartExplanation } from './describe-reason';
export {
  CLOSED_STATES,
  findInitiative,
  findOpenLeaves,
  isOpenLeaf,
  isPlannedMember,
  isUnderWay,
  LEAF_TYPES,
  type PlanPerson,
  type PlanSource,
  type PlanSourceItem,
} from './plan-source';
export {
  expectedEffort,
  type PlanIssue,
  type PreparedRoadmap,
  prepareRoadmapInput,
  withoutItems,
} from './prepare-roadmap';
export {
  findRoadmapBucket,
  NEXT_DAYS,
  NOW_DAYS,
  ROADMAP_RULES,
  type RoadmapBucket,
} from './roadmap-buckets';
export { findProblemItems, MAX_SCHEDULE_ATTEMPTS, scheduleRoadmap } from './schedule-roadmap';
export { type PlanSimulationInput, simulatePlanTrials } from './simulate-plan';
export { countWeekdays, measureCapacityGiven } from './work-under-way';
