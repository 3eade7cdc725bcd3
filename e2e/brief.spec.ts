import { request } from '@playwright/test';
import { WEEK_SCOPE } from '../src/server/demo/demo-content';
import { buildDemoWorkspace, demoEmail } from '../src/server/demo/demo-workspace';
import { type Account, importWithTeam, openAs, post, signUp } from './api-accounts';
import { expect, test } from './csp';
import { PASSWORD, snapFull, watchConsole } from './helpers';

const SECTIONS = [
  'Decisions waiting on you',
  'Order and scope changes',
  'Forecast moves',
  'Committed dates that slipped',
  'Aging work',
  'Estimates far off their calibration',
  'At risk in the plan',
];

test('a founder opens the weekly brief of the demo, sees every section and follows a line to act on it', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Bo Founder', `bo-${run}@brief.e2e.headway.dev`);
  const data = buildDemoWorkspace(new Date());
  data.workspace.name = `Brief Co ${run}`;
  const ws = await importWithTeam(baseURL, { request: founder.api, csrf: founder.csrf }, data);
  const page = await openAs(browser, baseURL, founder, `/w/${ws.slug}/backlog`);
  const errors = watchConsole(page);

  await test.step('the Brief page lists every section', async () => {
    await page.getByRole('link', { name: 'Brief', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Weekly brief', level: 1 })).toBeVisible();
    for (const title of SECTIONS) {
      await expect(page.getByRole('heading', { name: new RegExp(`^${title}`), level: 2 })).toBeVisible();
    }
    await snapFull(page, 'brief');
  });

  await test.step('a line links to where it can be acted on', async () => {
    const link = page.locator('.brief-line a').first();
    await expect(link).toBeVisible();
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^/w/${ws.slug}/`));
    await link.click();
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === href);
    await expect(page.getByRole('heading', { name: 'Weekly brief' })).toHaveCount(0);
  });
  expect(errors).toEqual([]);
});

/** Signs in through the API as a member the import invited (they signed up with PASSWORD). */
async function signIn(baseURL: string, email: string): Promise<Account> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/auth/signin', { data: { email, password: PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return { api, csrf: (await res.json()).csrfToken as string };
}

test("the demo's fractional CPO answers two proposals and places a new item from the brief, and reads why the billing forecast moved", async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Cy Founder', `cy-${run}@brief.e2e.headway.dev`);
  const data = buildDemoWorkspace(new Date());
  data.workspace.name = `Brief CPO ${run}`;
  const ws = await importWithTeam(baseURL, { request: founder.api, csrf: founder.csrf }, data);
  const developer = await signIn(baseURL, demoEmail('jonas'));
  const list = await developer.api.get(`/api/workspaces/${ws.id}/items?state=new&limit=5`);
  expect(list.ok(), await list.text()).toBe(true);
  const open = ((await list.json()) as { data: { id: string; number: number }[] }).data;
  expect(open.length).toBeGreaterThanOrEqual(2);
  const base = `/api/workspaces/${ws.id}/proposals`;
  for (const [index, item] of open.slice(0, 2).entries()) {
    const proposal = (await post(developer, base, {
      itemId: item.id,
      change: { kind: 'order', afterId: null },
      reason: index === 0 ? 'Customers ask for it every week' : 'Blocks the billing work',
    })) as { holders: { name: string }[] };
    expect(proposal.holders.map((h) => h.name)).toContain('Dana Kowalski');
  }
  const dana = await signIn(baseURL, demoEmail('dana'));
  // The week the demo plays (demo-week.ts), through the API: the CPO's forecast of the billing
  // initiative is stored, then the CTO adds estimated work under it.
  const find = async (query: string) => {
    const res = await dana.api.get(`/api/workspaces/${ws.id}/items?${query}`);
    expect(res.ok(), await res.text()).toBe(true);
    return ((await res.json()) as { data: { id: string }[] }).data[0]!.id;
  };
  const billing = await find('type=initiative&q=Billing');
  const forecast = await dana.api.get(`/api/workspaces/${ws.id}/forecasts/plan?milestone=${billing}`);
  expect(forecast.ok(), await forecast.text()).toBe(true);
  const sam = await signIn(baseURL, demoEmail('sam'));
  await post(sam, `/api/workspaces/${ws.id}/items`, {
    type: 'feature',
    title: WEEK_SCOPE.title,
    parentId: await find('type=epic&q=Invoices'),
    estimate: WEEK_SCOPE.estimate,
    skills: [...WEEK_SCOPE.skills],
  });
  const today = new Date().toISOString().slice(0, 10);
  const page = await openAs(browser, baseURL, dana, `/w/${ws.slug}/brief?since=${today}`);
  const errors = watchConsole(page);
  const proposals = page.locator('.proposal-entry');

  await test.step('both proposals wait on the brief, each answerable in place', async () => {
    await expect(page.getByRole('heading', { name: 'Weekly brief', level: 1 })).toBeVisible();
    await expect(proposals).toHaveCount(2);
    await snapFull(page, 'brief-cpo-proposals');
  });

  await test.step('the CPO accepts one and declines the other with a reason', async () => {
    await proposals
      .filter({ hasText: 'Customers ask for it every week' })
      .getByRole('button', { name: 'Accept' })
      .click();
    await expect(proposals).toHaveCount(1);
    const second = proposals.filter({ hasText: 'Blocks the billing work' });
    await second.getByRole('button', { name: 'Decline…' }).click();
    await second.getByLabel(/Why decline/).fill('Billing waits for the pricing decision');
    await second.getByRole('button', { name: 'Decline', exact: true }).click();
    await expect(proposals).toHaveCount(0);
  });

  await test.step('the CPO places a new item in the order in place, and it leaves the list', async () => {
    const waiting = page.locator('.waiting-entry[data-kind="order"]');
    const entry = waiting.first();
    const title = (await entry.getByRole('link').textContent()) ?? '';
    expect(title).toMatch(/^#\d+ /);
    await entry.getByRole('button', { name: 'Place at top' }).click();
    await expect(page.getByRole('status').getByText(/^Placed #\d+ at the top of the order/)).toBeVisible();
    await expect(waiting.filter({ hasText: title })).toHaveCount(0);
  });

  await test.step('the brief shows the order change and why each milestone forecast moved', async () => {
    const changes = page.locator('section', {
      has: page.getByRole('heading', { name: /^Order and scope changes/ }),
    });
    await expect(changes.getByText(/decided by Dana Kowalski/).first()).toBeVisible();
    const moves = page.locator('section', { has: page.getByRole('heading', { name: /^Forecast moves/ }) });
    const move = moves.locator('.brief-line', { hasText: /Billing and invoicing: P85 \d{4}-\d\d-\d\d → / });
    await expect(move).toContainText(/days? later/);
    await expect(move.locator('.brief-detail')).toContainText(`Why: scope added: `);
    await expect(move.locator('.brief-detail')).toContainText(WEEK_SCOPE.title);
    await snapFull(page, 'brief-cpo-answered');
  });

  await test.step('sending the brief by e-mail says which setting this server lacks', async () => {
    await page.getByRole('button', { name: 'Send me this brief by e-mail' }).click();
    await expect(page.getByRole('alert')).toContainText('HEADWAY_SMTP_URL is not set');
  });
  // The browser logs the refused send (400); nothing else may fail.
  expect(errors.filter((e) => !/400 \(Bad Request\) \(.*\/brief\/send/.test(e))).toEqual([]);
  expect(errors.length).toBe(1);
});
