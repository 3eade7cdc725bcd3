/**
 * The weekly brief: decisions waiting on one person, order and scope changes with who decided,
 * forecast moves with their reasons, slips, aging work, estimates far off their calibration and
 * what the plan says is at risk, since a date, each line linking to where it can be acted on.
 */
export {
  buildAging,
  buildBrief,
  buildChanges,
  buildEstimates,
  buildRisks,
  buildSlips,
  buildWaiting,
  FAR_OFF_RATIO,
  MAX_LINES_PER_SECTION,
  ORDER_AND_SCOPE_DECISIONS,
} from './build-brief';
export { buildForecastMoves, explainMove, THROUGHPUT_FELL_BELOW } from './forecast-moves';
export { buildIdeas } from './ideas';
export { resolveBriefLink } from './links';
export { compareByNeed, PORTFOLIO_ORDER_RULE, type PortfolioStanding, rankByNeed } from './portfolio';
export { renderBriefMarkdown } from './render-markdown';
export * from './types';
