import { openAs, post, signUp } from './api-accounts';
import { expect, test } from './csp';
import { rowOf, snap, watchConsole } from './helpers';

test('a developer who tries what is not theirs is told who decides, never met with silence', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Alex Founder', `alex-${run}@refusals.e2e.headway.dev`);
  const ws = (await post(founder, '/api/workspaces', { name: `Refusals ${run}` })) as {
    id: string;
    slug: string;
  };
  const w = `/api/workspaces/${ws.id}`;
  for (const title of ['Search', 'Filters']) await post(founder, `${w}/items`, { type: 'feature', title });
  const join = async (role: string, name: string) => {
    const invite = (await post(founder, `${w}/invitations`, { role, fte: 1, skills: [] })) as {
      token: string;
    };
    const account = await signUp(
      baseURL,
      name,
      `${name.split(' ')[0]?.toLowerCase()}-${run}@refusals.e2e.headway.dev`,
    );
    await post(account, '/api/invitations/accept', { token: invite.token });
    return account;
  };
  await join('product_manager', 'Pat Manager');
  const developer = await join('developer', 'Jo Developer');

  const page = await openAs(browser, baseURL, developer, `/w/${ws.slug}/backlog`);
  const errors = watchConsole(page);
  const refusal = 'Ordering the backlog belongs to the product function: ask Pat Manager (product manager)';

  await test.step('the backlog says so in text, and a drag or an arrow says it again', async () => {
    await expect(page.getByTestId('order-refusal')).toContainText(refusal);
    const handle = rowOf(page, 'Filters').locator('.drag-handle');
    const box = await handle.boundingBox();
    if (!box) throw new Error('the drag handle is not visible');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y - 40, { steps: 6 });
    await page.mouse.up();
    await expect(page.getByTestId('toast').filter({ hasText: refusal })).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss message' }).first().click();
    // aria-disabled: a person can still press it (Playwright needs force to), and is told why.
    await page
      .getByRole('button', { name: /^Move #\d+ up$/ })
      .last()
      .click({ force: true });
    await expect(page.getByTestId('toast').filter({ hasText: refusal })).toBeVisible();
    await snap(page, 'refusals-backlog');
  });

  await test.step('the item panel lists what is not theirs and who decides it', async () => {
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const panel = page.getByTestId('item-panel');
    await expect(panel.getByTestId('item-refusals')).toContainText(
      'title, labels and description: Requirements belong to the product function: ask Pat Manager (product manager)',
    );
    await expect(panel.getByTestId('refusal')).toContainText('Delivery dates belong to the product function');
    await panel.getByRole('button', { name: /edit title of #1$/ }).click({ force: true });
    await expect(page.getByTestId('toast').filter({ hasText: 'Requirements belong to' })).toBeVisible();
    await snap(page, 'refusals-item-panel');
  });

  expect(errors).toEqual([]);
});
