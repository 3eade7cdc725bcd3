import { readFile } from 'node:fs/promises';
import { request } from '@playwright/test';
import { openAs, post, signUp } from './api-accounts';
import { expect, test } from './csp';
import { snap, watchConsole } from './helpers';

const HOSTILE = '=HYPERLINK("http://x")';

test('a founder exports the backlog as CSV and subscribes a calendar to the milestones, then revokes it', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const founder = await signUp(baseURL, 'Esme Exports', 'esme@exports.e2e.headway.dev');
  const ws = (await post(founder, '/api/workspaces', { name: 'Export Works' })) as {
    id: string;
    slug: string;
  };
  const items = `/api/workspaces/${ws.id}/items`;
  await post(founder, items, { type: 'initiative', title: 'Launch in Spain', targetDate: '2030-03-02' });
  await post(founder, items, { type: 'feature', title: 'Checkout in euros', labels: ['payments'] });
  await post(founder, items, { type: 'bug', title: HOSTILE, labels: ['payments'] });
  await post(founder, items, { type: 'task', title: 'Old receipts', state: 'done' });
  const page = await openAs(browser, baseURL, founder, `/w/${ws.slug}/backlog`);
  const consoleErrors = watchConsole(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  // As a calendar app would: no cookies, no token.
  const calendarApp = await request.newContext({ baseURL });

  await test.step('the backlog filtered by a label downloads as CSV with those rows, formulas neutralised', async () => {
    await page.getByLabel('Label').fill('payments');
    await expect(page).toHaveURL(/label=payments/);
    await expect(page.getByTestId('backlog-count')).toHaveText('2 items');
    await snap(page, 'exports-backlog');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const today = new Date().toISOString().slice(0, 10);
    expect(download.suggestedFilename()).toBe(`${ws.slug}-backlog-${today}.csv`);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Position,Number,Title,Type,State,/);
    expect(lines).toHaveLength(3);
    expect(csv).toContain('Checkout in euros');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toContain('Launch in Spain');
    expect(csv).not.toContain('Old receipts');
  });

  let feedUrl = '';
  await test.step('on the roadmap, the founder creates a calendar feed and copies its address', async () => {
    await page.goto(`/w/${ws.slug}/roadmap`);
    await expect(page.getByRole('heading', { name: 'Subscribe in a calendar' })).toBeVisible();
    await expect(page.getByText('You have no calendar feeds of this workspace.')).toBeVisible();
    await page.getByLabel('Feed name').fill('work calendar');
    await page.getByRole('button', { name: 'Create calendar feed' }).click();
    await expect(page.getByText('it will not be shown again')).toBeVisible();
    feedUrl = await page.getByTestId('calendar-feed-url').inputValue();
    expect(feedUrl).toMatch(new RegExp(`^${baseURL}/api/calendar/hwc_[\\w-]{43}\\.ics$`));
    await page.getByRole('button', { name: 'Copy address' }).click();
    await expect(page.getByText('Calendar address copied')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl);
    await expect(page.getByRole('list', { name: 'Your calendar feeds' })).toContainText('work calendar');
    await page.getByTestId('calendar-feed-url').scrollIntoViewIfNeeded();
    await snap(page, 'exports-calendar-feed-created');
  });

  await test.step('the address answers a calendar app without a session, with the milestone', async () => {
    const res = await calendarApp.get(feedUrl);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const body = await res.text();
    expect(body).toContain('BEGIN:VEVENT');
    expect(body).toContain('SUMMARY:Launch in Spain');
    expect(body).toContain('DTSTART;VALUE=DATE:20300302');
  });

  await test.step('the founder revokes the feed, and the same address answers 404', async () => {
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Revoke work calendar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke “work calendar”?' });
    await dialog.getByRole('button', { name: 'Revoke feed' }).click();
    await expect(page.getByText('Calendar feed “work calendar” revoked')).toBeVisible();
    await expect(page.getByText('You have no calendar feeds of this workspace.')).toBeVisible();
    await snap(page, 'exports-calendar-feed-revoked');
    const res = await calendarApp.get(feedUrl);
    expect(res.status()).toBe(404);
  });

  expect(consoleErrors).toEqual([]);
  await calendarApp.dispose();
});
