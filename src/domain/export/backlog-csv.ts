/** A backlog view as CSV, in the order shown, safe to open in a spreadsheet. */
import { type CsvCell, renderCsv } from './csv';

/** One item as a backlog view shows it. */
export interface BacklogCsvItem {
  number: number;
  title: string;
  type: string;
  state: string;
  parentNumber: number | null;
  labels: readonly string[];
  assignee: string | null;
  estimate: { optimistic: number; likely: number; pessimistic: number } | null;
  storyPoints: number | null;
  targetDate: string | null;
  createdAt: string;
  completedAt: string | null;
}

/** The columns, in order, with the header each gets. */
export const BACKLOG_CSV_COLUMNS: readonly {
  header: string;
  cell: (item: BacklogCsvItem, position: number) => CsvCell;
}[] = [
  { header: 'Position', cell: (_item, position) => position },
  { header: 'Number', cell: (item) => item.number },
  { header: 'Title', cell: (item) => item.title },
  { header: 'Type', cell: (item) => item.type },
  { header: 'State', cell: (item) => item.state },
  { header: 'Parent', cell: (item) => item.parentNumber },
  { header: 'Labels', cell: (item) => item.labels.join(', ') },
  { header: 'Assignee', cell: (item) => item.assignee },
  { header: 'Optimistic (days)', cell: (item) => item.estimate?.optimistic ?? null },
  { header: 'Likely (days)', cell: (item) => item.estimate?.likely ?? null },
  { header: 'Pessimistic (days)', cell: (item) => item.estimate?.pessimistic ?? null },
  { header: 'Story points', cell: (item) => item.storyPoints },
  { header: 'Target date', cell: (item) => item.targetDate },
  { header: 'Created', cell: (item) => item.createdAt },
  { header: 'Completed', cell: (item) => item.completedAt },
];

/**
 * Renders a backlog view as CSV.
 * @param items the items in the view's order
 * @returns CSV text whose text cells cannot run as spreadsheet formulas
 */
export function renderBacklogCsv(items: readonly BacklogCsvItem[]): string {
  return renderCsv([
    BACKLOG_CSV_COLUMNS.map((column) => column.header),
    ...items.map((item, index) => BACKLOG_CSV_COLUMNS.map((column) => column.cell(item, index + 1))),
  ]);
}
