import { expect, test } from './csp';
import { dragRow, PASSWORD, snap, waitForMove, watchConsole } from './helpers';

test('a founder of an empty workspace follows the checklist, adds sample data and meets the ends of the backlog', async ({
  page,
}) => {
  const run = Date.now().toString(36);
  const errors = watchConsole(page);
  const checklist = page.getByTestId('getting-started');

  await test.step('a new workspace shows the checklist with nothing done', async () => {
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Grace Founder');
    await page.getByLabel('Email').fill(`grace-${run}@getting-started.e2e.headway.dev`);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByLabel('New workspace name').fill('Grace’s startup');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expect(page).toHaveURL(/\/w\/[^/]+\/backlog/);
    await expect(checklist).toBeVisible();
    await expect(page.getByTestId('getting-started-progress')).toHaveText('0 of 6 done');
    await expect(checklist.getByRole('listitem')).toHaveText([
      /Bring work in/,
      /Invite the team/,
      /Set who decides what/,
      /Order the backlog/,
      /Estimate the work/,
      /See the plan and a forecast/,
    ]);
    await snap(page, 'getting-started-empty');
  });

  await test.step('sample data fills the backlog and ticks what it brings', async () => {
    await checklist.getByRole('button', { name: 'Add sample data' }).click();
    await expect(page.getByTestId('toast').filter({ hasText: /Added \d+ sample items/ })).toBeVisible();
    await expect(page.getByTestId('backlog-row').first()).toBeVisible();
    await expect(page.getByTestId('step-items')).toHaveClass(/is-done/);
    await expect(page.getByTestId('step-estimates')).toHaveClass(/is-done/);
    await expect(page.getByTestId('step-order')).not.toHaveClass(/is-done/);
    // The workspace has items now: sample data is not offered again.
    await expect(checklist.getByRole('button', { name: 'Add sample data' })).toHaveCount(0);
    await snap(page, 'getting-started-sample');
  });

  await test.step('↑ on the first row and ↓ on the last say there is nowhere to go, and send nothing', async () => {
    const moves: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/move')) moves.push(r.url());
    });
    const first = page.getByTestId('backlog-row').first();
    const firstNumber = await first.locator('.cell-number').textContent();
    const up = first.getByRole('button', { name: `Move ${firstNumber} up` });
    await expect(up).toHaveAttribute('aria-disabled', 'true');
    await expect(up).toHaveAttribute('title', 'Already at the top of the backlog');
    await up.click({ force: true });
    await expect(
      page.getByTestId('toast').filter({ hasText: `${firstNumber} is already at the top of the backlog` }),
    ).toBeVisible();
    // Alt+↑ on the first row says the same.
    await first.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(page.getByTestId('toast').filter({ hasText: 'already at the top' }).first()).toBeVisible();

    await page.keyboard.press('End');
    const count = Number((await page.getByTestId('backlog-count').textContent())?.match(/\d+/)?.[0]);
    const last = page.locator(`[data-testid="backlog-row"][data-index="${count - 1}"]`);
    await expect(last).toBeFocused();
    const lastNumber = await last.locator('.cell-number').textContent();
    const down = last.getByRole('button', { name: `Move ${lastNumber} down` });
    await expect(down).toHaveAttribute('aria-disabled', 'true');
    await down.click({ force: true });
    await expect(
      page.getByTestId('toast').filter({ hasText: `${lastNumber} is already at the bottom of the backlog` }),
    ).toBeVisible();
    // The middle rows still move both ways.
    await expect(last.getByRole('button', { name: `Move ${lastNumber} up` })).not.toHaveAttribute(
      'aria-disabled',
    );
    await snap(page, 'getting-started-edges');
    expect(moves).toEqual([]);
  });

  await test.step('ordering and a forecast tick their steps', async () => {
    await page.keyboard.press('Home');
    const first = page.getByTestId('backlog-row').first();
    const firstNumber = await first.locator('.cell-number').textContent();
    const moved = waitForMove(page);
    await first.getByRole('button', { name: `Move ${firstNumber} down` }).click();
    expect((await moved).status()).toBe(200);
    await expect(page.getByTestId('step-order')).toHaveClass(/is-done/);

    // A drag is announced to screen readers by number and title, never by the item's id.
    const rows = page.getByTestId('backlog-row');
    const dragged = (await rows.nth(3).locator('.title-button').textContent()) ?? '';
    const dropped = waitForMove(page);
    await dragRow(page, rows.nth(3), rows.nth(1));
    expect((await dropped).status()).toBe(200);
    const live = page.locator('[id^="DndLiveRegion"]');
    await expect(live).toContainText(`“${dragged}”`);
    await expect(live).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    await checklist.getByRole('link', { name: 'Forecast' }).click();
    await expect(page.getByRole('heading', { name: 'Forecasts', level: 1 })).toBeVisible();
    await expect(page.getByText(/next 10 items/i).first()).toBeVisible();
    await page.getByRole('link', { name: 'Backlog' }).click();
    await expect(page.getByTestId('step-forecast')).toHaveClass(/is-done/);
    await expect(page.getByTestId('getting-started-progress')).toHaveText('4 of 6 done');
    await snap(page, 'getting-started-progress');
  });

  await test.step('the checklist can be hidden and stays hidden', async () => {
    await checklist.getByRole('button', { name: 'Hide' }).click();
    await expect(checklist).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('backlog-row').first()).toBeVisible();
    await expect(checklist).toHaveCount(0);
  });

  expect(errors).toEqual([]);
});
