import { buildDemoWorkspace } from '../src/server/demo/demo-workspace';
import { importWithTeam, openAs, signUp } from './api-accounts';
import { expect, test } from './csp';
import { snapFull, watchConsole } from './helpers';

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
