import { isPlannedMember } from '../src/domain/planning';
import { buildDemoWorkspace } from '../src/server/demo/demo-workspace';
import { importWithTeam } from './api-accounts';
import { expect, test } from './csp';
import { PASSWORD, signUpInNewContext, snapFull } from './helpers';

test('a product manager adds a developer in a what-if scenario and sees a milestone move earlier', async ({
  page,
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  let invitePath = '';

  await test.step('the founder imports the demo company and invites a product manager', async () => {
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Rae Founder');
    await page.getByLabel('Email').fill('rae@roadmap.e2e.headway.dev');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Workspaces' })).toBeVisible();
    const csrf = (await page.context().cookies()).find((c) => c.name === 'headway_csrf')?.value ?? '';
    const headers = { 'X-CSRF-Token': decodeURIComponent(csrf) };
    const data = buildDemoWorkspace(new Date());
    data.workspace.name = 'Roadmap Co';
    const workspace = await importWithTeam(
      baseURL,
      { request: page.request, csrf: headers['X-CSRF-Token'] },
      data,
    );
    const invitation = await page.request.post(`/api/workspaces/${workspace.id}/invitations`, {
      data: { role: 'product_manager', fte: 0.5, skills: ['product'] },
      headers,
    });
    expect(invitation.status()).toBe(201);
    invitePath = ((await invitation.json()) as { path: string }).path;
  });

  const pm = await signUpInNewContext({
    browser,
    baseURL,
    path: invitePath,
    name: 'Pia Manager',
    email: 'pia@roadmap.e2e.headway.dev',
  });
  await pm.getByRole('button', { name: 'Join workspace' }).click();
  await expect(pm).toHaveURL(/\/w\/[^/]+\/backlog/);
  // The welcome toast covers the navigation; it goes by itself after 4 s, and on a busy machine it
  // can be gone before a click lands, so wait for it rather than race it.
  await expect(pm.getByRole('button', { name: 'Dismiss message' })).toBeHidden();

  await test.step('the product manager opens the timeline by person and reads why an item starts', async () => {
    await pm.getByRole('link', { name: 'Roadmap' }).click();
    await expect(pm.getByRole('heading', { name: 'Roadmap', level: 1 })).toBeVisible();
    // The summary counts the people the planning rules plan on, as `headway plan` does.
    const workspaceId = (await pm.request.get('/api/me').then((r) => r.json())).workspaces[0].id as string;
    const members = (await pm.request.get(`/api/workspaces/${workspaceId}/members`).then((r) => r.json()))
      .data as Array<{ role: string; fte: number; skills: string[] }>;
    const planned = members.filter(isPlannedMember).length;
    expect(planned).toBeLessThan(members.length);
    await expect(pm.locator('.roadmap-summary')).toContainText(` items on ${planned} people, `);
    const timeline = pm.getByTestId('timeline-person');
    await expect(timeline.getByTestId('timeline-bar').first()).toBeVisible();
    expect(await pm.getByTestId('milestone-card').count()).toBeGreaterThan(0);
    // Keyboard users get the reason too: focus a bar and the tooltip describes it.
    const bar = timeline.getByTestId('timeline-bar').nth(3);
    await bar.focus();
    const tooltip = pm.getByRole('tooltip');
    await expect(tooltip).toBeVisible();
    await expect(bar).toHaveAccessibleDescription(/\S/);
    await snapFull(pm, 'roadmap-timeline-person');
    await bar.press('Escape');
    await expect(tooltip).toBeHidden();
  });

  await test.step('by initiative, milestones show as diamonds against their targets', async () => {
    await pm.getByText('By initiative', { exact: true }).click();
    const timeline = pm.getByTestId('timeline-initiative');
    await expect(timeline).toBeVisible();
    expect(await timeline.getByTestId('timeline-milestone').count()).toBeGreaterThan(0);
    await pm.reload();
    await snapFull(pm, 'roadmap-timeline-initiative');
  });

  await test.step('now, next and later', async () => {
    await pm.reload();
    await pm.getByText('Now / next / later', { exact: true }).click();
    await expect(pm.getByRole('heading', { name: /^Now/ })).toBeVisible();
    await expect(pm.getByRole('heading', { name: /^Next/ })).toBeVisible();
    await expect(pm.getByRole('heading', { name: /^Later/ })).toBeVisible();
    await snapFull(pm, 'roadmap-now-next-later');
  });

  await test.step('a what-if scenario with one more backend developer brings a milestone earlier', async () => {
    await pm.reload();
    await pm.getByText('What-if', { exact: true }).click();
    await expect(pm.getByRole('combobox', { name: 'Change' })).toHaveValue('add_person');
    await pm.getByLabel('Name').fill('New developer');
    await pm.getByLabel('FTE').fill('1');
    await pm.getByLabel('Skills').fill('backend, devops');
    await pm.getByRole('button', { name: 'Add change' }).click();
    await expect(pm.getByRole('list', { name: 'Changes in this scenario' })).toContainText(
      'Add New developer',
    );
    const computed = pm.waitForResponse((r) => r.url().includes('/roadmap/scenarios'));
    await pm.getByRole('button', { name: 'Compute scenario' }).click();
    expect((await computed).status()).toBe(200);
    const rows = pm.getByTestId('scenario-milestone');
    await expect(rows.first()).toBeVisible();
    const earlier = rows.filter({ has: pm.locator('.diff-earlier') });
    await expect(earlier.first()).toContainText(/\d+ days? earlier/);
    await expect(pm.getByTestId('scenario-end')).toBeVisible();
    await snapFull(pm, 'roadmap-scenario');
  });

  await test.step('the product manager publishes the plan, reorders, and sees the slips', async () => {
    await pm.reload();
    await pm.getByText('Timeline', { exact: true }).click();
    await pm.getByLabel('Note for this version').fill('Plan agreed for the quarter');
    const published = pm.waitForResponse(
      (r) => r.url().endsWith('/roadmap/snapshots') && r.request().method() === 'POST',
    );
    await pm.getByRole('button', { name: 'Publish this plan' }).click();
    expect((await published).status()).toBe(201);
    await expect(pm.getByRole('button', { name: 'Compare with version 1' })).toBeVisible();

    // The last planned item jumps to the top of the backlog, so others start later.
    const workspaceId = (await pm.request.get('/api/me').then((r) => r.json())).workspaces[0].id as string;
    const plan = (await pm.request.get(`/api/workspaces/${workspaceId}/roadmap`).then((r) => r.json())) as {
      items: { itemId: string; rank: number }[];
    };
    const last = [...plan.items].sort((a, b) => b.rank - a.rank)[0];
    if (!last) throw new Error('the demo plan has items');
    const csrf = (await pm.context().cookies()).find((c) => c.name === 'headway_csrf')?.value ?? '';
    const moved = await pm.request.post(`/api/workspaces/${workspaceId}/items/${last.itemId}/move`, {
      data: { afterId: null, rationale: 'A customer escalation' },
      headers: { 'X-CSRF-Token': decodeURIComponent(csrf) },
    });
    expect(moved.status()).toBe(200);

    await pm.reload();
    await pm.getByRole('button', { name: 'Compare with version 1' }).click();
    const comparison = pm.getByTestId('comparison');
    await expect(comparison.getByRole('heading', { name: 'Since version 1' })).toBeVisible();
    await expect(comparison).toContainText(/\d+ days? (later|earlier)/);
    await snapFull(pm, 'roadmap-compare');
  });
});
