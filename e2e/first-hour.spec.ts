import { expect, test } from './csp';
import { expectOrder, PASSWORD, snap, waitForMove, watchConsole } from './helpers';

const ITEMS = ['Landing page', 'Pricing page', 'Sign-up flow'];

test('a founder signs up, creates a workspace and orders the first items with no matrix edit', async ({
  page,
}) => {
  let errors: string[] = [];
  const run = Date.now().toString(36);

  await test.step('the founder signs up and creates a workspace', async () => {
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Ada Founder');
    await page.getByLabel('Email').fill(`ada-${run}@first-hour.e2e.headway.dev`);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Workspaces' })).toBeVisible();
    // Signed in from here on: the signed-out pages' console is another journey's concern.
    errors = watchConsole(page);
    await page.getByLabel('New workspace name').fill('Ada’s startup');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expect(page).toHaveURL(/\/w\/[^/]+\/backlog/);
  });

  await test.step('the founder adds three items', async () => {
    for (const [i, title] of ITEMS.entries()) {
      await page.getByLabel('New item title').fill(title);
      await page.getByLabel('New item title').press('Enter');
      await expect(page.getByTestId('backlog-row')).toHaveCount(i + 1);
    }
    // Nobody else holds ordering yet: the founder does, so no refusal is shown.
    await expect(page.getByTestId('order-refusal')).toHaveCount(0);
    await snap(page, 'first-hour-backlog');
  });

  await test.step('the founder orders them with ↑ and ↓', async () => {
    const numbers = await page.getByTestId('backlog-row').locator('.cell-number').allTextContents();
    const [first, second, third] = numbers as [string, string, string];
    let moved = waitForMove(page);
    await page.getByRole('button', { name: `Move ${third} up` }).click();
    expect((await moved).status()).toBe(200);
    await expectOrder(page, [first, third, second]);
    moved = waitForMove(page);
    await page.getByRole('button', { name: `Move ${first} down` }).click();
    expect((await moved).status()).toBe(200);
    await expectOrder(page, [third, first, second]);
    // Alt+↑ on the focused row works too.
    await page.getByTestId('backlog-row').nth(2).focus();
    moved = waitForMove(page);
    await page.keyboard.press('Alt+ArrowUp');
    expect((await moved).status()).toBe(200);
    await expectOrder(page, [third, second, first]);
    await expect(page.getByTestId('toast').filter({ hasText: 'Moved' }).first()).toBeVisible();
    await snap(page, 'first-hour-ordered');
    await page.reload();
    await expectOrder(page, [third, second, first]);
  });

  await test.step('the team page says the founder holds ordering until a product owner joins', async () => {
    await page.getByRole('link', { name: 'Team' }).click();
    await expect(page.getByTestId('holders-backlog_order')).toContainText(
      'Ada Founder (the founder, for now, until a product manager, CTPO, CPO or designer joins)',
    );
    await expect(page.getByTestId('holders-estimates')).toContainText('until a CTO, CTPO or developer joins');
    await snap(page, 'first-hour-matrix');
  });

  expect(errors).toEqual([]);
});
