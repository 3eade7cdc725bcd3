import { openAs, post, signUp } from './api-accounts';
import { expect, test } from './csp';
import { flexLines, snap } from './helpers';

const TITLES = ['Onboarding checklist', 'Billing page', 'Weekly digest e-mail', 'Shipped launch post'];

test('a founder reaches items and pages with Ctrl+K, and the backlog shows open work first', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Kim Founder', `kim-${run}@palette.e2e.headway.dev`);
  const workspace = await post(founder, '/api/workspaces', { name: `Palette ${run}` });
  const ws = workspace.id as string;
  const created: { id: string; number: number; version: number }[] = [];
  for (const title of TITLES)
    created.push(await post(founder, `/api/workspaces/${ws}/items`, { type: 'feature', title }));
  const shipped = created[3];
  const digest = created[2];
  if (!shipped || !digest) throw new Error('four items were created');
  const done = await founder.api.patch(`/api/workspaces/${ws}/items/${shipped.id}`, {
    data: { version: shipped.version, state: 'done' },
    headers: { 'X-CSRF-Token': founder.csrf },
  });
  expect(done.status(), await done.text()).toBe(200);
  const page = await openAs(browser, baseURL, founder, `/w/${workspace.slug}/backlog`);

  await test.step('the backlog hides the done item until the switch is used', async () => {
    await expect(page.getByTestId('backlog-row')).toHaveCount(3);
    await expect(page.getByTestId('backlog-row').filter({ hasText: 'Shipped launch post' })).toHaveCount(0);
    await expect(page.getByTestId('closed-hidden')).toHaveText('(1 hidden)');
    // At 1280 px the filters, the switch and the view controls fit on one line; on a phone they
    // wrap onto several, each control whole and none past the edge.
    const toolbar = page.getByRole('search', { name: 'Filter the backlog' });
    expect(await flexLines(toolbar)).toBe(1);
    await snap(page, 'palette-backlog-open-work');
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await flexLines(toolbar)).toBeGreaterThan(1);
    expect(await toolbar.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await snap(page, 'palette-backlog-toolbar-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByLabel('Show done and cancelled').click();
    await expect(page.getByLabel('Show done and cancelled')).toBeChecked();
    await expect(page.getByTestId('backlog-row')).toHaveCount(4);
    await expect(page.getByTestId('backlog-row').filter({ hasText: 'Shipped launch post' })).toHaveCount(1);
    await expect(page).toHaveURL(/closed=show/);
    await page.getByLabel('Show done and cancelled').click();
    await expect(page.getByLabel('Show done and cancelled')).not.toBeChecked();
    await expect(page.getByTestId('backlog-row')).toHaveCount(3);
  });

  await test.step('Ctrl+K, an item number and Enter open that item', async () => {
    await page.getByRole('heading', { name: /Backlog/ }).click();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Go to a page or an item' });
    await expect(palette).toBeVisible();
    const input = palette.getByRole('combobox');
    await expect(input).toBeFocused();
    await input.fill(`#${digest.number}`);
    await expect(palette.getByRole('option', { selected: true })).toHaveText(
      new RegExp(`#${digest.number} Weekly digest e-mail`),
    );
    await snap(page, 'palette-item-by-number');
    await input.press('Enter');
    await expect(palette).toBeHidden();
    await expect(page.getByTestId('item-panel')).toBeVisible();
    await expect(page.getByTestId('item-panel').locator('.item-title')).toContainText('Weekly digest e-mail');
    await expect(page).toHaveURL(new RegExp(`item=${digest.id}`));
  });

  await test.step('typing a page name and Enter go to that page; arrows move the choice', async () => {
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Go to a page or an item' });
    const input = palette.getByRole('combobox');
    await expect(input).toBeFocused();
    await input.fill('road');
    await expect(palette.getByRole('option', { selected: true })).toContainText('Roadmap');
    await input.press('Enter');
    await expect(page).toHaveURL(/\/roadmap/);
    // Escape closes the palette, and the search button opens it without the shortcut.
    await page.getByRole('button', { name: /Search…/ }).click();
    await expect(palette).toBeVisible();
    await input.fill('e');
    const first = await palette.getByRole('option', { selected: true }).textContent();
    await input.press('ArrowDown');
    await expect(palette.getByRole('option', { selected: true })).not.toHaveText(first ?? '');
    await input.press('Escape');
    await expect(palette).toBeHidden();
    await expect(page.getByRole('button', { name: /Search…/ })).toBeFocused();
    await snap(page, 'palette-closed-on-roadmap');
  });

  await test.step('typing a title searches at the first letter and after a pause, not on every key', async () => {
    const onboarding = created[0];
    if (!onboarding) throw new Error('four items were created');
    const searches: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      const q = url.searchParams.get('q');
      if (url.pathname.endsWith('/items') && q !== null) searches.push(q);
    });
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Go to a page or an item' });
    const input = palette.getByRole('combobox');
    await input.pressSequentially('onboarding', { delay: 20 });
    // Enter at once, before the last search has answered, opens what the whole word finds.
    await input.press('Enter');
    await expect(palette).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`item=${onboarding.id}`));
    expect(searches[0]).toBe('o');
    expect(searches.at(-1)).toBe('onboarding');
    expect(searches.length).toBeLessThan('onboarding'.length);
  });
});
