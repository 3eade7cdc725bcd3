import { openAs, post, signUp } from './api-accounts';
import { expect, test } from './csp';
import { rowOf, snapFull, watchConsole } from './helpers';

test('a founder creates a cycle, puts an item in it from the panel and sees it in the cycle', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Cy Founder', `cy-${run}@cycles.e2e.headway.dev`);
  const ws = (await post(founder, '/api/workspaces', { name: `Cycles ${run}` })) as {
    id: string;
    slug: string;
  };
  await post(founder, `/api/workspaces/${ws.id}/items`, {
    type: 'feature',
    title: 'Export to CSV',
    estimate: { optimistic: 1, likely: 2, pessimistic: 4 },
  });
  const page = await openAs(browser, baseURL, founder, `/w/${ws.slug}/cycles`);
  const errors = watchConsole(page);

  await test.step('the founder creates a cycle running today', async () => {
    await expect(page.getByRole('heading', { name: 'Cycles', level: 1 })).toBeVisible();
    await page.getByLabel('Cycle name').fill('Cycle 1');
    await page.getByRole('button', { name: 'Create cycle' }).click();
    const current = page.getByRole('region', { name: 'Current' });
    await expect(current.getByTestId('cycle')).toContainText('Cycle 1');
    await expect(current.getByTestId('cycle')).toContainText('0 items');
  });

  await test.step('the item panel puts the feature in the cycle', async () => {
    await page.getByRole('link', { name: 'Backlog', exact: true }).click();
    await rowOf(page, 'Export to CSV').getByRole('button', { name: 'Export to CSV' }).click();
    const panel = page.getByTestId('item-panel');
    await panel.getByLabel('Cycle').selectOption({ index: 1 });
    await expect(panel.getByLabel('Cycle')).toHaveValue(/.+/);
    await page.getByRole('button', { name: 'Close item' }).click();
  });

  await test.step('the cycle lists the item and counts it as committed', async () => {
    await page.getByRole('link', { name: 'Cycles', exact: true }).click();
    const cycle = page.getByRole('region', { name: 'Current' }).getByTestId('cycle');
    await expect(cycle.getByRole('list', { name: 'Items in Cycle 1' })).toContainText('Export to CSV');
    await expect(cycle).toContainText('1 item · 2.0 d');
    await snapFull(page, 'cycles');
  });

  expect(errors).toEqual([]);
});
