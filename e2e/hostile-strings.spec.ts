import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { groupToFit, HOSTILE_SINK, STORABLE_HOSTILE_STRINGS } from '../test/support/hostile-strings';
import { post, signUp } from './api-accounts';
import { expect, test } from './csp';
import { snap } from './helpers';

/**
 * Every page that shows stored text, in Chromium, with the shared hostile strings in every kind
 * of field people can write: item titles, descriptions (Markdown), labels, scope questions,
 * comments, decision whys, member names, API token names and workspace names (the assessment
 * report's company). Each payload that runs calls `__pwned(n)`; the page exposes that function,
 * so a single call, an alert or a Content-Security-Policy violation fails the journey.
 */

const STORABLE = STORABLE_HOSTILE_STRINGS;

/** Runs `task` over `values`, `size` at a time: the server is one process on a small machine. */
async function inBatches<T, R>(
  values: readonly T[],
  size: number,
  task: (value: T, index: number) => Promise<R>,
) {
  const results: R[] = [];
  for (let start = 0; start < values.length; start += size) {
    const batch = values.slice(start, start + size);
    results.push(...(await Promise.all(batch.map((value, i) => task(value, start + i)))));
  }
  return results;
}

/** A signed-in page whose window has the sink, reporting every call and dialog to `executions`. */
async function openWatched(browser: Browser, baseURL: string, api: APIRequestContext, executions: string[]) {
  const context = await browser.newContext({ baseURL, storageState: await api.storageState() });
  await context.exposeBinding(HOSTILE_SINK, (source, n: unknown) => {
    executions.push(`__pwned(${String(n)}) on ${source.page?.url() ?? '?'}`);
  });
  context.on('dialog', (dialog) => {
    executions.push(`${dialog.type()}("${dialog.message()}") on ${dialog.page()?.url() ?? '?'}`);
    void dialog.dismiss();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => executions.push(`page error: ${error.message}`));
  return page;
}

/** Scrolls a scrolling element to its end in steps, so a virtualized list renders every row. */
async function scrollThrough(page: Page, selector: string): Promise<void> {
  for (let step = 0; step < 200; step += 1) {
    const more = await page.locator(selector).evaluate((el) => {
      el.scrollTop += el.clientHeight * 0.9;
      return el.scrollTop + el.clientHeight < el.scrollHeight - 1;
    });
    await page.waitForTimeout(30);
    if (!more) return;
  }
}

test('no hostile string runs or breaks the policy on any page that shows it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const names = groupToFit(STORABLE, 100).map((group) => group.join(' '));
  const founder = await signUp(baseURL, names[0]!, `founder-${run}@hostile.e2e.headway.dev`);
  const ws = (await post(founder, '/api/workspaces', { name: names[0] })) as { id: string; slug: string };
  const w = `/api/workspaces/${ws.id}`;
  const executions: string[] = [];
  let hubId = '';

  // Strings grouped to fill a title (300 characters): each group is one item, and the same group
  // is that item's description, scope question, labels (those that fit), why and a comment.
  const groups = groupToFit(STORABLE, 300);

  let items: { id: string }[] = [];
  await test.step('the founder writes every group into an item', async () => {
    // Estimates first: once developers join, estimating is theirs.
    items = (await inBatches(groups, 4, (group) =>
      post(founder, `${w}/items`, {
        type: 'feature',
        title: group.join(' '),
        description: group.join('\n\n'),
        scopeQuestion: group.join('\n'),
        labels: [...new Set(group.map((text) => text.trim()).filter((text) => text.length <= 40))],
        estimate: { optimistic: 1, likely: 2, pessimistic: 3 },
      }),
    )) as { id: string }[];
    // Two items carry every string at once: one paragraph each, and all in one line.
    const hub = (await post(founder, `${w}/items`, {
      type: 'bug',
      title: 'Every hostile string, a paragraph each',
      description: STORABLE.join('\n\n'),
    })) as { id: string };
    hubId = hub.id;
    await post(founder, `${w}/items`, {
      type: 'bug',
      title: 'Every hostile string in one line',
      description: STORABLE.join(' '),
    });
  });

  await test.step('whys, tokens and workspace names, while members with hostile names join', async () => {
    const founderWrites = async () => {
      // Each item moves to the top with its group as the why.
      for (const [i, item] of items.entries()) {
        await post(founder, `${w}/items/${item.id}/move`, {
          afterId: null,
          rationale: groups[i]?.join('\n\n'),
        });
      }
      for (const name of names.slice(1)) await post(founder, '/api/workspaces', { name });
      for (const name of names.slice(0, 20)) await post(founder, '/api/tokens', { name });
      await post(founder, `${w}/assessments`, { variant: 'short', answers: {} });
    };
    const membersJoin = () =>
      inBatches(names, 3, async (name, i) => {
        const invitation = (await post(founder, `${w}/invitations`, { role: 'developer', fte: 1 })) as {
          token: string;
        };
        const member = await signUp(baseURL, name, `member-${i}-${run}@hostile.e2e.headway.dev`);
        await post(member, '/api/invitations/accept', { token: invitation.token });
        // The first members write every group as a comment, so comments show hostile authors too.
        const group = groups[i];
        if (group) await post(member, `${w}/items/${hubId}/comments`, { body: group.join('\n\n') });
        await member.api.dispose();
      });
    await Promise.all([founderWrites(), membersJoin()]);
  });

  const page = await openWatched(browser, baseURL, founder.api, executions);
  const visit = async (path: string, shot: string) => {
    await page.goto(path);
    await expect(page.locator('main, .main').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await snap(page, `hostile-${shot}`);
  };
  const base = `/w/${ws.slug}`;

  await test.step('the workspace list and the backlog, every row scrolled into view', async () => {
    await visit('/workspaces', 'workspaces');
    await expect(page.getByText(names[1]!.trim().slice(0, 20)).first()).toBeVisible();
    await visit(`${base}/backlog?type=feature`, 'backlog');
    await expect(page.getByTestId('backlog-row').first()).toBeVisible();
    await scrollThrough(page, '.backlog-scroll');
  });

  await test.step('the item details: descriptions, comments by hostile names and the decision log', async () => {
    await visit(`${base}/backlog?type=bug`, 'bugs');
    for (const title of ['Every hostile string, a paragraph each', 'Every hostile string in one line']) {
      await page.getByRole('button', { name: title, exact: true }).click();
      const panel = page.getByTestId('item-panel');
      await expect(panel.getByTestId('description')).toContainText('javascript:__pwned(');
      const comments = title.endsWith('each') ? groups.length : 0;
      await expect(panel.locator('.comment')).toHaveCount(comments);
      await snap(page, `hostile-item-${title.endsWith('each') ? 'paragraphs' : 'line'}`);
      await page.getByRole('button', { name: 'Close item' }).click();
    }
    // An item whose title, description, labels and why are one group of strings.
    await page.goto(`${base}/backlog?type=feature`);
    await page.getByTestId('backlog-row').first().locator('.title-button').click();
    await expect(page.getByTestId('item-panel').getByTestId('decision-log')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await snap(page, 'hostile-item-group');
    await page.getByRole('button', { name: 'Close item' }).click();
  });

  await test.step('the roadmap, board, prioritization, decision log, inbox, waiting and team pages', async () => {
    for (const [path, shot] of [
      ['roadmap', 'roadmap'],
      ['board', 'board'],
      ['prioritize', 'prioritize'],
      ['inbox', 'inbox'],
      ['waiting', 'waiting'],
      ['team', 'team'],
      ['settings/tokens', 'tokens'],
    ] as const) {
      await visit(`${base}/${path}`, shot);
    }
    await visit(`${base}/decisions`, 'decisions');
    const more = page.getByRole('button', { name: 'Show older decisions' });
    while (await more.isVisible()) {
      await more.click();
      await page.waitForLoadState('networkidle');
    }
    await expect(page.getByText('__pwned(1)', { exact: false }).first()).toBeAttached();
  });

  await test.step('the assessment of a hostile company, in the app and as its sandboxed report', async () => {
    await visit(`${base}/assessment/1`, 'assessment');
    const response = await page.goto(`${w}/assessments/1/report?format=html`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/^sandbox;/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Development setup assessment:');
    await snap(page, 'hostile-report');
  });

  // The sink works: a call made on purpose is seen, so silence above means nothing ran.
  await page.goto(`${base}/backlog`);
  await page.evaluate(
    (sink) => (window as unknown as Record<string, (n: number) => void>)[sink]?.(0),
    HOSTILE_SINK,
  );
  await expect.poll(() => executions.length).toBe(1);
  expect(executions).toEqual([`__pwned(0) on ${baseURL}${base}/backlog`]);
  await page.context().close();
});
