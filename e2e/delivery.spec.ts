import { buildDemoWorkspace } from '../src/server/demo/demo-workspace';
import { importWithTeam, openAs, signUp } from './api-accounts';
import { expect, test } from './csp';
import { snap, snapFull, watchConsole } from './helpers';

test('a founder reads how old work in progress is against finished work, opens the CFD and filters by person', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Flo Founder', `flo-${run}@delivery.e2e.headway.dev`);
  const data = buildDemoWorkspace(new Date());
  data.workspace.name = `Delivery Co ${run}`;
  const ws = await importWithTeam(baseURL, { request: founder.api, csrf: founder.csrf }, data);
  const page = await openAs(browser, baseURL, founder, `/w/${ws.slug}/backlog`);
  const errors = watchConsole(page);

  await test.step('the Delivery page shows cycle-time percentiles and aging work against them', async () => {
    await page.getByRole('link', { name: 'Delivery' }).click();
    await expect(page.getByRole('heading', { name: 'Delivery', level: 1 })).toBeVisible();
    await expect(page.getByText(/first entry into a started state/)).toBeVisible();
    await expect(page.getByTestId('cycle-percentiles')).toContainText(/85% within\s*\d+(\.\d)? d/);
    const rows = page.getByTestId('aging-row');
    await expect(rows.first()).toBeVisible();
    // Oldest first: the percentiles never rise down the list, and the demo's work spreads across them.
    const shares = (await rows.getByTestId('aging-percentile').allTextContents()).map((text) =>
      Number(/older than (\d+) % of finished work/.exec(text)?.[1]),
    );
    expect(shares.every((s) => Number.isFinite(s))).toBe(true);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(shares[0]).toBeGreaterThan(shares.at(-1)!);
    await expect(page.locator('.recharts-scatter-symbol').first()).toBeVisible();
    // The demo's workflow marks its Blocked state: the time finished work spent there is measured.
    await expect(page.getByTestId('time-not-worked')).toContainText(
      /Blocked \(\d+ finished items\)\s*\d+(\.\d)? d/,
    );
    await snapFull(page, 'delivery');
  });

  await test.step('the cumulative flow diagram opens with a band per state, Blocked included', async () => {
    await page.getByText('Cumulative flow', { exact: true }).click();
    const cfd = page.getByTestId('cfd-chart');
    await expect(cfd).toBeVisible();
    await expect(cfd.locator('.recharts-area')).toHaveCount(7);
    await cfd.scrollIntoViewIfNeeded();
    await snap(page, 'delivery-cfd');
  });

  await test.step('filtering by a person keeps only their work', async () => {
    await page.getByLabel('Person').selectOption({ label: 'Luis Ortega' });
    await expect(page).toHaveURL(/person=luis%40/);
    await expect(page.getByText(/Luis Ortega’s work/)).toBeVisible();
    const assignees = await page.getByTestId('aging-row').locator('td:nth-child(3)').allTextContents();
    expect(assignees.length).toBeGreaterThan(0);
    expect(new Set(assignees)).toEqual(new Set(['Luis Ortega']));
    await snapFull(page, 'delivery-person');
  });

  expect(errors).toEqual([]);
});
