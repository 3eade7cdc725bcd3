import { openAs, post, signUp } from './api-accounts';
import { expect, test } from './csp';
import { dragRow, rowOf, snap, waitForMove, watchConsole } from './helpers';

const WORK = ['Invoice PDF', 'Stripe checkout', 'Tax rates', 'Dunning e-mails'];

test('a CPO drags an item, gives a why, moves a committed date with a reason and sees the slip', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Alex Founder', `alex-${run}@whys.e2e.headway.dev`);
  const ws = (await post(founder, '/api/workspaces', { name: `Whys ${run}` })) as {
    id: string;
    slug: string;
  };
  const w = `/api/workspaces/${ws.id}`;
  // Alone in the workspace, the founder may set dates and estimates (nobody else holds them yet).
  const milestone = (await post(founder, `${w}/items`, {
    type: 'initiative',
    title: 'Billing launch',
    targetDate: '2031-03-02',
  })) as { id: string };
  for (const title of WORK) {
    await post(founder, `${w}/items`, {
      type: 'feature',
      title,
      parentId: milestone.id,
      estimate: { optimistic: 2, likely: 3, pessimistic: 5 },
    });
  }
  const invitation = (await post(founder, `${w}/invitations`, { role: 'cpo', fte: 0.5, skills: [] })) as {
    token: string;
  };
  const cpo = await signUp(baseURL, 'Dana Cpo', `dana-${run}@whys.e2e.headway.dev`);
  await post(cpo, '/api/invitations/accept', { token: invitation.token });
  // Publishing the roadmap commits the milestone's target date.
  await post(cpo, `${w}/roadmap/snapshots`, { note: 'Q1 plan' });

  const page = await openAs(browser, baseURL, cpo, `/w/${ws.slug}/backlog?type=feature`);
  const errors = watchConsole(page);
  await expect(page.getByTestId('backlog-row')).toHaveCount(WORK.length);

  await test.step('the CPO drags an item to the top and gives a why on the toast', async () => {
    const moved = waitForMove(page);
    await dragRow(page, rowOf(page, 'Tax rates'), rowOf(page, 'Invoice PDF'));
    expect((await moved).status()).toBe(200);
    const toast = page.getByTestId('toast').filter({ hasText: 'Moved' });
    await toast.getByRole('button', { name: 'Why?' }).click();
    await toast.getByLabel('Why this move?').fill('The accountants need tax rates before any invoice');
    await snap(page, 'whys-toast');
    await toast.getByRole('button', { name: 'Save why' }).click();
    await expect(page.getByText('Why saved in the decision log.')).toBeVisible();
    await page.getByRole('button', { name: 'Tax rates', exact: true }).click();
    await expect(page.getByTestId('decision-log')).toContainText(
      '“The accountants need tax rates before any invoice”',
    );
    await page.getByRole('button', { name: 'Close item' }).click();
  });

  await test.step('the CPO moves the committed date of the milestone, with a reason', async () => {
    await page.getByRole('link', { name: 'Roadmap' }).click();
    const card = page.getByTestId('milestone-card').filter({ hasText: 'Billing launch' });
    await expect(card).toContainText('committed');
    await card.getByRole('button', { name: 'Billing launch' }).click();
    const panel = page.getByTestId('item-panel');
    await panel.getByLabel('Target date').fill('2031-03-16');
    await expect(panel.getByText('Why does the committed date move? (required)')).toBeVisible();
    await panel.getByLabel('Why the committed date moves').fill('The payment provider delayed its API');
    await panel.getByRole('button', { name: 'Move the committed date' }).click();
    await expect(panel.getByTestId('item-slips')).toContainText('“The payment provider delayed its API”');
    await snap(page, 'whys-item-slips');
    await page.getByRole('button', { name: 'Close item' }).click();
  });

  await test.step('the roadmap card shows the slip and its reason', async () => {
    const slip = page
      .getByTestId('milestone-card')
      .filter({ hasText: 'Billing launch' })
      .getByTestId('milestone-slip');
    await expect(slip).toContainText('(14 days later)');
    await expect(slip).toContainText('“The payment provider delayed its API”');
    await expect(slip).toContainText('Dana Cpo');
    await snap(page, 'whys-roadmap-slip');
  });

  expect(errors).toEqual([]);
});
