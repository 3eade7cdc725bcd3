import { expect, test } from './csp';
import { PASSWORD, snap, watchConsole } from './helpers';

const PAGES = [
  'Backlog',
  'Board',
  'Inbox',
  'Estimation',
  'Decisions',
  'Team',
  'Roadmap',
  'Forecasts',
  'Prioritize',
  'Assessment',
];

test('on a wide screen the sidebar lists every page and there is no menu button', async ({ page }) => {
  const run = Date.now().toString(36);
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Wi Wide');
  await page.getByLabel('Email').fill(`wi-${run}@mobile.e2e.headway.dev`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('New workspace name').fill('Wi’s workspace');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/backlog/);
  await expect(page.locator('button[aria-controls="workspace-menu"]')).toBeHidden();
  const nav = page.getByRole('navigation', { name: 'Workspace' });
  for (const name of PAGES) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
});

test('on a phone the sidebar is a menu button, and every page is reachable from it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const run = Date.now().toString(36);
  const errors = watchConsole(page);
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Mo Mobile');
  await page.getByLabel('Email').fill(`mo-${run}@mobile.e2e.headway.dev`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('New workspace name').fill('Mo’s workspace');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/backlog/);

  // Its name says what a press does: Menu, or Close once open.
  const menu = page.locator('button[aria-controls="workspace-menu"]');
  const nav = page.getByRole('navigation', { name: 'Workspace' });
  await test.step('the navigation is folded behind the menu button', async () => {
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toHaveText('Menu');
    await expect(nav).toBeHidden();
    await snap(page, 'mobile-closed');
  });

  await test.step('every page opens from the menu, which closes behind it', async () => {
    for (const name of PAGES) {
      await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(menu).toHaveText('Close');
      await expect(nav).toBeVisible();
      if (name === 'Backlog') await snap(page, 'mobile-menu-open');
      await nav.getByRole('link', { name, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/w/[^/]+/${name.toLowerCase()}`));
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expect(nav).toBeHidden();
      await expect(page.getByRole('link', { name, exact: true })).toBeHidden();
    }
    await snap(page, 'mobile-last-page');
  });

  await test.step('Escape closes the menu, and the account actions are in it', async () => {
    await menu.click();
    await expect(page.getByRole('link', { name: 'API tokens' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
  });

  expect(errors).toEqual([]);
});
