/**
 * Exports that leave Headway safely: backlog CSV that cannot run as spreadsheet formulas, the
 * roadmap as escaped Markdown, and milestones as an iCalendar feed.
 */
export { BACKLOG_CSV_COLUMNS, type BacklogCsvItem, renderBacklogCsv } from './backlog-csv';
export { type CsvCell, neutraliseFormula, renderCsv } from './csv';
export { type CalendarEvent, escapeIcalText, foldIcalLine, renderIcalendar } from './icalendar';
export {
  escapeMarkdown,
  type MarkdownRoadmapInput,
  type MarkdownRoadmapItem,
  type MarkdownRoadmapMilestone,
  renderMarkdownRoadmap,
} from './markdown-roadmap';
