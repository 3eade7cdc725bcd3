import type { Page } from '@playwright/test';
import { openAs, post, signUp } from './api-accounts';
import { expect, test } from './csp';

/** Three features of two days each; RICE ranks them Bravo (300), Charlie (200), Alpha (100). */
const ITEMS = [
  { title: 'Alpha', reach: 100 },
  { title: 'Bravo', reach: 300 },
  { title: 'Charlie', reach: 200 },
];

/** The cards of the "now" column of the roadmap, in plan order. */
function nowCards(page: Page) {
  return page.getByTestId('now-next-later').locator('.nnl-column').first().locator('.nnl-card-title');
}

/** Who does an item and when, as its roadmap card shows it ("Cleo Founder · 2 Dec → 3 Dec"). */
function datesOf(page: Page, label: string) {
  return page
    .getByTestId('now-next-later')
    .locator('.nnl-card')
    .filter({ hasText: label })
    .locator('span.small');
}

/** Marks the document, so a later check can tell that the page was never reloaded. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { headwayLoaded: boolean }).headwayLoaded = true;
  });
}

async function expectSameDocument(page: Page): Promise<void> {
  const marked = await page.evaluate(() => (window as unknown as { headwayLoaded?: boolean }).headwayLoaded);
  expect(marked, 'the page was reloaded').toBe(true);
}

test('the roadmap follows an applied ranking and dependency changes without a reload', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Cleo Founder', `cleo-${run}@cache.e2e.headway.dev`);
  const workspace = await post(founder, '/api/workspaces', { name: `Cache ${run}` });
  const ws = workspace.id as string;
  // The founder does the work themself: a full week and a skill put them on the roadmap.
  const members = (await (await founder.api.get(`/api/workspaces/${ws}/members`)).json()) as {
    data: { userId: string; version: number }[];
  };
  const self = members.data[0];
  if (!self) throw new Error('a new workspace has its founder as a member');
  const fte = await founder.api.patch(`/api/workspaces/${ws}/members/${self.userId}`, {
    data: { version: self.version, fte: 1, skills: ['product'] },
    headers: { 'X-CSRF-Token': founder.csrf },
  });
  expect(fte.status(), await fte.text()).toBe(200);
  for (const item of ITEMS) {
    await post(founder, `/api/workspaces/${ws}/items`, {
      type: 'feature',
      title: item.title,
      estimate: { optimistic: 2, likely: 2, pessimistic: 2 },
      scores: { rice_reach: item.reach, rice_impact: 1, rice_confidence: 100, rice_effort: 1 },
    });
  }
  const page = await openAs(browser, baseURL, founder, `/w/${workspace.slug}/roadmap?view=nnl`);

  await test.step('the roadmap first plans the items in the order they were captured', async () => {
    await expect(nowCards(page)).toHaveText(['#1 Alpha', '#2 Bravo', '#3 Charlie']);
    await markDocument(page);
  });

  await test.step('applying the RICE order on the prioritization page reorders the roadmap', async () => {
    await page.getByRole('link', { name: 'Prioritize' }).click();
    await expect(page.getByTestId('ranked-row')).toHaveCount(ITEMS.length);
    await expect(page.getByRole('status').filter({ hasText: 'Recomputing' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Apply this order to the backlog' }).click();
    const dialog = page.getByRole('dialog', { name: 'Order the backlog by RICE' });
    await dialog.getByLabel('Why this order?').fill('Reach first');
    const applied = page.waitForResponse((r) => r.url().includes('/ranking/apply'));
    await dialog.getByRole('button', { name: 'Apply order' }).click();
    expect((await applied).status()).toBe(200);
    await expect(page.getByTestId('apply-result')).toBeVisible();

    await page.getByRole('link', { name: 'Roadmap' }).click();
    await page.getByText('Now / next / later', { exact: true }).click();
    await expect(nowCards(page)).toHaveText(['#2 Bravo', '#3 Charlie', '#1 Alpha']);
    await expectSameDocument(page);
  });

  await test.step('a dependency added on the roadmap moves the dependent item after its prerequisite', async () => {
    const bravoFirst = await datesOf(page, '#2 Bravo').textContent();
    await nowCards(page).filter({ hasText: 'Bravo' }).click();
    const panel = page.getByTestId('item-panel');
    await expect(panel).toBeVisible();
    await panel.getByLabel('Item number this depends on').fill('#1');
    const added = page.waitForResponse(
      (r) => r.url().includes('/dependencies') && r.request().method() === 'POST',
    );
    await panel.getByRole('button', { name: 'Add dependency' }).click();
    expect((await added).status()).toBe(201);
    // Bravo waits for Alpha now, so Alpha takes the first slot and Bravo moves later.
    await expect(datesOf(page, '#1 Alpha')).toHaveText(bravoFirst ?? '');
    await expect(datesOf(page, '#2 Bravo')).not.toHaveText(bravoFirst ?? '');

    await panel.getByRole('button', { name: 'Remove dependency on #1 Alpha' }).click();
    await expect(datesOf(page, '#2 Bravo')).toHaveText(bravoFirst ?? '');
    await expectSameDocument(page);
  });
});
