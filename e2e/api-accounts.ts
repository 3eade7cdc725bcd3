import { type APIRequestContext, type Browser, expect, type Page, request } from '@playwright/test';
import { PASSWORD } from './helpers';

/** Someone signed in through the API: the request context carries their session cookie. */
export interface Account {
  api: APIRequestContext;
  csrf: string;
}

/** Signs a person up through the API; the returned context carries their session. */
export async function signUp(baseURL: string, name: string, email: string): Promise<Account> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/auth/signup', { data: { name, email, password: PASSWORD } });
  expect(res.status()).toBe(201);
  return { api, csrf: (await res.json()).csrfToken as string };
}

/** A write through the API as the account; fails the test with the server's answer if refused. */
export async function post(account: Account, path: string, data: unknown) {
  const res = await account.api.post(path, { data, headers: { 'X-CSRF-Token': account.csrf } });
  expect(res.ok(), `${path} answered ${res.status()}: ${await res.text()}`).toBe(true);
  return res.json();
}

/** A browser page signed in as the account, on the given path. */
export async function openAs(
  browser: Browser,
  baseURL: string,
  account: Account,
  path: string,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: await account.api.storageState() });
  const page = await context.newPage();
  await page.goto(path);
  return page;
}
