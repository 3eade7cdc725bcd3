import { expect, test } from './csp';
import { dragRow, expectOrder, PASSWORD, rowOf, signUpInNewContext, snap, waitForMove } from './helpers';

const ITEMS = ['Onboarding checklist', 'Billing page', 'Export to CSV', 'Fix login redirect', 'Dark mode'];

test('a product team orders, estimates and resolves a conflict, and it all persists', async ({
  page,
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  let invites: Record<'pm' | 'dev' | 'cto', string> = { pm: '', dev: '', cto: '' };

  await test.step('the founder signs up and creates a workspace', async () => {
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Alex Founder');
    await page.getByLabel('Email').fill('alex@e2e.headway.dev');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Workspaces' })).toBeVisible();
    await page.getByLabel('New workspace name').fill('Acme');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expect(page).toHaveURL(/\/w\/[^/]+\/backlog/);
    await expect(page.getByText('The backlog is empty')).toBeVisible();
    await snap(page, 'backlog-empty');
    for (const [i, title] of ITEMS.entries()) {
      await page.getByLabel('New item title').fill(title);
      await page.getByLabel('New item title').press('Enter');
      await expect(page.getByTestId('backlog-row')).toHaveCount(i + 1);
    }
  });

  await test.step('the founder invites a product manager, a developer and a CTO', async () => {
    await page.getByRole('link', { name: 'Team' }).click();
    const link = page.getByTestId('invite-link');
    let previous = '';
    const roles = { pm: 'product manager', dev: 'developer', cto: 'CTO' } as const;
    const created: Partial<typeof invites> = {};
    for (const [key, role] of Object.entries(roles) as [keyof typeof roles, string][]) {
      await page.getByRole('combobox', { name: 'Role', exact: true }).selectOption({ label: role });
      await page.getByRole('button', { name: 'Create invitation link' }).click();
      await expect(link).not.toHaveValue(previous);
      previous = await link.inputValue();
      created[key] = new URL(previous).pathname;
    }
    invites = created as typeof invites;
    expect(invites.pm).toMatch(/^\/join\//);
  });

  const join = async (path: string, name: string, email: string) => {
    const joined = await signUpInNewContext({ browser, baseURL, path, name, email });
    await joined.getByRole('button', { name: 'Join workspace' }).click();
    await expect(joined).toHaveURL(/\/w\/[^/]+\/backlog/);
    await expect(joined.getByTestId('backlog-row')).toHaveCount(ITEMS.length);
    return joined;
  };
  const pm = await join(invites.pm, 'Pat Manager', 'pat@e2e.headway.dev');
  const dev = await join(invites.dev, 'Jo Developer', 'jo@e2e.headway.dev');
  const cto = await join(invites.cto, 'Sam Cto', 'sam@e2e.headway.dev');

  await test.step('the founder sees the team with their roles', async () => {
    await page.reload();
    await expect(page.getByRole('rowheader', { name: /Pat Manager/ })).toBeVisible();
    await expect(page.getByLabel('Role of Sam Cto')).toHaveValue('cto');
    await snap(page, 'team');
  });

  await test.step('the product manager reorders by drag and by keyboard', async () => {
    await expectOrder(pm, ['#1', '#2', '#3', '#4', '#5']);
    const moved = waitForMove(pm);
    await dragRow(pm, rowOf(pm, 'Export to CSV'), rowOf(pm, 'Onboarding checklist'));
    expect((await moved).status()).toBe(200);
    await expectOrder(pm, ['#3', '#1', '#2', '#4', '#5']);

    await rowOf(pm, 'Dark mode').focus();
    for (let i = 0; i < 2; i++) {
      const answered = waitForMove(pm);
      await pm.keyboard.press('Alt+ArrowUp');
      expect((await answered).status()).toBe(200);
    }
    await expectOrder(pm, ['#3', '#1', '#5', '#2', '#4']);
    await expect(rowOf(pm, 'Dark mode')).toBeFocused();

    const clicked = waitForMove(pm);
    await pm.getByRole('button', { name: 'Move #4 up' }).click();
    expect((await clicked).status()).toBe(200);
    await expectOrder(pm, ['#3', '#1', '#5', '#4', '#2']);
    await snap(pm, 'backlog');
  });

  await test.step('a developer who tries to reorder is told who decides', async () => {
    await dev.reload();
    const refusal = dev.getByTestId('order-refusal');
    await expect(refusal).toContainText(
      'Ordering the backlog belongs to the product function: ask Pat Manager',
    );
    await expect(dev.getByRole('button', { name: 'Move #1 up' })).toBeDisabled();
    await rowOf(dev, 'Onboarding checklist').focus();
    await dev.keyboard.press('Alt+ArrowUp');
    await expect(dev.getByTestId('toast')).toContainText('ask Pat Manager (product manager)');
    await snap(dev, 'backlog-developer-refused');
    // The server refuses too, with the same answer, if the UI is bypassed.
    const csrf = (await dev.context().cookies()).find((c) => c.name === 'headway_csrf')?.value ?? '';
    const workspaces = await (await dev.request.get('/api/me')).json();
    const ws = workspaces.workspaces[0].id as string;
    const items = await (await dev.request.get(`/api/workspaces/${ws}/items`)).json();
    const refused = await dev.request.post(`/api/workspaces/${ws}/items/${items.data[1].id}/move`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { afterId: null },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe('decision_not_yours');
  });

  await test.step('the CTO sets a three-point estimate', async () => {
    await cto.getByRole('button', { name: 'Billing page', exact: true }).click();
    const panel = cto.getByTestId('item-panel');
    await panel.getByLabel('Optimistic (days)').fill('2');
    await panel.getByLabel('Likely (days)').fill('3');
    await panel.getByLabel('Pessimistic (days)').fill('6');
    await panel.getByRole('button', { name: 'Save estimate' }).click();
    await expect(panel.getByTestId('estimate-summary')).toHaveText('Expected 3.3 days ± 0.7');
    await expect(panel.getByTestId('decision-log')).toContainText('Sam Cto');
    await expect(rowOf(cto, 'Billing page').locator('.cell-estimate')).toHaveText('2–3–6d');

    // Billing page (#2) waits for the onboarding checklist (#1); the reverse would be a cycle.
    await panel.getByLabel('Item number this depends on').fill('#1');
    await panel.getByRole('button', { name: 'Add dependency' }).click();
    await expect(panel.getByRole('button', { name: '#1 Onboarding checklist', exact: true })).toBeVisible();
    await snap(cto, 'item-detail');
    await cto.getByRole('button', { name: 'Onboarding checklist', exact: true }).click();
    await expect(panel.getByRole('button', { name: /edit title of #1$/ })).toBeVisible();
    await panel.getByLabel('Item number this depends on').fill('2');
    await panel.getByRole('button', { name: 'Add dependency' }).click();
    await expect(panel.getByTestId('dependency-error')).toContainText('#2');
    await snap(cto, 'dependency-cycle');
    await expect(panel.getByText('Nothing: this item can start any time.')).toBeVisible();
    await cto.getByRole('button', { name: 'Close item' }).click();
  });

  await test.step('a conflicting edit from a second browser gets the conflict dialog', async () => {
    await pm.getByRole('button', { name: 'Export to CSV', exact: true }).click();
    const panel = pm.getByTestId('item-panel');
    await expect(panel.getByRole('button', { name: /edit title of #3$/ })).toBeVisible();

    // The product manager starts editing; meanwhile the developer's change reaches this tab live.
    // Saving must not silently overwrite it: the edit began from the older version.
    await panel.getByRole('button', { name: /edit title of #3$/ }).click();
    await panel.getByLabel('title of #3').fill('Export to CSV and Excel');
    await dev.reload();
    const changed = dev.waitForResponse((r) => r.request().method() === 'PATCH');
    await dev.getByLabel('State of #3').selectOption('in_progress');
    expect((await changed).status()).toBe(200);
    await expect(panel.getByLabel('State', { exact: true })).toHaveValue('in_progress');
    await panel.getByLabel('title of #3').press('Enter');
    const dialog = pm.getByRole('dialog', { name: 'Someone changed this item while you were editing' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('row', { name: /State/ })).toContainText('In progress');
    await expect(dialog.getByRole('row', { name: /Title/ })).toContainText('Export to CSV and Excel');
    await snap(pm, 'conflict-dialog');
    await dialog.getByRole('button', { name: 'Reapply my change' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      pm.getByRole('button', { name: 'Export to CSV and Excel', exact: true }).first(),
    ).toBeVisible();
  });

  await test.step('the board moves work between states', async () => {
    await pm.getByRole('link', { name: 'Board' }).click();
    const ready = pm.getByTestId('column-ready');
    await expect(ready.locator('.badge')).toContainText('0');
    const card = pm.getByTestId('board-card').filter({ hasText: 'Dark mode' });
    const handle = await card.locator('.drag-handle').boundingBox();
    const target = await ready.boundingBox();
    if (!handle || !target) throw new Error('board is not visible');
    const saved = pm.waitForResponse((r) => r.request().method() === 'PATCH');
    await pm.mouse.move(handle.x + 5, handle.y + 5);
    await pm.mouse.down();
    await pm.mouse.move(handle.x + 20, handle.y + 20, { steps: 4 });
    await pm.mouse.move(target.x + target.width / 2, target.y + 80, { steps: 10 });
    await pm.mouse.up();
    expect((await saved).status()).toBe(200);
    await expect(ready.locator('.badge')).toContainText('1');
    await snap(pm, 'board');
    await pm.getByRole('link', { name: /Inbox/ }).click();
    await expect(pm.getByRole('heading', { name: 'Decision inbox' })).toBeVisible();
    await snap(pm, 'inbox');
    await pm.keyboard.press('?');
    await expect(pm.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await snap(pm, 'shortcuts');
    await pm.keyboard.press('Escape');
  });

  await test.step('the CTO renames a state, sets a WIP limit and marks a state blocked; the column is marked over it', async () => {
    await cto.goto(pm.url().replace('/inbox', '/board'));
    await cto.getByText('Workflow: states, order and WIP limits').click();
    const row = cto.getByTestId('workflow-state').filter({ has: cto.getByLabel('Name of New') });
    await row.getByLabel('Name of New').fill('Triage');
    await row.getByLabel('WIP limit of New').fill('1');
    const saved = cto.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().includes('/workflow/'),
    );
    await row.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    const column = cto.getByTestId('column-new');
    await expect(column.getByRole('heading')).toContainText('Triage');
    await expect(column).toHaveAttribute('data-wip', 'over');
    await expect(column.getByTestId('column-count')).toContainText(/^\d+\/1/);
    await expect(column.getByRole('note')).toContainText('Over its WIP limit');
    const marked = cto.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().includes('/workflow/'),
    );
    // The box follows the saved state, so it is ticked once the server has answered.
    await cto.getByLabel('In review is a blocked state').click();
    expect((await marked).status()).toBe(200);
    await expect(cto.getByLabel('In review is a blocked state')).toBeChecked();
    await snap(cto, 'board-wip');
  });

  await test.step('a reload shows everything persisted', async () => {
    await pm.goto(pm.url().replace('/inbox', '/backlog'));
    await expectOrder(pm, ['#3', '#1', '#5', '#4', '#2']);
    await expect(pm.getByLabel('State of #3')).toHaveValue('in_progress');
    await expect(pm.getByLabel('State of #5')).toHaveValue('ready');
    await expect(rowOf(pm, 'Export to CSV and Excel')).toBeVisible();
    await expect(rowOf(pm, 'Billing page').locator('.cell-estimate')).toHaveText('2–3–6d');
    await pm.setViewportSize({ width: 390, height: 844 });
    await expect(pm.getByTestId('backlog-row').first()).toBeVisible();
    await snap(pm, 'backlog-phone');
  });
});
