/**
 * Generated import files for fuzzing: the formats' real headers (some repeated) with hostile
 * cells written as real CSV, raw text and bytes, and GitHub issue pages with fields of any shape.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { decodeImportBytes } from '../../src/server/imports/read-csv';

const NASTY = [
  '',
  '"',
  '""',
  ',',
  '\n',
  '\r\n',
  '=1+1',
  '-',
  '\uFEFF',
  '\u0000',
  '\uE000',
  '02/Sep/25 9:00 AM',
  '13/04/2025 10:00',
  '04/13/2025 10:00',
  '31/Feb/25',
  '2024-05-14T08:53:33Z',
  'Tue May 14 2024 08:53:33 GMT+0000 (x)',
  'HW-1',
  'HW-2',
  '10001',
  'ENG-1, ENG-2',
  '#1',
  '{code}',
  '{code:js}\n*x*',
  '[x|javascript:alert(1)]',
  '!http://x/y.png!',
  'h1. *a* _b_',
  'Done',
  "Won't Do",
  'In Progress',
  'To Do',
  'Epic',
  'Sub-task',
  '3',
  '4',
  '-1',
  'NaN',
  '1e309',
  '2,5',
  '1w 2d',
  'zoë@example.com',
  'Zoë Ångström',
  'x'.repeat(400),
];

const cell = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ maxLength: 8 }),
);

const HEADERS: Record<'jira' | 'linear' | 'csv', string[]> = {
  jira: [
    'Summary',
    'Issue key',
    'Issue id',
    'Parent id',
    'Parent',
    'Parent key',
    'Issue Type',
    'Status',
    'Status Category',
    'Status Category Changed',
    'Priority',
    'Resolution',
    'Assignee',
    'Reporter',
    'Creator',
    'Created',
    'Updated',
    'Resolved',
    'Due date',
    'Description',
    'Original Estimate',
    'Time Spent',
    'Labels',
    'Sprint',
    'Component/s',
    'Fix Version/s',
    'Outward issue link (Blocks)',
    'Inward issue link (Blocks)',
    'Inward issue link (Relates)',
    'Custom field (Epic Link)',
    'Custom field (Story Points)',
    'Custom field (Story point estimate)',
    'Comment',
  ],
  linear: [
    'ID',
    'Team',
    'Title',
    'Description',
    'Status',
    'Estimate',
    'Priority',
    'Project',
    'Creator',
    'Assignee',
    'Labels',
    'Cycle Number',
    'Cycle Name',
    'Created',
    'Updated',
    'Started',
    'Completed',
    'Canceled',
    'Archived',
    'Due Date',
    'Parent issue',
    'UUID',
    'Related to',
    'Blocked by',
    'Duplicate of',
  ],
  csv: [
    'Key',
    'Title',
    'Name',
    'Status',
    'Type',
    'Points',
    'Parent',
    'Assignee',
    'Created',
    'Completed',
    'Blocked by',
    'Labels',
    'Notes',
  ],
};
const REQUIRED = { jira: ['Summary', 'Issue key'], linear: ['ID', 'Title'], csv: ['Title'] };

/** A CSV table with the format's headers (some repeated) and hostile cells, written as real CSV. */
export const csvFile = (format: 'jira' | 'linear' | 'csv') =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...HEADERS[format]), { minLength: 0, maxLength: 10 }),
      fc.array(fc.array(cell, { minLength: 0, maxLength: 16 }), { minLength: 0, maxLength: 8 }),
      fc.constantFrom(',', ';', '\t'),
      fc.boolean(),
    )
    .map(([extra, rows, delimiter, bom]) => {
      const headers = [...REQUIRED[format], ...extra];
      return `${bom ? '\uFEFF' : ''}${Papa.unparse([headers, ...rows], { delimiter, newline: '\r\n' })}`;
    });

export const rawText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => decodeImportBytes(bytes).text),
  fc
    .array(fc.oneof(cell, fc.constantFrom(',', '"', '\n', '[', ']', '{', '}')), { maxLength: 60 })
    .map((parts) => parts.join('')),
);

const issue = fc.record(
  {
    number: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.anything()),
    title: fc.oneof(fc.constantFrom(...NASTY), fc.anything()),
    body: fc.oneof(fc.string(), fc.constant(null), fc.anything()),
    state: fc.oneof(fc.constantFrom('open', 'closed'), fc.anything()),
    state_reason: fc.oneof(
      fc.constantFrom('completed', 'not_planned', 'duplicate', 'reopened', null),
      fc.anything(),
    ),
    labels: fc.oneof(
      fc.array(fc.oneof(fc.record({ name: fc.string() }), fc.string(), fc.anything()), { maxLength: 3 }),
      fc.anything(),
    ),
    assignees: fc.oneof(fc.array(fc.record({ login: fc.string() }), { maxLength: 3 }), fc.anything()),
    user: fc.oneof(fc.record({ login: fc.string() }), fc.anything()),
    milestone: fc.oneof(
      fc.constant(null),
      fc.record({
        number: fc.integer({ min: 1, max: 3 }),
        title: fc.string(),
        due_on: fc.constantFrom('2025-03-31T07:00:00Z', 'x', null),
      }),
      fc.anything(),
    ),
    created_at: fc.oneof(fc.constantFrom('2025-01-01T00:00:00Z', '2025-13-01T00:00:00Z', ''), fc.anything()),
    closed_at: fc.oneof(fc.constantFrom('2025-01-05T00:00:00Z', '2024-01-01T00:00:00Z', null), fc.anything()),
    pull_request: fc.record({ url: fc.string() }),
    parent_issue_url: fc.oneof(
      fc.constantFrom(
        'https://api.github.com/repos/o/r/issues/1',
        'https://api.github.com/repos/o/r/issues/2',
      ),
      fc.anything(),
    ),
    type: fc.oneof(fc.record({ name: fc.constantFrom('Bug', 'Feature', 'Task', 'Epic') }), fc.anything()),
  },
  { requiredKeys: [] },
);
export const githubFile = fc
  .tuple(
    fc.array(fc.array(issue, { maxLength: 5 }), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('', '\n', ' \r\n'),
  )
  .map(([pages, separator]) => pages.map((page) => JSON.stringify(page)).join(separator));
