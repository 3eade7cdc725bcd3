/**
 * Jira's CSV export (Server/Data Center and Cloud), read by position: Jira repeats a header once
 * per value (`Labels`, `Sprint`, `Component/s`, `Outward issue link (Blocks)`…), spells some
 * columns differently by edition (`Original Estimate` / `Original estimate`, `Fix Version/s` /
 * `Fix versions`, `Parent id` / `Parent` / `Parent key`), writes estimates in seconds, dates in
 * the instance's locale format, and descriptions in wiki markup.
 */
import { convertJiraWikiToMarkdown } from './jira-wiki';
import {
  createDateReader,
  type ParseOptions,
  parseDurationHours,
  parseNumber,
  parsePerson,
} from './source-values';
import {
  type CsvTable,
  collectRows,
  findColumn,
  findColumns,
  normaliseHeader,
  readCell,
  readCells,
} from './table';
import {
  countSkipped,
  emptyExtras,
  type ImportProblem,
  lookUp,
  type SourceItem,
  type SourceLink,
  type SourceParse,
  type StateCategory,
} from './types';

const STATUS_CATEGORIES: Readonly<Record<string, StateCategory>> = {
  'to do': 'todo',
  todo: 'todo',
  new: 'todo',
  'in progress': 'in_progress',
  indeterminate: 'in_progress',
  done: 'done',
  complete: 'done',
};

interface JiraColumns {
  key: number;
  id: number;
  summary: number;
  type: number;
  status: number;
  statusCategory: number;
  statusCategoryChanged: number;
  priority: number;
  resolution: number;
  assignee: number;
  creator: number;
  reporter: number;
  created: number;
  updated: number;
  resolved: number;
  due: number;
  description: number;
  originalEstimate: number;
  timeSpent: number;
  storyPoints: number;
  parents: { index: number; column: string }[];
  labels: number[];
  sprints: number[];
  components: number[];
  fixVersions: number[];
  project: number;
  team: number;
  links: { index: number; kind: SourceLink['kind']; column: string }[];
}

function locateColumns(headers: readonly string[]): JiraColumns {
  const col = (...names: string[]) => findColumn(headers, ...names);
  const parents: JiraColumns['parents'] = [];
  for (const name of [
    'Parent key',
    'Parent',
    'Parent id',
    'Custom field (Epic Link)',
    'Custom field (Parent Link)',
  ]) {
    const index = col(name);
    if (index >= 0) parents.push({ index, column: headers[index] ?? name });
  }
  const links: JiraColumns['links'] = [];
  headers.forEach((header, index) => {
    const match = /^(inward|outward) issue link \((.+)\)$/.exec(normaliseHeader(header));
    if (!match) return;
    const type = match[2] ?? '';
    const outward = match[1] === 'outward';
    const kind: SourceLink['kind'] =
      type === 'blocks' || type === 'blocker' || type === 'dependency'
        ? outward
          ? 'blocks'
          : 'blocked_by'
        : type.startsWith('duplicate')
          ? 'duplicates'
          : 'relates';
    links.push({ index, kind, column: header.trim() });
  });
  return {
    key: col('Issue key', 'Key'),
    id: col('Issue id', 'Issue ID'),
    summary: col('Summary'),
    type: col('Issue Type', 'Issuetype'),
    status: col('Status'),
    statusCategory: col('Status Category'),
    statusCategoryChanged: col('Status Category Changed'),
    priority: col('Priority'),
    resolution: col('Resolution'),
    assignee: col('Assignee'),
    creator: col('Creator'),
    reporter: col('Reporter'),
    created: col('Created'),
    updated: col('Updated'),
    resolved: col('Resolved', 'Resolution date'),
    due: col('Due date', 'Due Date'),
    description: col('Description'),
    originalEstimate: col('Original Estimate', 'Original estimate'),
    timeSpent: col('Time Spent', 'Time spent'),
    storyPoints: col(
      'Custom field (Story Points)',
      'Custom field (Story point estimate)',
      'Story Points',
      'Story point estimate',
    ),
    parents,
    labels: findColumns(headers, 'Labels'),
    sprints: findColumns(headers, 'Sprint'),
    components: findColumns(headers, 'Component/s', 'Components'),
    fixVersions: findColumns(headers, 'Fix Version/s', 'Fix versions'),
    project: col('Project name', 'Project key'),
    team: col('Custom field (Team)', 'Team'),
    links,
  };
}

/**
 * Reads a Jira CSV export.
 * @param table the header and records (split by a CSV parser)
 * @param options date format, time zone and hours per day, when the user sets them
 * @returns source items, skipped counts and problems; never throws on bad input
 */
export function parseJiraCsv(table: CsvTable, options: ParseOptions = {}): SourceParse {
  const result: SourceParse = {
    format: 'jira',
    items: [],
    milestones: [],
    skipped: {},
    problems: [],
    assumptions: [],
  };
  const c = locateColumns(table.headers);
  const missing = [c.key < 0 ? 'Issue key' : null, c.summary < 0 ? 'Summary' : null].filter(
    (m) => m !== null,
  );
  if (missing.length > 0) {
    result.problems.push({
      row: 1,
      column: missing.join(', '),
      message: `the header has no ${missing.join(' or ')} column`,
      why: 'a Jira export always has both; this file may be another format (try --from csv with a mapping)',
      severity: 'error',
    });
    return result;
  }
  const { rows, blank, problems } = collectRows(table);
  result.problems.push(...problems);
  if (blank > 0) result.skipped['empty row'] = blank;
  const hoursPerDay = options.hoursPerDay ?? 8;

  const dateColumns = [c.created, c.updated, c.resolved, c.due, c.statusCategoryChanged].filter(
    (i) => i >= 0,
  );
  const dateValues: string[] = [];
  for (const { cells } of rows) for (const index of dateColumns) dateValues.push(readCell(cells, index));
  const dates = createDateReader(dateValues, options);
  const header = (index: number) => (table.headers[index] ?? '').trim();
  const date = (cells: readonly string[], index: number, row: number) =>
    index < 0 ? null : dates.read(readCell(cells, index), row, header(index));

  for (const { row, cells } of rows) {
    const key = readCell(cells, c.key);
    if (key === '') {
      result.problems.push(
        problem(
          row,
          header(c.key),
          'the row has no issue key',
          'other rows could not refer to it; it is left out',
        ),
      );
      countSkipped(result.skipped, 'no issue key');
      continue;
    }
    const categoryText = readCell(cells, c.statusCategory).toLowerCase();
    const statusCategory = lookUp(STATUS_CATEGORIES, categoryText) ?? null;
    const resolution = readCell(cells, c.resolution);
    const categoryChanged = date(cells, c.statusCategoryChanged, row);
    const resolved = date(cells, c.resolved, row);
    const points = readNumber(result.problems, cells, c.storyPoints, row, header(c.storyPoints));
    const item: SourceItem = {
      row,
      key,
      altKeys: c.id >= 0 && readCell(cells, c.id) !== '' ? [readCell(cells, c.id)] : [],
      title: readCell(cells, c.summary),
      description: convertJiraWikiToMarkdown(c.description >= 0 ? (cells[c.description] ?? '') : ''),
      status: readCell(cells, c.status),
      statusCategory,
      resolution: resolution === '' || /^unresolved$/i.test(resolution) ? null : resolution,
      type: readCell(cells, c.type),
      priority: readCell(cells, c.priority) || null,
      labels: readCells(cells, c.labels).flatMap((cell) => cell.split(/\s+/)),
      points,
      timeEstimateHours: readDuration(
        result.problems,
        cells,
        c.originalEstimate,
        row,
        header(c.originalEstimate),
        hoursPerDay,
      ),
      timeSpentHours: readDuration(
        result.problems,
        cells,
        c.timeSpent,
        row,
        header(c.timeSpent),
        hoursPerDay,
      ),
      parentRef: null,
      assignee: parsePerson(readCell(cells, c.assignee)),
      creator: parsePerson(readCell(cells, c.creator)) ?? parsePerson(readCell(cells, c.reporter)),
      createdAt: date(cells, c.created, row),
      updatedAt: date(cells, c.updated, row),
      // Jira's export has no start time; the time the status category last changed is the start
      // for items in progress now (for finished ones it is their finish, not their start).
      startedAt: statusCategory === 'in_progress' ? categoryChanged : null,
      completedAt: resolved ?? (statusCategory === 'done' ? categoryChanged : null),
      cancelledAt: null,
      dueDate: date(cells, c.due, row)?.slice(0, 10) ?? null,
      links: [],
      extras: {
        ...emptyExtras(),
        components: readCells(cells, c.components),
        fixVersions: readCells(cells, c.fixVersions),
        sprints: readCells(cells, c.sprints),
        project: readCell(cells, c.project) || null,
        team: readCell(cells, c.team) || null,
      },
    };
    for (const parent of c.parents) {
      const ref = readCell(cells, parent.index);
      if (ref !== '') {
        item.parentRef = { ref, column: parent.column };
        break;
      }
    }
    for (const link of c.links) {
      for (const ref of readCell(cells, link.index).split(/[,\s]+/)) {
        if (ref !== '') item.links.push({ kind: link.kind, ref, column: link.column });
      }
    }
    result.items.push(item);
  }
  result.problems.push(...dates.problems);
  result.assumptions.push(...dates.assumptions);
  if (c.originalEstimate >= 0 || c.timeSpent >= 0) {
    result.assumptions.push(
      `Time estimates and time spent read in seconds (or w/d/h/m) with ${hoursPerDay}-hour days.`,
    );
  }
  if (c.statusCategory < 0) {
    result.assumptions.push(
      'The export has no Status Category column: status categories are guessed from status names and resolutions; check the state mapping.',
    );
  }
  return result;
}

function problem(row: number, column: string, message: string, why: string): ImportProblem {
  return { row, column, message, why, severity: 'warning' };
}

function readNumber(
  problems: ImportProblem[],
  cells: readonly string[],
  index: number,
  row: number,
  column: string,
): number | null {
  const text = readCell(cells, index);
  if (text === '') return null;
  const value = parseNumber(text);
  if (value === null || value < 0) {
    problems.push(
      problem(
        row,
        column,
        `"${text.slice(0, 40)}" is not a number of points`,
        'the item is imported without points',
      ),
    );
    return null;
  }
  return value;
}

function readDuration(
  problems: ImportProblem[],
  cells: readonly string[],
  index: number,
  row: number,
  column: string,
  hoursPerDay: number,
): number | null {
  const text = readCell(cells, index);
  if (text === '') return null;
  const hours = parseDurationHours(text, hoursPerDay);
  if (hours === null) {
    problems.push(
      problem(
        row,
        column,
        `"${text.slice(0, 40)}" is not a duration (seconds, or 1w 2d 3h 30m)`,
        'the item is imported without this time',
      ),
    );
  }
  return hours;
}
