/**
 * The scheduling engine: the classic RCPSP core (serial SGS, priority rules, justification,
 * genetic search) and the team roadmap scheduler built on it.
 */
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
export { createRandom, type Random } from './random';
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
