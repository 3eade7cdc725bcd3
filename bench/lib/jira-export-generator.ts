/**
 * A synthetic Jira Server CSV export for the import benchmark: the real header shape (repeated
 * Labels, Sprint, Component/s and Outward issue link (Blocks) columns, Parent id, Epic Link,
 * Story Points, estimates in seconds, `DD/MMM/YY h:mm A` dates) and wiki-markup descriptions
 * with commas, quotes and newlines. Deterministic for a seed.
 */

import Papa from 'papaparse';
import { createSmallRandom, MS_PER_DAY } from '../../src/domain/shared';

/** The columns of a Jira Server CSV export, repeated ones included, in the order Jira writes them. */
export const JIRA_SERVER_HEADER = [
  'Summary',
  'Issue key',
  'Issue id',
  'Parent id',
  'Issue Type',
  'Status',
  'Project key',
  'Project name',
  'Priority',
  'Resolution',
  'Assignee',
  'Reporter',
  'Creator',
  'Created',
  'Updated',
  'Resolved',
  'Component/s',
  'Component/s',
  'Fix Version/s',
  'Due Date',
  'Description',
  'Original Estimate',
  'Remaining Estimate',
  'Time Spent',
  'Labels',
  'Labels',
  'Sprint',
  'Sprint',
  'Outward issue link (Blocks)',
  'Outward issue link (Blocks)',
  'Inward issue link (Relates)',
  'Custom field (Epic Link)',
  'Custom field (Epic Name)',
  'Custom field (Story Points)',
  'Comment',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PEOPLE = [
  'Zoë Ångström',
  "Sam O'Brien",
  '李雷',
  'Ana Müller',
  'Kwame Mensah',
  'Chloé Dubois',
  'dana@example.com',
];
const STATUSES: [string, string][] = [
  ['Done', 'Done'],
  ['Done', 'Done'],
  ['Done', 'Done'],
  ['Closed', "Won't Do"],
  ['In Progress', ''],
  ['In Review', ''],
  ['To Do', ''],
  ['Backlog', ''],
];
const POINTS = ['1', '2', '3', '5', '8', '13', ''];

/** A time as Jira Server writes it in a CSV export: `DD/MMM/YY h:mm A`, in UTC. */
export function formatJiraDate(ms: number): string {
  const d = new Date(ms);
  const hour = d.getUTCHours();
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${String(d.getUTCDate()).padStart(2, '0')}/${MONTHS[d.getUTCMonth()]}/${String(d.getUTCFullYear() % 100).padStart(2, '0')} ${h12}:${String(d.getUTCMinutes()).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
}

/**
 * Generates the export.
 * @param rows number of issues; @param seed the random seed
 * @returns the CSV text
 */
export function generateJiraExport(rows: number, seed = 1): string {
  const random = createSmallRandom(seed).nextFloat;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const start = Date.UTC(2023, 0, 2, 9, 0);
  const records: string[][] = [JIRA_SERVER_HEADER];
  let epicKey = '';
  let storyId = '';
  for (let n = 1; n <= rows; n++) {
    const key = `PRJ-${n}`;
    const id = String(10_000 + n);
    const created = start + n * 25 * 60_000;
    const kind = n % 50 === 1 ? 'Epic' : n % 10 === 0 ? 'Sub-task' : pick(['Story', 'Story', 'Task', 'Bug']);
    const [status, resolution] = pick(STATUSES);
    const resolved = resolution ? created + Math.floor(1 + random() * 20) * MS_PER_DAY : 0;
    const estimate = random() < 0.4 ? String(Math.floor(1 + random() * 16) * 3600) : '';
    const spent =
      estimate && resolution === 'Done' ? String(Math.floor(Number(estimate) * (0.6 + random() * 1.2))) : '';
    const blocks = random() < 0.15 && n + 5 <= rows ? `PRJ-${n + 1 + Math.floor(random() * 4)}` : '';
    const row = [
      `${pick(['Fix', 'Add', 'Improve', 'Remove'])} ${pick(['checkout', 'login', 'search', 'export'])}, step ${n} "${pick(['fast', 'safe'])}"`,
      key,
      id,
      kind === 'Sub-task' ? storyId : '',
      kind,
      status,
      'PRJ',
      'Project',
      pick(['Highest', 'High', 'Medium', 'Low']),
      resolution,
      pick(PEOPLE),
      pick(PEOPLE),
      pick(PEOPLE),
      formatJiraDate(created),
      formatJiraDate(resolved || created + 3_600_000),
      resolved ? formatJiraDate(resolved) : '',
      pick(['Web', 'API', 'Mobile']),
      random() < 0.3 ? 'Backend' : '',
      random() < 0.5 ? '2025.1' : '',
      random() < 0.2 ? formatJiraDate(created + 30 * MS_PER_DAY).split(' ')[0]! : '',
      `h3. Context\nAs a user I want *${n}* done, with _care_.\n* point one, with a comma\n* point "two"\n{code}\nlet x = ${n};\n{code}\nSee [docs|https://example.com/${n}]`,
      estimate,
      '',
      spent,
      pick(['backend', 'frontend', 'ux']),
      random() < 0.3 ? 'tech-debt' : '',
      `Sprint ${Math.floor(n / 200)}`,
      random() < 0.2 ? `Sprint ${Math.floor(n / 200) + 1}` : '',
      blocks,
      '',
      random() < 0.05 ? `PRJ-${Math.max(1, n - 3)}` : '',
      kind !== 'Epic' && kind !== 'Sub-task' && epicKey ? epicKey : '',
      kind === 'Epic' ? `Epic ${n}` : '',
      kind === 'Sub-task' ? '' : pick(POINTS),
      `${formatJiraDate(created)};someone;A comment, with commas`,
    ];
    if (kind === 'Epic') epicKey = key;
    if (kind === 'Story') storyId = id;
    records.push(row);
  }
  return Papa.unparse(records, { newline: '\r\n' });
}
