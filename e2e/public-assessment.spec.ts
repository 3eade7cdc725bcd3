import { readFileSync } from 'node:fs';
import { HOSTILE_SINK } from '../test/support/hostile-strings';
import { expect, test } from './csp';
import { PASSWORD } from './helpers';

/** Contact details a visitor may type: they must show as text wherever they appear. */
const HOSTILE_NAME = `"><img src=x onerror=${HOSTILE_SINK}(2)>`;
const HOSTILE_COMPANY = `<script>${HOSTILE_SINK}(1)</script>`;

test('a visitor without an account takes a published assessment and becomes a lead of its publisher', async ({
  page,
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  let address = '';
  const executions: string[] = [];
  await page.context().exposeBinding(HOSTILE_SINK, (_source, n: unknown) => {
    executions.push(`${HOSTILE_SINK}(${String(n)})`);
  });

  await test.step('a fractional CPO publishes the assessment from the settings', async () => {
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Dana Practice');
    await page.getByLabel('Email').fill('dana@public-assessment.e2e.headway.dev');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByLabel('New workspace name').fill('Northwind Advisory');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('link', { name: 'Public links' }).click();
    await expect(page.getByRole('heading', { name: 'Published assessment' })).toBeVisible();
    await page.getByLabel('Where it goes').fill('Website');
    await page.getByRole('button', { name: 'Publish link' }).click();
    address = await page.getByTestId('new-link').inputValue();
    expect(address).toMatch(/\/a\/hwa_[A-Za-z0-9_-]{43}$/);
  });

  const visitorContext = await browser.newContext({ baseURL });
  const visitor = await visitorContext.newPage();

  await test.step('the visitor answers, and the progress survives a reload', async () => {
    await visitor.goto(address);
    await expect(visitor.getByTestId('publisher')).toHaveText('Published by Northwind Advisory');
    const questions = visitor.getByRole('group');
    await questions.nth(0).getByRole('radio').first().check();
    await questions.nth(1).getByRole('radio').first().check();
    await expect(visitor.getByTestId('answered')).toContainText('2 of');
    await visitor.reload();
    await expect(visitor.getByTestId('answered')).toContainText('2 of');
    await expect(questions.nth(0).getByRole('radio').first()).toBeChecked();
  });

  await test.step('the visitor reads the report and downloads the PDF', async () => {
    await visitor.getByRole('button', { name: 'See my report' }).click();
    await expect(visitor.getByRole('heading', { name: 'Your development setup assessment' })).toBeVisible();
    await expect(visitor.getByRole('heading', { name: 'Growth plan' })).toBeVisible();
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      visitor.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  });

  await test.step('the visitor agrees to share and gives an e-mail', async () => {
    await visitor.getByLabel('E-mail', { exact: true }).fill('founder@prospect.e2e.headway.dev');
    await visitor.getByLabel('Name (optional)').fill(HOSTILE_NAME);
    await visitor.getByLabel('Company (optional)').fill(HOSTILE_COMPANY);
    await visitor.getByRole('checkbox', { name: /may keep my answers/ }).check();
    await visitor.getByRole('button', { name: /Share my answers/ }).click();
    await expect(visitor.getByRole('heading', { name: 'Shared with Northwind Advisory' })).toBeVisible();
  });

  await test.step('the lead appears in the publishing workspace with its answers', async () => {
    await page.reload();
    const leads = page.getByTestId('lead-list');
    await expect(leads).toContainText('founder@prospect.e2e.headway.dev');
    await expect(leads).toContainText(HOSTILE_NAME);
    await expect(leads).toContainText(HOSTILE_COMPANY);
    expect(executions).toEqual([]);
    await leads.getByText('founder@prospect.e2e.headway.dev').click();
    await expect(leads.locator('dt').first()).toBeVisible();
    await expect(page.getByTestId('link-table')).toContainText('Website');
  });

  await test.step('the visitor creates a workspace prefilled from the answers', async () => {
    await visitor.getByRole('button', { name: 'Create your workspace from these answers' }).click();
    await visitor.getByLabel('Name').fill('Pat Prospect');
    await visitor.getByLabel('Email').fill('pat@prospect.e2e.headway.dev');
    await visitor.getByLabel('Password').fill(PASSWORD);
    await visitor.getByRole('button', { name: 'Create account' }).click();
    await visitor.getByLabel('Company workspace name').fill('Prospect Ltd');
    await visitor.getByRole('button', { name: 'Create workspace from my answers' }).click();
    await expect(visitor.getByRole('heading', { name: 'Prospect Ltd is ready' })).toBeVisible();
    await visitor.getByRole('link', { name: 'Open the workspace' }).click();
    await expect(visitor.getByRole('heading', { name: /Assessment #1/ })).toBeVisible();
  });

  await test.step('a revoked link answers 404', async () => {
    await page.getByRole('button', { name: 'Revoke Website' }).click();
    await page.getByRole('button', { name: 'Revoke link' }).click();
    await expect(page.getByText('No published links.')).toBeVisible();
    const token = address.split('/a/')[1] ?? '';
    const api = await visitor.request.get(`/api/public/assessments/${token}`);
    expect(api.status()).toBe(404);
    await visitor.goto(address);
    await expect(visitor.getByRole('heading', { name: 'This assessment is not available' })).toBeVisible();
  });
  await visitorContext.close();
});
