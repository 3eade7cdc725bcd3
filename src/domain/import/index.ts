/**
 * Imports from other tools: parsers for Jira CSV, Linear CSV, GitHub issues JSON and any CSV with
 * a column mapping; an editable mapping with defaults derived from the file; and the import plan
 * (items, parents, dependencies, people, state history, problems) that a dry run shows and the
 * server writes. Pure: CSV text is split by a CSV parser outside the domain.
 */
export { applyImportMapping } from './apply-mapping';
export {
  CANDIDATE_DATE_FORMATS,
  compileDatePattern,
  type DateDetection,
  type DatePattern,
  detectDateFormat,
  parseDateWith,
  parseIsoTimestamp,
  parseUtcOffset,
} from './dates';
export { findCyclicComponents } from './dependency-cycles';
export { type DetectedFormat, detectCsvFormat, detectFormatFromText } from './detect-format';
export {
  GENERIC_FIELDS,
  type GenericColumns,
  type GenericField,
  guessGenericColumns,
  parseGenericCsv,
} from './generic-csv';
export { parseGithubIssues, splitJsonValues } from './github-json';
export { parseJiraCsv } from './jira-csv';
export { convertJiraWikiToMarkdown, isSafeLinkTarget } from './jira-wiki';
export { parseLinearCsv, stripFormulaQuote } from './linear-csv';
export {
  deriveDefaultMapping,
  guessCategoryFromName,
  guessType,
  type ImportMapping,
  mergeMapping,
  type PersonMatch,
  personKey,
  stateForCategory,
  type TimeEstimateRule,
  type WorkspaceMember,
} from './mapping';
export {
  type HeadwayDocument,
  type HeadwayDocumentItem,
  type HeadwayDocumentMember,
  type PlanToHeadwayOptions,
  type PlanToHeadwayResult,
  planToHeadway,
} from './plan-to-headway';
export {
  IMPORT_LIMITS,
  type ImportPlan,
  type PlannedDependency,
  type PlannedEstimate,
  type PlannedHistoryEntry,
  type PlannedItem,
  type PlannedPerson,
} from './plan-types';
export { findChangedFields, REIMPORT_FIELDS, type ReimportField, type ReimportValues } from './reimport';
export { type ParseOptions, parseDurationHours, parseNumber, parsePerson } from './source-values';
export { type DryRunMapping, type DryRunProblem, type DryRunSummary, summarizeImportPlan } from './summary';
export { type CsvTable, findColumns, findRepeatedHeaders, normaliseHeader } from './table';
export {
  CATEGORY_OF_STATE,
  EXTRA_LABEL_FIELDS,
  type ExtraLabelField,
  IMPORT_FORMATS,
  IMPORT_ITEM_STATES,
  IMPORT_ITEM_TYPES,
  type ImportFormat,
  type ImportItemState,
  type ImportItemType,
  type ImportProblem,
  type SourceItem,
  type SourceParse,
  STATE_CATEGORIES,
  type StateCategory,
} from './types';
