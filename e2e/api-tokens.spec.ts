import { request } from '@playwright/test';
import { openAs, post, signUp } from './api-accounts';
import { expect, test } from './csp';
import { snap } from './helpers';

test('a token created in settings works like curl until it is revoked there', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const owner = await signUp(baseURL, 'Tove Tokens', 'tove@tokens.e2e.headway.dev');
  const ws = (await post(owner, '/api/workspaces', { name: 'Token Works' })) as { slug: string };
  const page = await openAs(browser, baseURL, owner, `/w/${ws.slug}/backlog`);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  // As curl would: no cookies, only the Authorization header.
  const curl = await request.newContext({ baseURL });
  let token = '';

  await test.step('the owner creates a token in Settings → API tokens and sees it once', async () => {
    await page.getByRole('link', { name: 'API tokens' }).click();
    await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();
    await expect(page.getByText('No tokens yet.')).toBeVisible();
    await page.getByLabel('Token name').fill('curl on my laptop');
    await page.getByLabel('Expires after').selectOption({ label: '30 days' });
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect(page.getByText('it will not be shown again')).toBeVisible();
    token = await page.getByTestId('new-token').inputValue();
    expect(token).toMatch(/^hwt_[\w-]{40,}$/);
    await page.getByRole('button', { name: 'Copy token' }).click();
    await expect(page.getByText('Token copied')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    const row = page.getByTestId('token-table').getByRole('row', { name: /curl on my laptop/ });
    await expect(row).toContainText('Never');
    await snap(page, 'api-tokens-created');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByTestId('new-token')).toHaveCount(0);
    // The secret is not on the page any more, nor in the list the page loads.
    expect(await page.content()).not.toContain(token);
  });

  await test.step('the token answers for its owner on the API', async () => {
    const me = await curl.get('/api/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(200);
    expect((await me.json()).user.email).toBe('tove@tokens.e2e.headway.dev');
    await page.reload();
    const row = page.getByTestId('token-table').getByRole('row', { name: /curl on my laptop/ });
    await expect(row).not.toContainText('Never');
  });

  await test.step('the owner revokes it after confirming, and the same call answers 401', async () => {
    await page.getByRole('button', { name: 'Revoke curl on my laptop' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke “curl on my laptop”?' });
    await expect(dialog.getByText('stops working at once')).toBeVisible();
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await expect(page.getByText('Token “curl on my laptop” revoked')).toBeVisible();
    await expect(page.getByText('No tokens yet.')).toBeVisible();
    const me = await curl.get('/api/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(401);
    expect((await me.json()).error.message).toMatch(/revoked/);
  });

  expect(consoleErrors).toEqual([]);
  await curl.dispose();
});
