import { openAs, post, signUp } from './api-accounts';
import { expect, test } from './csp';
import { PASSWORD, rowOf, snap, snapFull, watchConsole } from './helpers';

const DAY = 86_400_000;
const jiraTime = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** 24 stories finished over the last seven weeks: the history a throughput forecast learns from. */
const HISTORY = Array.from({ length: 24 }, (_, i) => {
  const resolved = Date.now() - (50 - 2 * i) * DAY;
  return `Shipped story ${i + 1},WEB-${100 + i},${10100 + i},Story,Done,Done,Medium,${jiraTime(resolved - 3 * DAY)},${jiraTime(resolved)},2`;
});

/** A Jira export: a custom status to map, a row whose points cannot be read (a warning), and history. */
const JIRA_CSV = [
  'Summary,Issue key,Issue id,Issue Type,Status,Status Category,Priority,Created,Resolved,Custom field (Story Points)',
  'Sign-in page,WEB-1,10001,Story,Done,Done,Medium,2025-03-03 09:00,2025-03-07 17:00,3',
  'Password reset,WEB-2,10002,Story,Ready for sign-off,In Progress,High,2025-03-04 09:00,,5',
  'Audit trail,WEB-3,10003,Task,To Do,To Do,Low,2025-03-05 09:00,,lots',
  'Export to PDF,WEB-4,10004,Bug,In Progress,In Progress,Medium,2025-03-06 09:00,,2',
  'Session timeout,WEB-5,10005,Story,Ready for QA,In Progress,Medium,2025-03-06 10:00,,1',
  ...HISTORY,
].join('\n');
const ITEMS = 5 + HISTORY.length;

test('a founder imports a Jira file into the workspace after adjusting the state mapping', async ({
  page,
}) => {
  const run = Date.now().toString(36);
  const errors = watchConsole(page);

  await test.step('a founder signs up, creates a workspace and opens Settings → Import', async () => {
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Ines Founder');
    await page.getByLabel('Email').fill(`ines-${run}@import.e2e.headway.dev`);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByLabel('New workspace name').fill('Ines Co');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expect(page).toHaveURL(/\/w\/[^/]+\/backlog/);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Import' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
    await expect(page.getByRole('radio', { name: /This workspace/ })).toBeChecked();
  });

  await test.step('the file is read at once: format, counts, the warning and the proposed mapping', async () => {
    await page.getByLabel('Choose a file, or drop it here').setInputFiles({
      name: 'jira-export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(JIRA_CSV),
    });
    await expect(page.getByTestId('import-file')).toHaveText(
      `jira-export.csv (${(JIRA_CSV.length / 1024).toFixed(1)} KB)`,
    );
    await expect(page.getByLabel('Read the file as')).toHaveValue('');
    await expect(page.getByLabel('Read the file as').locator('option:checked')).toHaveText(
      'Detected: Jira CSV',
    );
    const counts = page.getByTestId('import-counts');
    await expect(counts.getByRole('definition').first()).toHaveText(String(ITEMS));
    const problem = page.getByTestId('import-problems').getByRole('row', { name: /lots/ });
    await expect(problem).toContainText('Warning');
    await expect(problem).toContainText('4');
    await expect(problem).toContainText('Custom field (Story Points)');
    await expect(page.getByLabel('Headway state for Ready for QA')).toHaveValue('in_review');
    await expect(page.getByLabel('Headway state for Ready for sign-off')).toHaveValue('in_progress');
    await expect(page.getByLabel('Headway type for Story')).toHaveValue('feature');
    await snapFull(page, 'import-dry-run');
  });

  await test.step('mapping “Ready for sign-off” to In review runs the dry run again with the edit', async () => {
    // The file goes up as a multipart upload; the answer shows the mapping edit applied.
    const rerun = page.waitForResponse(
      async (r) =>
        r.url().includes('/import?dryRun=true') &&
        (r.request().headers()['content-type'] ?? '').startsWith('multipart/form-data') &&
        ((await r.json()) as { summary: { mapping: { states: Record<string, string> } } }).summary.mapping
          .states['Ready for sign-off'] === 'in_review',
    );
    await page.getByLabel('Headway state for Ready for sign-off').selectOption({ label: 'In review' });
    await rerun;
    await expect(page.getByLabel('Headway state for Ready for sign-off')).toHaveValue('in_review');
    // A warning does not block: the row is imported without its points.
    await expect(page.getByRole('button', { name: `Import ${ITEMS} items` })).toBeEnabled();
  });

  await test.step('the import reports what it created and links to the backlog and the forecast', async () => {
    await page.getByRole('button', { name: `Import ${ITEMS} items` }).click();
    await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
    await expect(page.getByTestId('import-result')).toContainText(`${ITEMS} created`);
    await expect(page.getByTestId('import-result')).toContainText('0 updated');
    await expect(page.getByRole('link', { name: 'See the throughput forecast' })).toHaveAttribute(
      'href',
      /\/w\/[^/]+\/forecasts$/,
    );
    await snap(page, 'import-done');
  });

  await test.step('the backlog holds the imported items in their mapped states', async () => {
    await page.getByRole('link', { name: 'Open the backlog' }).click();
    await expect(page).toHaveURL(/\/w\/[^/]+\/backlog/);
    await expect(rowOf(page, 'Password reset')).toBeVisible();
    await expect(rowOf(page, 'Password reset').locator('select.state-select')).toHaveValue('in_review');
    await expect(rowOf(page, 'Export to PDF').locator('select.state-select')).toHaveValue('in_progress');
    await expect(rowOf(page, 'Audit trail')).toBeVisible();
    await snap(page, 'import-backlog');
  });

  await test.step('the throughput forecast answers from the imported history', async () => {
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Forecasts' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Forecasts' })).toBeVisible();
    await page.getByText('The next N items').click();
    await page.getByRole('spinbutton', { name: 'When will this many items be done?' }).fill('10');
    await page.getByRole('button', { name: 'Forecast', exact: true }).click();
    await expect(page.getByTestId('forecast-headline')).toContainText('85% likely by');
    // 24 imported completions in the last 90 days: enough to forecast, too few past forecasts to calibrate.
    await expect(page.getByTestId('forecast-calibration')).toContainText(/^(Calibrating|Calibrated)/);
    await snap(page, 'import-forecasts');
  });

  expect(errors).toEqual([]);
});

test('a developer who does not decide the scope sees the refusal naming who does, in place', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Omar Founder', `omar-${run}@import.e2e.headway.dev`);
  const workspace = (await post(founder, '/api/workspaces', { name: 'Omar Co' })) as {
    id: string;
    slug: string;
  };
  const invitation = (await post(founder, `/api/workspaces/${workspace.id}/invitations`, {
    role: 'developer',
  })) as { token: string };
  const developer = await signUp(baseURL, 'Dev Eloper', `dev-${run}@import.e2e.headway.dev`);
  await post(developer, '/api/invitations/accept', { token: invitation.token });

  const page = await openAs(browser, baseURL, developer, `/w/${workspace.slug}/settings/import`);
  await page.getByLabel('Choose a file, or drop it here').setInputFiles({
    name: 'jira-export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(JIRA_CSV),
  });
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('Omar Founder');
  await expect(refusal).toContainText(/belongs? to/);
  await expect(page.getByRole('button', { name: /^Import \d+ items?$/ })).toHaveCount(0);
  await snap(page, 'import-refused');
  await page.context().close();
});

test('a file becomes a new workspace with the name given, and its backlog opens', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Kai Founder', `kai-${run}@import.e2e.headway.dev`);
  const workspace = (await post(founder, '/api/workspaces', { name: 'Kai Co' })) as { slug: string };
  const page = await openAs(browser, baseURL, founder, `/w/${workspace.slug}/settings/import`);
  await page.getByRole('radio', { name: 'A new workspace' }).check();
  await page.getByLabel('Choose a file, or drop it here').setInputFiles({
    name: 'jira-export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(JIRA_CSV),
  });
  const confirm = page.getByRole('button', { name: `Import ${ITEMS} items` });
  await expect(confirm).toBeDisabled();
  await expect(page.getByText('Name the new workspace first.')).toBeVisible();
  await page.getByLabel('Name of the new workspace').fill('Kai from Jira');
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(
    page.getByRole('heading', { name: `Workspace “Kai from Jira” created with ${ITEMS} items` }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Open the backlog' }).click();
  await expect(page).toHaveURL(/\/w\/kai-from-jira[^/]*\/backlog/);
  await expect(rowOf(page, 'Password reset')).toBeVisible();
  await page.context().close();
});

test('a large file shows the upload and the rows being checked, then its report', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Lea Founder', `lea-${run}@import.e2e.headway.dev`);
  const workspace = (await post(founder, '/api/workspaces', { name: 'Lea Co' })) as { slug: string };
  const page = await openAs(browser, baseURL, founder, `/w/${workspace.slug}/settings/import`);
  const rows = Array.from(
    { length: 8_000 },
    (_, i) =>
      `Story number ${i + 1} with a longer title,BIG-${i + 1},${20000 + i},Story,To Do,To Do,Medium,2025-03-03 09:00,,3`,
  );
  await page.getByLabel('Choose a file, or drop it here').setInputFiles({
    name: 'large-export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([JIRA_CSV.split('\n')[0], ...rows].join('\n')),
  });
  const bar = page.getByRole('progressbar', { name: 'Uploading the file' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/);
  await expect(page.getByTestId('import-counts').getByRole('definition').first()).toHaveText('8000');
  await expect(bar).toHaveCount(0);
  await page.context().close();
});
