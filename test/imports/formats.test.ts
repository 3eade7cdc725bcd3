import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ITEM_STATES, ITEM_TYPES, LIMITS } from '../../src/contract';
import {
  IMPORT_ITEM_STATES,
  IMPORT_ITEM_TYPES,
  IMPORT_LIMITS,
  type ImportPlan,
} from '../../src/domain/import';
import { planImport } from '../../src/server/imports/plan-import';
import { decodeImportBytes, readCsvTable } from '../../src/server/imports/read-csv';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'imports');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const members = [{ email: 'zoe@example.com', name: 'Zoë Ångström' }];

function planOf(
  text: string,
  options: Omit<Parameters<typeof planImport>[0], 'text' | 'members'> = {},
): ImportPlan {
  const result = planImport({ text, members, ...options });
  if (result.kind !== 'plan') throw new Error('expected a plan');
  return result.plan;
}
const byKey = (plan: ImportPlan, key: string) => plan.items.find((i) => i.key === key);

describe('Jira Server/Data Center CSV', () => {
  const plan = planOf(fixture('jira-server.csv'));

  it('should detect the format and read every issue, skipping a blank row, a duplicate key and a row without a title', () => {
    expect(plan.format).toBe('jira');
    expect(plan.items.map((i) => i.key)).toEqual(['HW-1', 'HW-2', 'HW-3', 'HW-4', 'HW-5', 'HW-8']);
    expect(plan.skipped).toEqual({ 'empty row': 1, 'duplicate key': 1, 'no title': 1 });
  });

  it('should read the BOM-prefixed header, quoted commas, quotes and newlines, and non-ASCII names', () => {
    const story = byKey(plan, 'HW-2');
    expect(story?.title).toBe('Pay with cards, wallets and "vouchers"');
    expect(story?.description.split('\n').length).toBeGreaterThan(5);
    expect(byKey(plan, 'HW-1')?.assignee).toBe('Zoë Ångström');
    expect(plan.people.find((p) => p.key === '李雷')).toBeDefined();
    expect(plan.people.find((p) => p.key === 'Zoë Ångström')?.match).toEqual({
      kind: 'member',
      email: 'zoe@example.com',
    });
  });

  it('should read repeated Labels, Sprint and Component/s columns by position', () => {
    expect(byKey(plan, 'HW-2')?.labels).toEqual(['payments', 'ux', 'priority:medium', 'Web']);
    expect(byKey(plan, 'HW-1')?.labels).toEqual(['payments', 'priority:high', 'Web', 'API']);
  });

  it("should read dates in the instance's format, seconds as days, story points and resolutions", () => {
    const story = byKey(plan, 'HW-2');
    expect(story?.createdAt).toBe('2025-09-03T10:15:00.000Z');
    expect(story?.closedAt).toBe('2025-09-10T16:30:00.000Z');
    expect(story?.estimate?.likely).toBe(1);
    expect(story?.actualEffortDays).toBe(1.5);
    expect(story?.storyPoints).toBe(5);
    expect(byKey(plan, 'HW-3')?.targetDate).toBe('2025-09-30');
    expect(byKey(plan, 'HW-4')?.state).toBe('cancelled');
    expect(byKey(plan, 'HW-5')?.state).toBe('in_review');
  });

  it('should convert wiki markup to safe Markdown', () => {
    const description = byKey(plan, 'HW-2')?.description ?? '';
    expect(description).toContain('## Goal');
    expect(description).toContain('**cards**');
    expect(description).toContain("```js\nconst a = '*not bold*';\n<b>kept</b>\n```");
    expect(description).toContain('[the spec](<https://example.com/spec>)');
    expect(description).not.toContain('](javascript');
    expect(description).not.toContain('![');
    expect(description).toContain('\\<script\\>');
  });

  it('should build the hierarchy from Epic Link and Parent id, and dependencies from repeated link columns', () => {
    expect(byKey(plan, 'HW-2')?.parentKey).toBe('HW-1');
    expect(byKey(plan, 'HW-3')?.parentKey).toBe('HW-1');
    expect(plan.dependencies.map((d) => [d.item, d.dependsOn])).toEqual([['HW-3', 'HW-2']]);
    expect(plan.problems.some((p) => p.message === 'dependencies form a cycle among HW-2, HW-4')).toBe(true);
    expect(plan.problems.some((p) => p.message.includes('HW-99') && p.row === 10)).toBe(true);
  });

  it('should derive history from created and resolved times', () => {
    expect(plan.history.filter((h) => h.item === 'HW-2')).toEqual([
      { item: 'HW-2', from: null, to: 'new', at: '2025-09-03T10:15:00.000Z' },
      { item: 'HW-2', from: 'new', to: 'done', at: '2025-09-10T16:30:00.000Z' },
    ]);
  });
});

describe('Jira Cloud CSV', () => {
  const plan = planOf(fixture('jira-cloud.csv'));

  it('should use Status Category for states and Parent key for parents', () => {
    expect(plan.items.map((i) => [i.key, i.state, i.parentKey])).toEqual([
      ['CL-1', 'in_progress', null],
      ['CL-2', 'done', 'CL-1'],
      ['CL-3', 'new', 'CL-1'],
      ['CL-4', 'cancelled', null],
    ]);
  });

  it('should read day-first numeric dates once a day above 12 settles the order', () => {
    expect(byKey(plan, 'CL-1')?.createdAt).toBe('2025-03-13T14:05:00.000Z');
    expect(byKey(plan, 'CL-3')?.targetDate).toBe('2025-03-31');
    expect(plan.assumptions[0]).toMatch(/DD\/MM\/YYYY H:mm/);
  });

  it('should take the status-category change as the start of an item in progress', () => {
    expect(byKey(plan, 'CL-1')?.startedAt).toBe('2025-03-14T10:00:00.000Z');
    expect(plan.history.filter((h) => h.item === 'CL-1').map((h) => h.to)).toEqual(['new', 'in_progress']);
  });

  it('should read Story point estimate and inward Blocks links', () => {
    expect(byKey(plan, 'CL-2')?.storyPoints).toBe(3);
    expect(plan.dependencies.map((d) => [d.item, d.dependsOn])).toEqual([['CL-2', 'CL-3']]);
  });
});

describe('Jira dates the file cannot settle', () => {
  const header = 'Summary,Issue key,Issue Type,Status,Created\n';
  it('should stop with an error naming --date-format when every date fits day-first and month-first', () => {
    const plan = planOf(`${header}A,X-1,Task,To Do,03/04/2025 10:00\nB,X-2,Task,To Do,05/06/2025 11:00\n`);
    const errors = plan.problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.why).toContain('--date-format');
    expect(plan.items.every((i) => i.createdAt === null)).toBe(true);
  });

  it('should read them month-first when told', () => {
    const plan = planOf(`${header}A,X-1,Task,To Do,03/04/2025 10:00\n`, { dateFormat: 'MM/DD/YYYY H:mm' });
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.items[0]?.createdAt).toBe('2025-03-04T10:00:00.000Z');
  });

  it('should read them day-first when told', () => {
    const plan = planOf(`${header}A,X-1,Task,To Do,03/04/2025 10:00\n`, { dateFormat: 'DD/MM/YYYY H:mm' });
    expect(plan.items[0]?.createdAt).toBe('2025-04-03T10:00:00.000Z');
  });
});

describe('Linear CSV', () => {
  it('should read the 30-column shape: archived rows skipped and counted, formula quotes removed, no links', () => {
    const plan = planOf(fixture('linear-30.csv'));
    expect(plan.format).toBe('linear');
    expect(plan.skipped).toEqual({ archived: 1 });
    expect(plan.items.map((i) => [i.key, i.state])).toEqual([
      ['ENG-1', 'done'],
      ['ENG-2', 'in_progress'],
      ['ENG-3', 'cancelled'],
      ['ENG-5', 'ready'],
    ]);
    expect(byKey(plan, 'ENG-2')?.title).toBe('=HYPERLINK("http://x")');
    expect(byKey(plan, 'ENG-1')?.description).toBe('Shows **invoices**,\nwith "quotes" and commas, too.');
    expect(byKey(plan, 'ENG-1')?.labels).toEqual(['Frontend', 'Billing', 'priority:high', 'project:Billing']);
    expect(plan.assumptions.some((a) => a.includes('30-column'))).toBe(true);
    expect(plan.history.filter((h) => h.item === 'ENG-1').map((h) => h.to)).toEqual([
      'new',
      'in_progress',
      'done',
    ]);
    expect(byKey(plan, 'ENG-3')?.closedAt).toBe('2024-04-20T08:00:00.000Z');
  });

  it('should read the 34-column shape with Blocked by lists, UUIDs and related links', () => {
    const plan = planOf(fixture('linear-34.csv'));
    expect(plan.dependencies.map((d) => [d.item, d.dependsOn])).toEqual([
      ['APP-2', 'APP-1'],
      ['APP-3', 'APP-1'],
      ['APP-3', 'APP-2'],
    ]);
    expect(byKey(plan, 'APP-2')?.state).toBe('in_review');
    expect(byKey(plan, 'APP-4')?.state).toBe('cancelled');
    expect(plan.assumptions.some((a) => a.startsWith('2 related or duplicate'))).toBe(true);
  });
});

describe('GitHub issues JSON', () => {
  const plan = planOf(fixture('github-issues.json'));

  it('should read concatenated pages, skip pull requests and count them', () => {
    expect(plan.format).toBe('github');
    expect(plan.skipped).toEqual({ 'pull request': 1 });
    expect(plan.items.filter((i) => i.row !== null).map((i) => i.key)).toEqual(['#1', '#2', '#4', '#5']);
  });

  it('should map closed/completed to done and not_planned to cancelled, with closed_at as the time', () => {
    expect(byKey(plan, '#1')?.state).toBe('done');
    expect(byKey(plan, '#1')?.closedAt).toBe('2025-01-05T12:00:00.000Z');
    expect(byKey(plan, '#4')?.state).toBe('cancelled');
    expect(byKey(plan, '#1')?.type).toBe('bug');
  });

  it('should turn a milestone into an initiative with its due date, and parent_issue_url into a parent', () => {
    const milestone = byKey(plan, 'milestone-3');
    expect(milestone).toMatchObject({ type: 'initiative', title: 'v1.0 launch', targetDate: '2025-03-31' });
    expect(byKey(plan, '#1')?.parentKey).toBe('milestone-3');
    // #5 is a sub-issue of #2, both tasks: it moves up to #2's own parent, the milestone.
    expect(byKey(plan, '#5')?.parentKey).toBe('milestone-3');
    expect(plan.problems.some((p) => p.message.startsWith('#5 (task) sits under #2 (task)'))).toBe(true);
  });

  it('should keep the first of several assignees and say so', () => {
    expect(byKey(plan, '#1')?.assignee).toBe('kwame');
    expect(plan.problems.some((p) => p.column === 'assignees' && p.row === 1)).toBe(true);
  });

  it('should read arrays separated by a newline and report a truncated download', () => {
    expect(
      planOf('[{"number":1,"title":"a","state":"open"}]\n[{"number":2,"title":"b","state":"open"}]').items,
    ).toHaveLength(2);
    const cut = planOf('[{"number":1,"title":"a"');
    expect(cut.problems[0]).toMatchObject({ severity: 'error' });
    expect(cut.problems[0]?.message).toContain('truncated');
  });
});

describe('generic CSV', () => {
  it('should guess the columns of a semicolon-separated file and read it', () => {
    const plan = planOf(fixture('generic-semicolon.csv'));
    expect(plan.format).toBe('csv');
    expect(plan.items.map((i) => [i.key, i.title, i.state])).toEqual([
      ['T-1', 'Write the press release', 'done'],
      ['T-2', 'Book the venue; pay deposit', 'in_progress'],
      ['T-3', 'Send invitations', 'new'],
    ]);
    expect(plan.dependencies.map((d) => [d.item, d.dependsOn])).toEqual([['T-2', 'T-1']]);
  });

  it("should follow the user's columns and list separator", () => {
    const text = 'What,Who,Deps,When\nFirst,a@example.com,,2025-01-01\nSecond,,1|x,2025-01-02\n';
    const result = planImport({
      text,
      members: [],
      from: 'csv',
      edits: { columns: { title: 'What', assignee: 'Who', blockedBy: 'Deps', created: 'When' } },
    });
    if (result.kind !== 'plan') throw new Error('expected a plan');
    expect(result.plan.items.map((i) => [i.key, i.createdAt])).toEqual([
      ['row-2', '2025-01-01T00:00:00.000Z'],
      ['row-3', '2025-01-02T00:00:00.000Z'],
    ]);
    expect(result.plan.people).toEqual([
      expect.objectContaining({ key: 'a@example.com', match: { kind: 'invite', email: 'a@example.com' } }),
    ]);
  });

  it('should refuse a mapping that names a column the file does not have', () => {
    const result = planImport({
      text: 'A,B\n1,2\n',
      members: [],
      from: 'csv',
      edits: { columns: { title: 'Name' } },
    });
    expect(result.kind === 'plan' && result.summary.errors).toBe(1);
  });
});

describe('awkward files', () => {
  it('should report an empty file as an error and a header-only file as a warning', () => {
    const empty = planImport({ text: '', members: [], from: 'jira' });
    expect(empty.kind === 'plan' && empty.summary).toMatchObject({ items: 0, errors: 1 });
    const headerOnly = planImport({ text: 'Summary,Issue key,Status\r\n', members: [] });
    expect(headerOnly.kind === 'plan' && headerOnly.summary).toMatchObject({
      format: 'jira',
      items: 0,
      errors: 0,
    });
    expect(headerOnly.kind === 'plan' && headerOnly.summary.problems[0]?.message).toBe(
      'the file has a header but no rows',
    );
  });

  it('should report a quote that is never closed as an error with its row', () => {
    const { problems } = readCsvTable('Summary,Issue key\n"open quote,X-1\nB,X-2\n');
    expect(problems[0]).toMatchObject({ severity: 'error', message: 'a quoted cell is never closed' });
  });

  it('should refuse a Jira file without its key columns', () => {
    const result = planImport({ text: 'Title,Status\nA,Done\n', members: [], from: 'jira' });
    expect(result.kind === 'plan' && result.summary.problems[0]?.message).toBe(
      'the header has no Issue key or Summary column',
    );
  });

  it('should decode UTF-16 and Windows-1252 files', () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Summary,Issue key\nZoë,X-1\n', 'utf16le'),
    ]);
    expect(decodeImportBytes(utf16).text).toBe('Summary,Issue key\nZoë,X-1\n');
    const latin = Buffer.from([0x5a, 0x6f, 0xeb]); // "Zoë" in Windows-1252
    expect(decodeImportBytes(latin)).toEqual({ text: 'Zoë', note: expect.stringContaining('Windows-1252') });
  });
});

describe('the domain and the contract agree', () => {
  it('should list the same item states, types and field limits', () => {
    expect([...IMPORT_ITEM_STATES]).toEqual([...ITEM_STATES]);
    expect([...IMPORT_ITEM_TYPES]).toEqual([...ITEM_TYPES]);
    expect(IMPORT_LIMITS.titleChars).toBe(LIMITS.titleChars);
    expect(IMPORT_LIMITS.descriptionChars).toBe(LIMITS.descriptionChars);
    expect(IMPORT_LIMITS.labelsPerItem).toBe(LIMITS.labelsPerItem);
  });
});

describe('found by fuzzing', () => {
  it('should name a GitHub milestone whose title is blank after its number', () => {
    const plan = planOf(
      '[{"number":1,"title":"a","milestone":{"number":4,"title":" ","due_on":"2025-03-31T07:00:00Z"}}]',
    );
    expect(plan.items.find((i) => i.key === 'milestone-4')?.title).toBe('Milestone 4');
  });
});
