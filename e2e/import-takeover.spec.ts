import type { Request } from '@playwright/test';
import { buildImportFile, HOSTILE_REPORT } from '../test/support/import-file';
import { openAs, signUp } from './api-accounts';
import { expect, test } from './csp';

/**
 * The account-takeover chain through an imported document, as an attacker would run it: Mallory
 * imports a workspace whose assessment report carries script and `javascript:` payloads and
 * names Alice, who has her own workspace elsewhere; Alice joins and opens the report. Nothing
 * may run, no API token may be minted, nothing may be exported, and Alice must not appear as
 * the author of what the file says.
 */
test('an imported hostile report cannot act as the person who opens it', async ({ browser, baseURL }) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const stamp = Date.now();
  const aliceEmail = `alice.${stamp}@takeover.e2e.headway.dev`;
  const malloryEmail = `mallory.${stamp}@takeover.e2e.headway.dev`;
  const alice = await signUp(baseURL, 'Alice Victim', aliceEmail);
  const own = await alice.api.post('/api/workspaces', {
    data: { name: 'Alice Co' },
    headers: { 'X-CSRF-Token': alice.csrf },
  });
  expect(own.status()).toBe(201);
  const mallory = await signUp(baseURL, 'Mallory', malloryEmail);

  let workspace = { id: '', slug: '' };
  let invitePath = '';
  await test.step('Mallory imports a file with a hostile report that names Alice', async () => {
    const file = buildImportFile({ importer: malloryEmail, named: aliceEmail, name: 'Totally Legit Co' });
    file.assessments[0] = { ...file.assessments[0]!, report: HOSTILE_REPORT };
    const res = await mallory.api.post('/api/workspaces/import', {
      data: file,
      headers: { 'X-CSRF-Token': mallory.csrf },
    });
    expect(res.status()).toBe(201);
    const body = (await res.json()) as typeof workspace & { invitations: { email: string; path: string }[] };
    workspace = { id: body.id, slug: body.slug };
    invitePath = body.invitations.find((i) => i.email === aliceEmail)?.path ?? '';
    expect(invitePath).toMatch(/^\/join\//);
    // Alice is not a member until she accepts.
    const me = (await (await alice.api.get('/api/me')).json()) as { workspaces: { id: string }[] };
    expect(me.workspaces.map((w) => w.id)).not.toContain(workspace.id);
  });

  const page = await openAs(browser, baseURL, alice, '/workspaces');
  const dialogs: string[] = [];
  const apiCalls: Request[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.context().on('request', (r) => {
    if (r.url().includes('/api/')) apiCalls.push(r);
  });

  await test.step('Alice accepts the invitation and opens the report in the app and as HTML', async () => {
    await page.goto(invitePath);
    await page.getByRole('button', { name: /join/i }).click();
    await page.goto(`/w/${workspace.slug}/assessment/1`);
    await expect(page.getByRole('heading', { name: /Assessment #1/ })).toBeVisible();
    await expect(page.getByText(`by ${aliceEmail} in the imported file`)).toBeVisible();

    const [report, response] = await Promise.all([
      page.context().waitForEvent('page'),
      page.context().waitForEvent('response', (r) => r.url().includes('/report?format=html')),
      page.getByRole('link', { name: 'Print-ready HTML' }).click(),
    ]);
    report.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    expect(response.headers()['content-security-policy']).toMatch(/^sandbox;/);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    await report.waitForLoadState('load');
    await expect(report.getByRole('heading', { level: 1 })).toHaveText(
      'Development setup assessment: Totally Legit Co',
    );
    // Every link in the report is an ordinary web link.
    const hrefs = await report.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toMatch(/^(https?|mailto):/);
    await report.waitForTimeout(500);
    await report.close();
  });

  await test.step('nothing ran as Alice: no dialog, no token, no export', async () => {
    expect(dialogs).toEqual([]);
    const minted = apiCalls.filter((r) => r.method() === 'POST' && r.url().includes('/api/tokens'));
    const exported = apiCalls.filter((r) => r.url().includes('/export'));
    expect(minted.map((r) => r.url())).toEqual([]);
    expect(exported.map((r) => r.url())).toEqual([]);
    // And through the API: Alice's token list (where the server has one) holds nothing.
    const tokens = await alice.api.get('/api/tokens');
    if (tokens.status() === 200) {
      const body = (await tokens.json()) as { data?: unknown[] } | unknown[];
      expect(Array.isArray(body) ? body : (body.data ?? [])).toEqual([]);
    }
  });

  await test.step('the decision log shows what the file claims as imported, not as Alice', async () => {
    await page.goto(`/w/${workspace.slug}/backlog`);
    await page.getByRole('button', { name: 'Item 1', exact: true }).click();
    const panel = page.getByTestId('item-panel');
    await expect(panel.getByTestId('decision-log')).toContainText(`${aliceEmail} in the imported file`);
    await expect(panel.getByText(`${aliceEmail} in the imported file`).first()).toBeVisible();
  });
});
