import { openAs, post, signUp } from './api-accounts';
import { expect, test } from './csp';
import { snap } from './helpers';

test('a developer and the CTO vote, the CTO reveals and accepts; a PM is told who decides', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Alex Founder', `alex-${run}@session.e2e.headway.dev`);
  const workspace = await post(founder, '/api/workspaces', { name: `Sessions ${run}` });
  const ws = workspace.id as string;
  for (const title of ['Webhooks', 'Bulk edit'])
    await post(founder, `/api/workspaces/${ws}/items`, { type: 'feature', title });
  const join = async (role: string, name: string) => {
    const invitation = await post(founder, `/api/workspaces/${ws}/invitations`, { role, fte: 1, skills: [] });
    const account = await signUp(baseURL, name, `${role}-${run}@session.e2e.headway.dev`);
    await post(account, '/api/invitations/accept', { token: invitation.token });
    return account;
  };
  const ctoAccount = await join('cto', 'Sam CTO');
  const devAccount = await join('developer', 'Jo Developer');
  const pmAccount = await join('product_manager', 'Pat Manager');
  const path = `/w/${workspace.slug}/estimation/sessions`;

  const cto = await openAs(browser, baseURL, ctoAccount, path);
  await test.step('the CTO starts a session on two items', async () => {
    await expect(cto.getByRole('heading', { name: 'Estimation sessions' })).toBeVisible();
    await cto.getByLabel('Title').fill('Refinement');
    await cto.getByRole('checkbox', { name: /Webhooks/ }).check();
    await cto.getByRole('checkbox', { name: /Bulk edit/ }).check();
    await cto.getByRole('button', { name: 'Start with 2 items' }).click();
    await expect(cto.getByRole('heading', { name: 'Refinement' })).toBeVisible();
    await cto.getByLabel('Days for #1').fill('2');
    await cto.getByRole('form', { name: 'Your vote on #1' }).getByRole('button', { name: 'Vote' }).click();
    await expect(cto.getByRole('form', { name: 'Your vote on #1' }).getByTestId('my-vote')).toHaveText(
      'Your vote: 2 days',
    );
  });
  const sessionUrl = cto.url().replace(baseURL, '');

  await test.step('the developer votes without seeing the CTO’s number', async () => {
    const dev = await openAs(browser, baseURL, devAccount, sessionUrl);
    const card = dev.getByRole('listitem', { name: '#1 Webhooks' });
    await expect(card.getByTestId('voters')).toContainText('Sam CTO');
    await expect(card.getByText('2 days')).toHaveCount(0);
    await dev.getByLabel('Days for #1').fill('8');
    await card.getByRole('button', { name: 'Vote' }).click();
    await expect(card.getByTestId('my-vote')).toHaveText('Your vote: 8 days');
    await card.getByRole('radio', { name: 'Size' }).check({ force: true });
    await expect(card.getByLabel('Size for #1')).toBeVisible();
    await expect(dev.getByRole('button', { name: 'Reveal votes' })).toBeEnabled();
    await snap(dev, 'estimation-session-voting');
    await dev.context().close();
  });

  await test.step('a product manager sees the session but may not reveal', async () => {
    const pm = await openAs(browser, baseURL, pmAccount, sessionUrl);
    await expect(pm.getByRole('button', { name: 'Reveal votes' })).toBeDisabled();
    await expect(pm.getByText(/Estimates belong to the tech side: ask .*Sam CTO/).first()).toBeVisible();
    await pm.context().close();
  });

  await test.step('the CTO reveals, sees the spread and the outlier, and accepts', async () => {
    await cto.reload();
    await cto.getByRole('button', { name: 'Reveal votes' }).click();
    const card = cto.getByRole('listitem', { name: '#1 Webhooks' });
    // Votes 2 and 8: median 5, and 8 > 2 × 2 so the spread needs a talk.
    await expect(card.getByTestId('spread')).toContainText('Median 5 days');
    await expect(card.getByTestId('needs-discussion')).toBeVisible();
    await snap(cto, 'estimation-session-revealed');
    await expect(card.getByLabel('Likely days for #1')).toHaveValue('5');
    await card.getByRole('button', { name: 'Accept estimate' }).click();
    await expect(card.getByTestId('accepted')).toHaveText(/Accepted: 2\/5\/8 days/);
    await cto.setViewportSize({ width: 390, height: 800 });
    await snap(cto, 'estimation-session-narrow');
  });
});

test('the CTO runs a story-point session: deck cards, the spread in cards, accepted points', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Alex Founder', `alex-${run}@points.e2e.headway.dev`);
  const workspace = await post(founder, '/api/workspaces', { name: `Points ${run}` });
  const ws = workspace.id as string;
  await post(founder, `/api/workspaces/${ws}/items`, { type: 'feature', title: 'Single sign-on' });
  const join = async (role: string, name: string) => {
    const invitation = await post(founder, `/api/workspaces/${ws}/invitations`, { role, fte: 1, skills: [] });
    const account = await signUp(baseURL, name, `${role}-${run}@points.e2e.headway.dev`);
    await post(account, '/api/invitations/accept', { token: invitation.token });
    return account;
  };
  const ctoAccount = await join('cto', 'Sam CTO');
  const devAccount = await join('developer', 'Jo Developer');
  const cto = await openAs(browser, baseURL, ctoAccount, `/w/${workspace.slug}/estimation/sessions`);

  await test.step('the CTO starts a session in story points and plays 13', async () => {
    await cto.getByLabel('Title').fill('Points refinement');
    await cto.getByRole('radio', { name: 'Story points' }).check({ force: true });
    await cto.getByRole('checkbox', { name: /Single sign-on/ }).check();
    await cto.getByRole('button', { name: 'Start with 1 item' }).click();
    await expect(cto.getByTestId('session-unit')).toHaveText('story points');
    await cto.getByRole('button', { name: '13 points for #1', exact: true }).click();
    await expect(cto.getByTestId('my-vote')).toHaveText('Your vote: 13 points');
  });
  const sessionUrl = cto.url().replace(baseURL, '');

  await test.step('the developer plays 3', async () => {
    const dev = await openAs(browser, baseURL, devAccount, sessionUrl);
    await dev.getByRole('button', { name: '3 points for #1', exact: true }).click();
    await expect(dev.getByTestId('my-vote')).toHaveText('Your vote: 3 points');
    await expect(dev.getByRole('button', { name: '3 points for #1', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await snap(dev, 'estimation-session-points-voting');
    await dev.context().close();
  });

  await test.step('the CTO reveals, sees the cards apart, and accepts 5 points', async () => {
    await cto.reload();
    await cto.getByRole('button', { name: 'Reveal votes' }).click();
    const card = cto.getByRole('listitem', { name: '#1 Single sign-on' });
    // Cards 3 and 13 sit at deck positions 4 and 7: three cards apart, so talk first.
    await expect(card.getByTestId('spread')).toContainText('3 cards apart');
    await expect(card.getByTestId('needs-discussion')).toBeVisible();
    await card.getByLabel('Story points for #1', { exact: true }).selectOption('5');
    await snap(cto, 'estimation-session-points-revealed');
    await card.getByRole('button', { name: 'Accept points' }).click();
    await expect(card.getByTestId('accepted')).toHaveText('Accepted: 5 points.');
  });
});
