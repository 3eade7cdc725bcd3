/**
 * Any CSV, read through a column mapping the user chooses (which header holds the title, the
 * status, the dates…). A first mapping is guessed from the header names; the user edits it.
 */
import { createDateReader, type ParseOptions, parseNumber, parsePerson } from './source-values';
import { type CsvTable, collectRows, findColumn, normaliseHeader, readCell, splitList } from './table';
import { countSkipped, emptyExtras, type SourceItem, type SourceLink, type SourceParse } from './types';

/** The fields a generic CSV column can fill. */
export const GENERIC_FIELDS = [
  'key',
  'title',
  'description',
  'status',
  'type',
  'priority',
  'labels',
  'points',
  'estimateHours',
  'spentHours',
  'parent',
  'assignee',
  'creator',
  'created',
  'updated',
  'started',
  'completed',
  'cancelled',
  'due',
  'blockedBy',
  'blocks',
] as const;
export type GenericField = (typeof GENERIC_FIELDS)[number];

/** Which header holds each field (absent: the file has no such column). */
export type GenericColumns = Partial<Record<GenericField, string>>;

const SYNONYMS: Readonly<Record<GenericField, readonly string[]>> = {
  key: ['key', 'id', 'identifier', 'ref', 'reference', 'issue key', 'issue id', 'ticket', 'number', '#'],
  title: ['title', 'summary', 'name', 'subject', 'task', 'task name'],
  description: ['description', 'body', 'details', 'notes'],
  status: ['status', 'state', 'stage', 'column'],
  type: ['type', 'issue type', 'kind', 'item type'],
  priority: ['priority'],
  labels: ['labels', 'tags', 'label', 'tag'],
  points: ['points', 'story points', 'estimate', 'estimate (points)', 'size'],
  estimateHours: ['estimate (hours)', 'estimated hours', 'original estimate (hours)', 'hours estimated'],
  spentHours: ['time spent (hours)', 'hours spent', 'spent hours', 'actual hours'],
  parent: ['parent', 'parent key', 'parent id', 'epic', 'epic link'],
  assignee: ['assignee', 'owner', 'assigned to', 'owners'],
  creator: ['creator', 'reporter', 'created by', 'author', 'requester', 'requestor'],
  created: ['created', 'created at', 'created on', 'creation date', 'created_at', 'opened', 'opened at'],
  updated: ['updated', 'updated at', 'last updated', 'updated_at'],
  started: ['started', 'started at', 'start date', 'started_at'],
  completed: ['completed', 'completed at', 'done at', 'resolved', 'closed at', 'completed_at', 'finished'],
  cancelled: ['cancelled', 'canceled', 'cancelled at', 'canceled at'],
  due: ['due', 'due date', 'deadline', 'target date'],
  blockedBy: ['blocked by', 'depends on', 'dependencies', 'predecessors'],
  blocks: ['blocks', 'successors'],
};

/**
 * Guesses which header holds each field from common names.
 * @returns a mapping the user can check and edit
 */
export function guessGenericColumns(headers: readonly string[]): GenericColumns {
  const columns: GenericColumns = {};
  const used = new Set<number>();
  for (const field of GENERIC_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const index = headers.findIndex((h, i) => !used.has(i) && normaliseHeader(h) === synonym);
      if (index >= 0) {
        columns[field] = (headers[index] ?? '').trim();
        used.add(index);
        break;
      }
    }
  }
  return columns;
}

/**
 * Reads a CSV through a column mapping.
 * @param table the header and records
 * @param columns which header holds each field; `title` is required
 * @param options dates, time zone and the separator of list cells (labels, links; "," by default)
 * @returns source items and problems; never throws on bad input
 */
export function parseGenericCsv(
  table: CsvTable,
  columns: GenericColumns,
  options: ParseOptions & { listSeparator?: string | null } = {},
): SourceParse {
  const result: SourceParse = {
    format: 'csv',
    items: [],
    milestones: [],
    skipped: {},
    problems: [],
    assumptions: [],
  };
  const index: Partial<Record<GenericField, number>> = {};
  for (const field of GENERIC_FIELDS) {
    const header = columns[field];
    if (header === undefined) continue;
    const position = findColumn(table.headers, header);
    if (position < 0) {
      result.problems.push({
        row: 1,
        column: header,
        message: `the mapping puts ${field} in a column "${header}" that the file does not have`,
        why: `the columns are: ${table.headers
          .map((h) => h.trim())
          .join(', ')
          .slice(0, 300)}`,
        severity: 'error',
      });
    } else index[field] = position;
  }
  if (columns.title === undefined) {
    result.problems.push({
      row: 1,
      column: null,
      message: 'the column mapping names no title column',
      why: 'every item needs a title: set columns.title in the mapping to one of the headers',
      severity: 'error',
    });
  }
  if (result.problems.some((p) => p.severity === 'error')) return result;
  const at = (field: GenericField) => index[field] ?? -1;
  const separator = options.listSeparator || ',';
  const { rows, blank, problems } = collectRows(table);
  result.problems.push(...problems);
  if (blank > 0) result.skipped['empty row'] = blank;
  const dateFields: GenericField[] = ['created', 'updated', 'started', 'completed', 'cancelled', 'due'];
  const values: string[] = [];
  for (const { cells } of rows)
    for (const field of dateFields) if (at(field) >= 0) values.push(readCell(cells, at(field)));
  const dates = createDateReader(values, options);
  const header = (field: GenericField) => columns[field] ?? field;
  const date = (cells: readonly string[], field: GenericField, row: number) =>
    at(field) < 0 ? null : dates.read(readCell(cells, at(field)), row, header(field));
  const number = (cells: readonly string[], field: GenericField, row: number) => {
    const text = readCell(cells, at(field));
    if (text === '') return null;
    const value = parseNumber(text);
    if (value === null || value < 0) {
      result.problems.push({
        row,
        column: header(field),
        message: `"${text.slice(0, 40)}" is not a number`,
        why: `the item is imported without ${field}`,
        severity: 'warning',
      });
      return null;
    }
    return value;
  };
  for (const { row, cells } of rows) {
    const key = at('key') >= 0 ? readCell(cells, at('key')) : `row-${row}`;
    if (key === '') {
      result.problems.push({
        row,
        column: header('key'),
        message: 'the row has no key',
        why: 'other rows could not refer to it; it is left out',
        severity: 'warning',
      });
      countSkipped(result.skipped, 'no key');
      continue;
    }
    const links: SourceLink[] = [];
    for (const [field, kind] of [
      ['blockedBy', 'blocked_by'],
      ['blocks', 'blocks'],
    ] as const) {
      for (const ref of splitList(readCell(cells, at(field)), separator))
        links.push({ kind, ref, column: header(field) });
    }
    const item: SourceItem = {
      row,
      key,
      altKeys: [],
      title: readCell(cells, at('title')),
      description: at('description') >= 0 ? (cells[at('description')] ?? '').trim() : '',
      status: readCell(cells, at('status')),
      statusCategory: null,
      resolution: null,
      type: readCell(cells, at('type')),
      priority: readCell(cells, at('priority')) || null,
      labels: splitList(readCell(cells, at('labels')), separator),
      points: number(cells, 'points', row),
      timeEstimateHours: number(cells, 'estimateHours', row),
      timeSpentHours: number(cells, 'spentHours', row),
      parentRef: readCell(cells, at('parent'))
        ? { ref: readCell(cells, at('parent')), column: header('parent') }
        : null,
      assignee: parsePerson(readCell(cells, at('assignee'))),
      creator: parsePerson(readCell(cells, at('creator'))),
      createdAt: date(cells, 'created', row),
      updatedAt: date(cells, 'updated', row),
      startedAt: date(cells, 'started', row),
      completedAt: date(cells, 'completed', row),
      cancelledAt: date(cells, 'cancelled', row),
      dueDate: date(cells, 'due', row)?.slice(0, 10) ?? null,
      links,
      extras: emptyExtras(),
    };
    result.items.push(item);
  }
  if (at('key') < 0)
    result.assumptions.push(
      'No key column: items are keyed by row number, so a re-import cannot match them.',
    );
  result.problems.push(...dates.problems);
  result.assumptions.push(...dates.assumptions);
  return result;
}
