import { expect, test } from './csp';
import { PASSWORD, snap, watchConsole } from './helpers';

// Every page a signed-out visitor can land on, public or not (the others send them to sign in).
const PAGES = [
  '/',
  '/signin',
  '/signup',
  '/join/an-invitation-token',
  '/workspaces',
  '/w/some-workspace/backlog',
  '/w/some-workspace/forecasts',
  '/w/some-workspace/team',
  '/w/some-workspace/settings/tokens',
  '/w/some-workspace/settings/import',
];

async function visitAll(page: import('@playwright/test').Page, label: string): Promise<string[]> {
  const errors = watchConsole(page);
  const refused: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/') && r.status() >= 400) refused.push(`${r.status()} ${r.url()}`);
  });
  for (const path of PAGES) {
    await page.goto(path);
    if (path.startsWith('/join') || path === '/signup') {
      await expect(page.getByRole('button', { name: 'Create account' })).toBeVisible();
    } else {
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    }
  }
  await snap(page, `signed-out-${label}`);
  return [...errors, ...refused];
}

test('a visitor who never signed in sees no console error and no refused request on any page', async ({
  page,
}) => {
  expect(await visitAll(page, 'visitor')).toEqual([]);
});

test('a person who signed out sees no console error on any page', async ({ page }) => {
  const run = Date.now().toString(36);
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Sol Signed-Out');
  await page.getByLabel('Email').fill(`sol-${run}@signed-out.e2e.headway.dev`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Workspaces' })).toBeVisible();
  await page.getByLabel('New workspace name').fill('Sol’s workspace');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/backlog/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await visitAll(page, 'after-sign-out')).toEqual([]);
});

test('an expired session is refused once, and the pages after it stay quiet', async ({ page, baseURL }) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  await page.context().addCookies([
    { name: 'headway_session', value: 'expired', url: baseURL },
    { name: 'headway_csrf', value: 'expired', url: baseURL },
  ]);
  await page.goto('/w/some-workspace/backlog');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect((await page.context().cookies()).map((c) => c.name)).toEqual([]);
  expect(await visitAll(page, 'after-expiry')).toEqual([]);
});
