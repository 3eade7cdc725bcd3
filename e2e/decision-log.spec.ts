import { buildDemoWorkspace } from '../src/server/demo/demo-workspace';
import { importWithTeam, openAs, signUp } from './api-accounts';
import { expect, test } from './csp';
import { snap, watchConsole } from './helpers';

test('a founder sees what waits on whom, then filters and exports the decision log', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Fay Founder', `fay-${run}@log.e2e.headway.dev`);
  const data = buildDemoWorkspace(new Date());
  data.workspace.name = `Log Co ${run}`;
  const ws = await importWithTeam(baseURL, { request: founder.api, csrf: founder.csrf }, data);

  const page = await openAs(browser, baseURL, founder, `/w/${ws.slug}/inbox`);
  const errors = watchConsole(page);

  await test.step('the founder opens what waits on whom from the inbox', async () => {
    await page.getByRole('link', { name: 'What waits on whom' }).click();
    await expect(page.getByRole('heading', { name: 'What waits on whom', level: 1 })).toBeVisible();
    const sam = page.getByTestId('waiting-person').filter({ hasText: 'Sam Chen' });
    await expect(sam.getByTestId('waiting-group').first()).toContainText(
      /\d+ estimates? waiting for up to \d+ days?/,
    );
    const dana = page.getByTestId('waiting-person').filter({ hasText: 'Dana Kowalski' });
    await expect(dana).toContainText(/items? to place in the order waiting/);
    await expect(dana).toContainText(/scope questions? waiting/);
    await snap(page, 'waiting-on-whom');
    await sam.getByRole('link', { name: 'Estimate them' }).click();
    await expect(page).toHaveURL(/\/estimation\/sessions/);
  });

  await test.step('the founder opens the decision log and filters it', async () => {
    await page.getByRole('link', { name: 'Decisions' }).click();
    await expect(page.getByRole('heading', { name: 'Decision log', level: 1 })).toBeVisible();
    const rows = page.getByTestId('decision-row');
    await expect(rows.first()).toBeVisible();
    await page.getByLabel('Decision', { exact: true }).selectOption({ label: 'Delivery dates' });
    await expect(rows).toHaveCount(3);
    await expect(page.getByTestId('decision-table')).toContainText('Moved the committed target date');
    await page.getByLabel('Search the decisions').fill('payment provider');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('“The payment provider moved the launch of its invoicing API');
    await expect(page).toHaveURL(/decision=delivery_dates/);
    await snap(page, 'decision-log-filtered');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Sam Chen' });
    // Sam's decisions came with the imported file: they keep its attribution, to his address.
    await expect(rows.first()).toContainText(/sam@\S+ in the imported file/);
    expect(await rows.count()).toBeGreaterThan(3);
    for (const who of await rows.locator('td:nth-child(3)').allTextContents()) {
      expect(who).toMatch(/^(Sam Chen|sam@\S+ in the imported file)$/);
    }
  });

  await test.step('the CSV export holds the filtered log', async () => {
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toMatch(/decisions\.csv\?actorId=/);
    const csv = await page.request.get(href as string);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('when,decision,person,item,item title,summary,why,amends');
    expect(text).toMatch(/sam@\S+ in the imported file/);
    expect(text).not.toContain('Dana Kowalski');
  });

  expect(errors).toEqual([]);
});
