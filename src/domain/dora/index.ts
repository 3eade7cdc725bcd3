/**
 * DORA measures from deployment and incident events: deployment frequency, lead time for
 * changes, change failure rate and time to restore, tiered by the assessment's report years.
 */
export {
  computeDoraMeasures,
  type Deployment,
  type DoraInput,
  type DoraMeasures,
  type DurationSummary,
  type Incident,
  tierMeasures,
} from './measures';
