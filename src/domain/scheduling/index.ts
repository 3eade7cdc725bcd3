/**
 * The scheduling engine: the classic RCPSP core (serial SGS, priority rules, justification,
 * genetic search) and the team roadmap scheduler built on it.
 */

export { buildSchedule, type IncrementalPlan, type PlanMemory, planIncrementally } from './build-schedule';
export { createWorkCalendar, type WorkCalendar } from './calendar';
export { type GeneticSearchOptions, type GeneticSearchResult, searchGenetically } from './genetic-search';
export { createJustifyWorkspace, justifySchedule } from './justification';
export {
  computeCriticalPathLength,
  computeEarliestStarts,
  computeLatestFinishes,
  findCycle,
  orderTopologically,
  type PrecedenceNetwork,
} from './precedence';
export { type PsplibInstance, type PsplibParseResult, parsePsplib } from './psplib-format';
export {
  checkRcpspSchedule,
  measureMakespan,
  type RcpspViolation,
  respectPrecedence,
  respectResourceCapacity,
} from './rcpsp-constraints';
export {
  type CompiledRcpsp,
  compileRcpsp,
  findRcpspDefects,
  type RcpspDefect,
  type RcpspInstance,
  type RcpspSchedule,
  reverseRcpsp,
} from './rcpsp-instance';
export { buildPriorityList, createSgsWorkspace, decodeSerial, sampleActivityList } from './serial-sgs';
export { type RcpspResult, type SolveRcpspOptions, scheduleByLatestFinish, solveRcpsp } from './solve-rcpsp';
export {
  type ConstraintContext,
  checkTeamPlan,
  keepStartedWorkWithAssignee,
  noOverbookedPerson,
  type PlanViolation,
  requireSkill,
  respectAssignee,
  respectCalendar,
  respectDependencies,
  respectFixedDates,
} from './team-constraints';
export { durationFor } from './team-placement';
export { type PreparedPlan, preparePlan, staysWithAssignee } from './team-preparation';
export type {
  Milestone,
  MilestoneForecast,
  Person,
  PersonCalendarInput,
  PersonLoad,
  PlanProblem,
  ScheduledItem,
  StartReason,
  TeamPlanInput,
  TeamPlanResult,
  WorkItem,
} from './team-types';
