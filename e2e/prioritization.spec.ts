import { openAs, post, signUp } from './api-accounts';
import { expect, test } from './csp';
import { expectOrder, snap } from './helpers';

/**
 * RICE inputs per item (reach, impact, confidence %, effort in person-months) and the score the
 * formula gives by hand: reach × impact × confidence / effort.
 */
const ITEMS = [
  { title: 'Onboarding checklist', rice: [1000, 2, 80, 2] }, // 1000·2·0.8/2 = 800
  { title: 'Billing page', rice: [500, 3, 100, 1] }, // 500·3·1/1 = 1500
  { title: 'Export to CSV', rice: [200, 1, 100, 0.5] }, // 200·1·1/0.5 = 400
  { title: 'Fix login redirect', rice: [2000, 0.5, 100, 1] }, // 2000·0.5·1/1 = 1000
  { title: 'Dark mode', rice: [800, 0.25, 50, 1] }, // 800·0.25·0.5/1 = 100
  { title: 'Slack alerts', rice: [600, 1, 80, 2] }, // 600·1·0.8/2 = 240
  { title: 'Audit log', rice: [300, 2, 50, 2] }, // 300·2·0.5/2 = 150
  { title: 'Team invites', rice: [1500, 1, 80, 1] }, // 1500·1·0.8/1 = 1200
  { title: 'Usage dashboard', rice: [400, 3, 80, 3] }, // 400·3·0.8/3 = 320
  { title: 'API keys', rice: [250, 2, 100, 1] }, // 250·2·1/1 = 500
] as const;
// Highest score first: 1500, 1200, 1000, 800, 500, 400, 320, 240, 150, 100.
const RICE_ORDER = ['#2', '#8', '#4', '#1', '#10', '#3', '#9', '#6', '#7', '#5'];

test('a product manager orders the backlog by RICE; a developer is told who decides', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);

  // Seed through the API: a founder's workspace with ten features, a PM and a developer.
  const founder = await signUp(baseURL, 'Alex Founder', `alex-${run}@prio.e2e.headway.dev`);
  const workspace = await post(founder, '/api/workspaces', { name: `Prioritize ${run}` });
  const ws = workspace.id as string;
  for (const item of ITEMS)
    await post(founder, `/api/workspaces/${ws}/items`, { type: 'feature', title: item.title });
  const join = async (role: string, name: string) => {
    const invitation = await post(founder, `/api/workspaces/${ws}/invitations`, { role, fte: 1, skills: [] });
    const account = await signUp(baseURL, name, `${role}-${run}@prio.e2e.headway.dev`);
    await post(account, '/api/invitations/accept', { token: invitation.token });
    return account;
  };
  const pmAccount = await join('product_manager', 'Pat Manager');
  const devAccount = await join('developer', 'Jo Developer');
  const path = `/w/${workspace.slug}/prioritize`;

  const pm = await openAs(browser, baseURL, pmAccount, path);

  await test.step('the product manager scores ten items with RICE in the table', async () => {
    await expect(pm.getByRole('heading', { name: 'Prioritize' })).toBeVisible();
    await expect(pm.getByTestId('unscored-row')).toHaveCount(ITEMS.length);
    await expect(pm.getByTestId('ranking-empty')).toBeVisible();
    for (const [index, item] of ITEMS.entries()) {
      const n = `#${index + 1}`;
      const [reach, impact, confidence, effort] = item.rice;
      const saved = () =>
        pm.waitForResponse((r) => r.url().includes('/items/') && r.request().method() === 'PATCH');
      let answer = saved();
      await pm.getByLabel(`Reach of ${n}`, { exact: true }).fill(String(reach));
      await pm.getByLabel(`Reach of ${n}`, { exact: true }).press('Tab');
      expect((await answer).status()).toBe(200);
      answer = saved();
      await pm.getByLabel(`Impact of ${n}`, { exact: true }).selectOption(String(impact));
      expect((await answer).status()).toBe(200);
      answer = saved();
      await pm.getByLabel(`Confidence of ${n}`, { exact: true }).selectOption(String(confidence));
      expect((await answer).status()).toBe(200);
      answer = saved();
      await pm.getByLabel(`Effort of ${n}`, { exact: true }).fill(String(effort));
      await pm.getByLabel(`Effort of ${n}`, { exact: true }).press('Enter');
      expect((await answer).status()).toBe(200);
      await expect(pm.getByTestId('ranked-row')).toHaveCount(index + 1);
    }
    await expect(pm.getByTestId('unscored-row')).toHaveCount(0);
    const rows = pm.getByTestId('ranked-row');
    await expect(rows.first()).toContainText('Billing page');
    await expect(rows.first().getByTestId('score')).toHaveText('1,500');
    await expect(rows.last()).toContainText('Dark mode');
    await expect(rows.last().getByTestId('score')).toHaveText('100');
    // Under each input: who set it, and on what day.
    await expect(rows.first().getByTestId('score-set-by').first()).toHaveText(
      /^Pat Manager · \d{1,2} [A-Z][a-z]{2}$/,
    );
    await expect(pm.getByTestId('comparison')).toContainText('Spearman');
    await snap(pm, 'prioritization-table');
  });

  await test.step('the value-vs-effort chart places them in quadrants and opens an item', async () => {
    await pm.getByText('Value vs effort', { exact: true }).click();
    const chart = pm.getByTestId('value-effort-chart');
    await expect(chart).toBeVisible();
    await expect(chart.locator('.recharts-scatter-symbol')).toHaveCount(ITEMS.length);
    for (const q of ['Quick wins', 'Big bets', 'Fill-ins', 'Money pits']) {
      await expect(chart.locator('svg text').filter({ hasText: q })).toBeVisible();
    }
    await snap(pm, 'prioritization-scatter');
    await chart.locator('.recharts-scatter-symbol').first().click();
    await expect(pm.getByTestId('item-panel')).toBeVisible();
    await pm.getByRole('button', { name: 'Close item' }).click();
    await pm.getByText('Table', { exact: true }).click();
  });

  await test.step('the product manager applies the RICE order to the backlog, with a rationale', async () => {
    await expect(pm.getByRole('status').filter({ hasText: 'Recomputing' })).toHaveCount(0);
    await pm.getByRole('button', { name: 'Apply this order to the backlog' }).click();
    const dialog = pm.getByRole('dialog', { name: 'Order the backlog by RICE' });
    await dialog.getByLabel('Why this order?').fill('Quarterly review: RICE after the customer calls');
    const applied = pm.waitForResponse((r) => r.url().includes('/ranking/apply'));
    await dialog.getByRole('button', { name: 'Apply order' }).click();
    expect((await applied).status()).toBe(200);
    await expect(pm.getByTestId('apply-result')).toContainText('10 items in RICE order');
    const log = pm.getByTestId('prioritization-log');
    await expect(log).toContainText('Pat Manager Ordered the backlog by RICE: 10 items, #2, #8, #4 first');
    await expect(log).toContainText('Quarterly review: RICE after the customer calls');
    await log.scrollIntoViewIfNeeded();
    await snap(pm, 'prioritization-applied');
    await pm.getByRole('link', { name: 'See the backlog' }).click();
    await expectOrder(pm, RICE_ORDER);
    await snap(pm, 'prioritization-backlog');
  });

  await test.step('a developer sees the controls disabled, with who decides', async () => {
    const dev = await openAs(browser, baseURL, devAccount, path);
    await expect(dev.getByTestId('ranked-row')).toHaveCount(ITEMS.length);
    await expect(dev.getByRole('button', { name: 'Apply this order to the backlog' })).toBeDisabled();
    await expect(dev.getByTestId('apply-refusal')).toContainText(
      'Ordering the backlog belongs to the product function: ask Pat Manager',
    );
    await expect(dev.getByLabel('Reach of #1', { exact: true })).toBeDisabled();
    await expect(dev.getByTestId('scoring-refusal')).toContainText('ask Pat Manager');
    await snap(dev, 'prioritization-developer');
    // The server refuses too, if the UI is bypassed.
    const refused = await devAccount.api.post(`/api/workspaces/${ws}/ranking/apply`, {
      headers: { 'X-CSRF-Token': devAccount.csrf },
      data: { framework: 'rice' },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe('decision_not_yours');
  });
});
