import type { AssessmentVariant } from '../../contract';
import type { DecisionLogFilters, ItemFilters } from './types';

/**
 * Every query key of the web app, in one place. A key starts with its resource and the
 * workspace, so a shorter key (`keys.roadmap.all(ws)`) matches every longer one below it when
 * a write makes them stale (see `invalidation.ts`).
 */
export const keys = {
  session: ['session'] as const,
  instance: ['instance'] as const,
  me: ['me'] as const,
  tokens: ['api-tokens'] as const,
  /** Every workspace's headline; refetched on each visit rather than by invalidation. */
  portfolio: ['portfolio'] as const,
  /** A dry run of a file to import: its file, target and choices (see import-api.ts). */
  anyImportDryRun: (ws: string) => ['import-dry-run', ws] as const,
  importDryRun: (ws: string, request: object) => ['import-dry-run', ws, request] as const,
  calendarFeeds: (ws: string) => ['calendar-feeds', ws] as const,
  ingestTokens: (ws: string) => ['ingest-tokens', ws] as const,
  webhooks: (ws: string) => ['webhooks', ws] as const,
  webhookDeliveries: (ws: string, endpointId: string) => ['webhooks', ws, endpointId, 'deliveries'] as const,
  failedJobs: (ws: string) => ['failed-jobs', ws] as const,
  github: (ws: string) => ['github', ws] as const,
  assessmentLinks: (ws: string) => ['assessment-links', ws] as const,
  assessmentLeads: (ws: string) => ['assessment-leads', ws] as const,
  /** A published assessment as a visitor sees it. */
  publicAssessment: (token: string) => ['public-assessment', token] as const,
  /** Ideas with the evidence behind them. */
  ideas: (ws: string) => ['ideas', ws] as const,
  /** The companies, under the ideas: whatever makes the ideas stale makes them stale. */
  companies: (ws: string) => ['ideas', ws, 'companies'] as const,
  /** The ideas portal's setting and its moderation queue, under the ideas: an approval changes them. */
  portal: (ws: string) => ['ideas', ws, 'portal'] as const,
  /** The customer notes on one idea, under the ideas: whatever makes the ideas stale makes them stale. */
  ideaNotes: (ws: string, itemId: string) => ['ideas', ws, 'notes', itemId] as const,
  /** A published ideas portal as a visitor sees it. */
  publicPortal: (slug: string) => ['public-portal', slug] as const,
  members: (ws: string) => ['members', ws] as const,
  gettingStarted: (ws: string) => ['getting-started', ws] as const,
  rights: (ws: string) => ['rights', ws] as const,
  inbox: (ws: string) => ['inbox', ws] as const,
  /** The weekly brief since a day (null: the server's default); under the inbox, so whatever makes the inbox stale makes it stale. */
  brief: (ws: string, since: string | null) => ['inbox', ws, 'brief', since] as const,
  /** My weekly-brief e-mail setting here. */
  briefEmail: (ws: string) => ['brief-email', ws] as const,
  waitsOnWhom: (ws: string) => ['inbox', ws, 'everyone'] as const,
  items: (ws: string) => ['items', ws] as const,
  itemList: (ws: string, filters: ItemFilters) => ['items', ws, filters] as const,
  /** The first few items matching a search, for the command palette. */
  itemSearch: (ws: string, q: string) => ['items', ws, 'search', q] as const,
  /** The first items of the product order, to place a new item after one of them. */
  topItems: (ws: string, count: number) => ['items', ws, 'top', count] as const,
  /** Every single-item query of a workspace. */
  anyItem: (ws: string) => ['item', ws] as const,
  item: (ws: string, id: string) => ['item', ws, id] as const,
  /** The backlog's saved views the signed-in member can pick: theirs and the shared ones. */
  savedViews: (ws: string) => ['saved-views', ws] as const,
  anyChildren: (ws: string) => ['children', ws] as const,
  children: (ws: string, id: string) => ['children', ws, id] as const,
  anyHistory: (ws: string) => ['history', ws] as const,
  history: (ws: string, id: string) => ['history', ws, id] as const,
  /** Every decision-log query of a workspace: the item panels' and the log page's. */
  allDecisions: (ws: string) => ['decisions', ws] as const,
  decisions: (ws: string, id: string) => ['decisions', ws, id] as const,
  decisionLog: (ws: string, filters: DecisionLogFilters) => ['decisions', ws, 'log', filters] as const,
  slips: (ws: string) => ['slips', ws] as const,
  anyComments: (ws: string) => ['comments', ws] as const,
  comments: (ws: string, id: string) => ['comments', ws, id] as const,
  estimationScale: (ws: string) => ['estimation-scale', ws] as const,
  calibration: (ws: string, by: string) => ['calibration', ws, by] as const,
  calibratedEstimate: (ws: string, itemId: string) => ['calibrated-estimate', ws, itemId] as const,
  estimationSessions: {
    all: (ws: string) => ['estimation-sessions', ws] as const,
    one: (ws: string, id: string) => ['estimation-sessions', ws, id] as const,
  },
  prioritization: {
    all: (ws: string) => ['prioritization', ws] as const,
    ranking: (ws: string, framework: string) => ['prioritization', ws, 'ranking', framework] as const,
    compare: (ws: string, a: string, b: string) => ['prioritization', ws, 'compare', a, b] as const,
    sensitivity: (ws: string, framework: string) => ['prioritization', ws, 'sensitivity', framework] as const,
    formulas: (ws: string) => ['prioritization', ws, 'formulas'] as const,
    log: (ws: string) => ['prioritization', ws, 'log'] as const,
  },
  roadmap: {
    all: (ws: string) => ['roadmap', ws] as const,
    plan: (ws: string, compareTo: string | null) => ['roadmap', ws, 'plan', compareTo] as const,
    snapshots: (ws: string) => ['roadmap', ws, 'snapshots'] as const,
    /** Health updates: the latest call per milestone, and one milestone's history below it. */
    health: (ws: string) => ['roadmap', ws, 'health'] as const,
    healthOf: (ws: string, itemId: string) => ['roadmap', ws, 'health', itemId] as const,
  },
  /** The workspace's workflow states (names, order, WIP limits and item counts). */
  workflow: (ws: string) => ['workflow', ws] as const,
  /** The workspace's cycles with capacity, committed and completed work. */
  cycles: (ws: string) => ['cycles', ws] as const,
  metrics: {
    all: (ws: string) => ['metrics', ws] as const,
    /** Flow metrics of a period (from, to) for everyone or one person (see delivery-api.ts). */
    period: (ws: string, from: string, to: string, person: string | null) =>
      ['metrics', ws, from, to, person] as const,
    /** DORA measures of a period, from the recorded delivery events. */
    dora: (ws: string, from: string, to: string) => ['metrics', ws, 'dora', from, to] as const,
  },
  forecasts: {
    all: (ws: string) => ['forecasts', ws] as const,
    /** `subject`: a milestone or items; `question`: N items or a day (see forecasts-api.ts). */
    plan: (ws: string, subject: object, target: string | null) =>
      ['forecasts', ws, 'plan', subject, target] as const,
    throughput: (ws: string, question: object, excludeBulk: boolean) =>
      ['forecasts', ws, 'throughput', question, excludeBulk] as const,
    trackRecord: (ws: string) => ['forecasts', ws, 'track-record'] as const,
    /** Every roadmap milestone's P50/P85/P(on time), for the roadmap's cards. */
    milestones: (ws: string) => ['forecasts', ws, 'milestones'] as const,
  },
  assessments: {
    all: (ws: string) => ['assessments', ws] as const,
    list: (ws: string) => ['assessments', ws, 'list'] as const,
    one: (ws: string, n: number) => ['assessments', ws, 'one', n] as const,
    compare: (ws: string, from: number, to: number) => ['assessments', ws, 'compare', from, to] as const,
    questionnaire: (ws: string, v: AssessmentVariant) => ['assessments', ws, 'questionnaire', v] as const,
    prefill: (ws: string, v: AssessmentVariant) => ['assessments', ws, 'prefill', v] as const,
    log: (ws: string) => ['assessments', ws, 'decision-log'] as const,
  },
};
