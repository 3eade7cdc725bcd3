import { openAs, post, signUp } from './api-accounts';
import { expect, test } from './csp';
import { snap, watchConsole } from './helpers';

test('a founder saves a shared view of the backlog; a developer applies it and is told who may delete it', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Alex Founder', `alex-${run}@views.e2e.headway.dev`);
  const ws = (await post(founder, '/api/workspaces', { name: `Views ${run}` })) as {
    id: string;
    slug: string;
  };
  const w = `/api/workspaces/${ws.id}`;
  const items = [
    { type: 'bug', title: 'Crash on save' },
    { type: 'feature', title: 'Export to CSV' },
    { type: 'bug', title: 'Login loops' },
    { type: 'feature', title: 'Dark mode' },
  ];
  for (const item of items) await post(founder, `${w}/items`, item);
  const invite = (await post(founder, `${w}/invitations`, { role: 'developer', fte: 1, skills: [] })) as {
    token: string;
  };
  const developer = await signUp(baseURL, 'Jo Developer', `jo-${run}@views.e2e.headway.dev`);
  await post(developer, '/api/invitations/accept', { token: invite.token });

  const page = await openAs(browser, baseURL, founder, `/w/${ws.slug}/backlog`);
  const errors = watchConsole(page);
  const rows = page.getByTestId('backlog-row');
  const picker = page.getByLabel('Saved view');
  const bugsOnly = ['Crash on save', 'Login loops'];

  await test.step('the founder filters to bugs and saves the filter as a shared view', async () => {
    await expect(rows).toHaveCount(4);
    await page.getByLabel('Type', { exact: true }).selectOption('bug');
    await expect(rows).toHaveCount(2);
    await expect(picker.locator('option:checked')).toHaveText('Unsaved filters');
    await page.getByRole('button', { name: 'Save view…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save view' });
    await expect(dialog.getByTestId('saved-view-summary')).toHaveText('Keeps: type Bug');
    await dialog.getByLabel('Name').fill('Bugs to fix');
    await dialog.getByLabel(`Everyone in Views ${run}`).check();
    await snap(page, 'saved-views-save');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await expect(dialog).toBeHidden();
    await expect(picker.locator('option:checked')).toHaveText('Bugs to fix');
    await expect(page.getByTestId('active-view')).toHaveText('Shared by Alex Founder');
  });

  await test.step('clearing the filters shows everything; picking the view brings the bugs back', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(rows).toHaveCount(4);
    await expect(picker.locator('option:checked')).toHaveText('All items');
    // A search typed before picking the view gives way to the view's filters, and stays gone.
    await page.getByLabel('Search', { exact: true }).fill('Dark');
    await expect(rows).toHaveCount(1);
    await picker.selectOption({ label: 'Bugs to fix' });
    await expect(rows).toHaveCount(2);
    await expect(page.getByLabel('Search', { exact: true })).toHaveValue('');
    await page.waitForTimeout(600);
    await expect(rows).toHaveCount(2);
    await expect(rows.getByRole('button', { name: /^(Crash on save|Login loops)$/ })).toHaveText(bugsOnly);
    await expect(page.getByLabel('Type', { exact: true })).toHaveValue('bug');
    expect(new URL(page.url()).searchParams.get('type')).toBe('bug');
    await snap(page, 'saved-views-applied');
  });

  const devPage = await openAs(browser, baseURL, developer, `/w/${ws.slug}/backlog`);
  const devErrors = watchConsole(devPage);

  await test.step('the developer sees the shared view, applies it, and is told who may delete it', async () => {
    const devRows = devPage.getByTestId('backlog-row');
    await expect(devRows).toHaveCount(4);
    const devPicker = devPage.getByLabel('Saved view');
    await devPicker.selectOption({ label: 'Bugs to fix' });
    await expect(devRows).toHaveCount(2);
    const who = 'Only Alex Founder, who saved it, or a founder can rename or delete “Bugs to fix”';
    await expect(devPage.getByTestId('saved-view-rights')).toHaveText(who);
    // The button stays (aria-disabled, still focusable): pressing it says the same, and nothing is deleted.
    await devPage.getByRole('button', { name: 'Delete the view “Bugs to fix”' }).focus();
    await devPage.keyboard.press('Enter');
    await expect(devPage.getByTestId('toast').filter({ hasText: who })).toBeVisible();
    await expect(devPage.getByRole('dialog')).toHaveCount(0);
    await expect(devPicker.locator('option:checked')).toHaveText('Bugs to fix');
    await snap(devPage, 'saved-views-developer');
  });

  await test.step('the founder renames the view, then deletes it after confirming', async () => {
    await page.getByRole('button', { name: 'Rename the view “Bugs to fix”' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename “Bugs to fix”' });
    await rename.getByLabel('Name').fill('Open bugs');
    await rename.getByRole('button', { name: 'Rename view' }).click();
    await expect(picker.locator('option:checked')).toHaveText('Open bugs');
    await page.getByRole('button', { name: 'Delete the view “Open bugs”' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the view “Open bugs”?' });
    await expect(confirm).toContainText('It disappears for everyone in the workspace');
    await confirm.getByRole('button', { name: 'Delete view' }).click();
    await expect(confirm).toBeHidden();
    await expect(picker.locator('option', { hasText: 'Open bugs' })).toHaveCount(0);
    // The filters stay as they were: only the name is gone.
    await expect(rows).toHaveCount(2);
    await expect(picker.locator('option:checked')).toHaveText('Unsaved filters');
  });

  expect(errors).toEqual([]);
  expect(devErrors).toEqual([]);
});
