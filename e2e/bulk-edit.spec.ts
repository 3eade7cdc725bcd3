import { expect, test } from './csp';
import { PASSWORD, snap, watchConsole } from './helpers';

test('a founder selects several items and assigns and labels them at once', async ({ page }) => {
  const run = Date.now().toString(36);
  const errors = watchConsole(page);
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Bo Bulk');
  await page.getByLabel('Email').fill(`bo-${run}@bulk.e2e.headway.dev`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('New workspace name').fill('Bo’s startup');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByTestId('getting-started').getByRole('button', { name: 'Add sample data' }).click();
  const rows = page.getByTestId('backlog-row');
  await expect(rows.first()).toBeVisible();

  const picked: string[] = [];
  for (const i of [2, 3, 4]) {
    const row = rows.nth(i);
    picked.push((await row.locator('.cell-number').textContent()) ?? '');
    await row.getByRole('checkbox').click();
  }
  const bar = page.getByRole('group', { name: 'Bulk actions' });
  await expect(bar).toContainText('3 selected');

  await test.step('assign all three to the founder', async () => {
    await bar.getByLabel('Assign selected items').selectOption({ label: 'Bo Bulk' });
    await expect(page.getByTestId('toast').filter({ hasText: '3 items assigned to Bo Bulk' })).toBeVisible();
    for (const number of picked) {
      const row = rows.filter({ has: page.locator('.cell-number', { hasText: new RegExp(`^${number}$`) }) });
      await expect(row.locator('.cell-assignee')).toHaveText('Bo Bulk');
    }
  });

  await test.step('label all three, and find them by the label', async () => {
    await bar.getByLabel('Label for selected items').fill('beta');
    await bar.getByRole('button', { name: 'Label', exact: true }).click();
    await expect(page.getByTestId('toast').filter({ hasText: 'Labelled 3 items “beta”' })).toBeVisible();
    await snap(page, 'bulk-edit');
    await page.getByRole('textbox', { name: 'Label', exact: true }).fill('beta');
    await expect
      .poll(async () => (await rows.locator('.cell-number').allTextContents()).sort())
      .toEqual([...picked].sort());
  });

  expect(errors).toEqual([]);
});
