/**
 * Linear's CSV export, in both shapes: the 30-column one (`ID … SLA Status, Roadmaps`) and the
 * 34-column one that adds `UUID, Time in status (minutes), Related to, Blocked by, Duplicate of`.
 * Only the second carries links. Archived rows are skipped and counted, as Linear's own importer
 * does. Linear prefixes text that could be read as a formula with `'`; that quote is removed.
 */
import { createDateReader, type ParseOptions, parseNumber, parsePerson } from './source-values';
import { type CsvTable, collectRows, findColumn, readCell, splitList } from './table';
import { countSkipped, emptyExtras, type SourceItem, type SourceLink, type SourceParse } from './types';

/** Removes the quote Linear puts before text starting with =, +, - or @ (formula neutralising). */
export function stripFormulaQuote(text: string): string {
  return text.replace(/^'([+\-=@])/, '$1');
}

/**
 * Reads a Linear CSV export.
 * @param table the header and records (split by a CSV parser)
 * @param options time zone for timestamps without one
 * @returns source items (archived rows skipped and counted) and problems; never throws on bad input
 */
export function parseLinearCsv(table: CsvTable, options: ParseOptions = {}): SourceParse {
  const result: SourceParse = {
    format: 'linear',
    items: [],
    milestones: [],
    skipped: {},
    problems: [],
    assumptions: [],
  };
  const h = table.headers;
  const col = (...names: string[]) => findColumn(h, ...names);
  const c = {
    id: col('ID', 'Id'),
    uuid: col('UUID'),
    title: col('Title'),
    description: col('Description'),
    status: col('Status'),
    estimate: col('Estimate'),
    priority: col('Priority'),
    project: col('Project'),
    team: col('Team'),
    creator: col('Creator'),
    assignee: col('Assignee'),
    labels: col('Labels'),
    cycleNumber: col('Cycle Number'),
    cycleName: col('Cycle Name'),
    created: col('Created'),
    updated: col('Updated'),
    started: col('Started'),
    completed: col('Completed'),
    canceled: col('Canceled', 'Cancelled'),
    archived: col('Archived'),
    due: col('Due Date'),
    parent: col('Parent issue', 'Parent'),
    milestone: col('Project Milestone'),
  };
  const linkColumns: { index: number; kind: SourceLink['kind'] }[] = [
    { index: col('Blocked by'), kind: 'blocked_by' as const },
    { index: col('Blocks'), kind: 'blocks' as const },
    { index: col('Related to'), kind: 'relates' as const },
    { index: col('Duplicate of'), kind: 'duplicates' as const },
  ].filter((l) => l.index >= 0);
  const missing = [c.id < 0 ? 'ID' : null, c.title < 0 ? 'Title' : null].filter((m) => m !== null);
  if (missing.length > 0) {
    result.problems.push({
      row: 1,
      column: missing.join(', '),
      message: `the header has no ${missing.join(' or ')} column`,
      why: 'a Linear export always has both; this file may be another format (try --from csv with a mapping)',
      severity: 'error',
    });
    return result;
  }
  if (linkColumns.length === 0) {
    result.assumptions.push(
      'This Linear export has no link columns (the 30-column shape): no dependencies can be read from it.',
    );
  }
  const { rows, blank, problems } = collectRows(table);
  result.problems.push(...problems);
  if (blank > 0) result.skipped['empty row'] = blank;

  const dateColumns = [c.created, c.updated, c.started, c.completed, c.canceled, c.due].filter((i) => i >= 0);
  const values: string[] = [];
  for (const { cells } of rows) for (const index of dateColumns) values.push(readCell(cells, index));
  const dates = createDateReader(values, options);
  const header = (index: number) => (h[index] ?? '').trim();
  const date = (cells: readonly string[], index: number, row: number) =>
    index < 0 ? null : dates.read(readCell(cells, index), row, header(index));

  for (const { row, cells } of rows) {
    if (readCell(cells, c.archived) !== '') {
      countSkipped(result.skipped, 'archived');
      continue;
    }
    const key = readCell(cells, c.id);
    if (key === '') {
      result.problems.push({
        row,
        column: header(c.id),
        message: 'the row has no ID',
        why: 'other rows could not refer to it; it is left out',
        severity: 'warning',
      });
      countSkipped(result.skipped, 'no ID');
      continue;
    }
    const estimateText = readCell(cells, c.estimate);
    const points = parseNumber(estimateText);
    if (estimateText !== '' && (points === null || points < 0)) {
      result.problems.push({
        row,
        column: header(c.estimate),
        message: `"${estimateText.slice(0, 40)}" is not a number of points`,
        why: 'the item is imported without an estimate',
        severity: 'warning',
      });
    }
    const cycleName = readCell(cells, c.cycleName);
    const cycleNumber = readCell(cells, c.cycleNumber);
    const item: SourceItem = {
      row,
      key,
      altKeys: c.uuid >= 0 && readCell(cells, c.uuid) !== '' ? [readCell(cells, c.uuid)] : [],
      title: stripFormulaQuote(readCell(cells, c.title)),
      description: stripFormulaQuote(c.description >= 0 ? (cells[c.description] ?? '').trim() : ''),
      status: readCell(cells, c.status),
      statusCategory: null,
      resolution: null,
      type: '',
      priority: readCell(cells, c.priority) || null,
      labels: splitList(readCell(cells, c.labels)),
      points: points !== null && points >= 0 ? points : null,
      timeEstimateHours: null,
      timeSpentHours: null,
      parentRef: readCell(cells, c.parent)
        ? { ref: readCell(cells, c.parent), column: header(c.parent) }
        : null,
      assignee: parsePerson(readCell(cells, c.assignee)),
      creator: parsePerson(readCell(cells, c.creator)),
      createdAt: date(cells, c.created, row),
      updatedAt: date(cells, c.updated, row),
      startedAt: date(cells, c.started, row),
      completedAt: date(cells, c.completed, row),
      cancelledAt: date(cells, c.canceled, row),
      dueDate: date(cells, c.due, row)?.slice(0, 10) ?? null,
      links: [],
      extras: {
        ...emptyExtras(),
        project: readCell(cells, c.project) || null,
        team: readCell(cells, c.team) || null,
        cycle: cycleName || (cycleNumber ? `Cycle ${cycleNumber}` : null),
        milestone: readCell(cells, c.milestone) || null,
      },
    };
    for (const link of linkColumns) {
      for (const ref of splitList(readCell(cells, link.index))) {
        item.links.push({ kind: link.kind, ref, column: header(link.index) });
      }
    }
    result.items.push(item);
  }
  result.problems.push(...dates.problems);
  result.assumptions.push(...dates.assumptions);
  return result;
}
