import { openAs, post, signUp } from './api-accounts';
import { expect, test } from './csp';
import { expectOrder } from './helpers';

test('a reorder in one tab moves the item in another tab without a reload', async ({ browser, baseURL }) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Lia Founder', `lia-${run}@live.e2e.headway.dev`);
  const workspace = await post(founder, '/api/workspaces', { name: `Live ${run}` });
  for (const title of ['Alpha', 'Bravo', 'Charlie']) {
    await post(founder, `/api/workspaces/${workspace.id}/items`, { type: 'feature', title });
  }
  const path = `/w/${workspace.slug}/backlog`;
  const mover = await openAs(browser, baseURL, founder, path);
  const watcher = await openAs(browser, baseURL, founder, path);
  await expectOrder(mover, ['#1', '#2', '#3']);
  await expectOrder(watcher, ['#1', '#2', '#3']);
  await watcher.evaluate(() => {
    (window as unknown as { headwayLoaded: boolean }).headwayLoaded = true;
  });

  for (let i = 0; i < 2; i++) {
    const moved = mover.waitForResponse((r) => r.url().includes('/move') && r.request().method() === 'POST');
    await mover.getByRole('button', { name: 'Move #3 up' }).click();
    expect((await moved).status()).toBe(200);
  }
  await expectOrder(mover, ['#3', '#1', '#2']);

  // Nothing else refetches the backlog of a tab that was not touched: only the live event can.
  await expectOrder(watcher, ['#3', '#1', '#2']);
  const same = await watcher.evaluate(() => (window as unknown as { headwayLoaded?: boolean }).headwayLoaded);
  expect(same, 'the watching tab was reloaded').toBe(true);
});
