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

/**
 * Imports a Headway JSON file as the signed-in person of `importer`, then has every other member
 * the file lists sign up (or sign in) and accept their invitation, as a real team would: an
 * import alone makes nobody a member.
 * @returns the import's answer (the new workspace)
 */
export async function importWithTeam(
  baseURL: string,
  importer: { request: APIRequestContext; csrf: string },
  file: { members: { email: string; name: string }[] },
): Promise<{ id: string; slug: string }> {
  const res = await importer.request.post('/api/workspaces/import', {
    data: file,
    headers: { 'X-CSRF-Token': importer.csrf },
  });
  expect(res.status(), await res.text()).toBe(201);
  const imported = (await res.json()) as {
    id: string;
    slug: string;
    invitations: { email: string; path: string }[];
  };
  for (const invitation of imported.invitations) {
    const name = file.members.find((m) => m.email.toLowerCase() === invitation.email)?.name ?? 'Member';
    const api = await request.newContext({ baseURL });
    let session = await api.post('/api/auth/signup', {
      data: { name, email: invitation.email, password: PASSWORD },
    });
    if (session.status() === 409) {
      session = await api.post('/api/auth/signin', { data: { email: invitation.email, password: PASSWORD } });
    }
    expect(session.ok(), await session.text()).toBe(true);
    const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
    const accepted = await api.post('/api/invitations/accept', {
      data: { token: invitation.path.replace('/join/', '') },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(accepted.ok(), await accepted.text()).toBe(true);
    await api.dispose();
  }
  return imported;
}
