import type { Page } from '@playwright/test';
import { buildDemoWorkspace } from '../src/server/demo/demo-workspace';
import { expect, test } from './csp';
import { PASSWORD } from './helpers';

const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Opens a page of the app and waits until it has rendered its data (or an error state). */
async function visit(page: Page, path: string, heading: string | RegExp): Promise<void> {
  const response = await page.goto(path);
  expect(response?.headers()['content-security-policy'], path).toBe(POLICY);
  await expect(page.getByRole('heading', { level: 1, name: heading }).first(), path).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('alert').filter({ hasText: 'This did not load' }), path).toHaveCount(0);
}

test('every page of the web app renders under the strict Content-Security-Policy', async ({
  page,
  browser,
  baseURL,
  cspViolations,
}) => {
  let slug = '';
  let workspaceId = '';

  await test.step('the sign-in, sign-up and join pages', async () => {
    await visit(page, '/signin', /Sign in/);
    await visit(page, '/join/hwi_unknown', /./);
    await visit(page, '/signup', /Create/);
    await page.getByLabel('Name').fill('Casey Founder');
    await page.getByLabel('Email').fill('casey@csp.e2e.headway.dev');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Workspaces' })).toBeVisible();
  });

  await test.step('a workspace with the demo company and two assessments', async () => {
    const cookies = await page.context().cookies();
    const csrf = decodeURIComponent(cookies.find((c) => c.name === 'headway_csrf')?.value ?? '');
    const workspace = buildDemoWorkspace(new Date());
    workspace.workspace.name = 'Policy Co';
    const imported = await page.request.post('/api/workspaces/import', {
      data: workspace,
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(imported.status()).toBe(201);
    ({ slug, id: workspaceId } = (await imported.json()) as { slug: string; id: string });
    for (let i = 0; i < 2; i += 1) {
      const assessed = await page.request.post(`/api/workspaces/${workspaceId}/assessments`, {
        data: { variant: 'short', answers: {} },
        headers: { 'X-CSRF-Token': csrf },
      });
      expect(assessed.status()).toBe(201);
    }
  });

  await test.step('every page of the workspace', async () => {
    const w = `/w/${slug}`;
    const pages: [string, string | RegExp][] = [
      ['/workspaces', 'Workspaces'],
      [`${w}/backlog`, /^Backlog/],
      [`${w}/board`, 'Board'],
      [`${w}/inbox`, 'Decision inbox'],
      [`${w}/team`, 'Team'],
      [`${w}/roadmap`, 'Roadmap'],
      [`${w}/forecasts`, 'Forecasts'],
      [`${w}/forecasts/track-record`, 'Forecast track record'],
      [`${w}/prioritize`, 'Prioritize'],
      [`${w}/estimation`, 'Estimation accuracy'],
      [`${w}/estimation/sessions`, 'Estimation sessions'],
      [`${w}/assessment`, 'Assessment'],
      [`${w}/assessment/new`, 'Assess your development setup'],
      [`${w}/assessment/2`, /Assessment #2/],
      [`${w}/assessment/compare?from=1&to=2`, /#1 → #2/],
      [`${w}/settings/import`, 'Import'],
    ];
    for (const [path, heading] of pages) await visit(page, path, heading);
    expect(cspViolations).toEqual([]);
  });

  await test.step('an item opened in the side panel, with its Markdown and history', async () => {
    await visit(page, `/w/${slug}/backlog`, /^Backlog/);
    await page.getByTestId('backlog-row').first().locator('.title-button').click();
    await expect(page.getByTestId('item-panel')).toBeVisible();
    await page.waitForLoadState('networkidle');
  });

  await test.step('a page that does not exist, and a workspace that is not yours', async () => {
    const response = await page.goto('/nowhere');
    expect(response?.headers()['content-security-policy']).toBe(POLICY);
    await expect(page.getByText('There is no page at this address')).toBeVisible();
    await page.goto('/w/not-a-workspace/backlog');
    await expect(page.getByRole('heading', { name: 'Workspace not found' })).toBeVisible();
  });

  await test.step('a fresh visitor is sent to sign in', async () => {
    const context = await browser.newContext({ baseURL });
    const visitor = await context.newPage();
    await visitor.goto(`/w/${slug}/roadmap`);
    await expect(visitor).toHaveURL(/\/signin\?next=/);
    await visitor.waitForLoadState('networkidle');
    await context.close();
  });
  expect(cspViolations).toEqual([]);
});

test('the watch sees the policy refuse an injected inline script and inline style', async ({
  page,
  cspViolations,
}) => {
  await page.goto('/signin');
  await expect(page.getByRole('heading', { name: /Sign in/ })).toBeVisible();
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__headwayInjected = true';
    document.head.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<p id="styled" style="color: rgb(255, 0, 0)">x</p>';
    document.body.append(holder);
    return (window as unknown as { __headwayInjected?: boolean }).__headwayInjected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => cspViolations.some((v) => v.includes('script-src'))).toBe(true);
  await expect.poll(() => cspViolations.some((v) => v.includes('style-src'))).toBe(true);
  await expect(page.locator('#styled')).not.toHaveCSS('color', 'rgb(255, 0, 0)');
  // Those refusals were the point; the fixture checks that nothing else was refused.
  cspViolations.splice(
    0,
    cspViolations.length,
    ...cspViolations.filter((v) => !/script-src|style-src/.test(v)),
  );
});
