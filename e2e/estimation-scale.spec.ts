import { openAs, post, signUp } from './api-accounts';
import { expect, test } from './csp';
import { snap } from './helpers';

test('the CTO sets the t-shirt ranges; a PM sees them locked with who decides', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Alex Founder', `alex-${run}@scale.e2e.headway.dev`);
  const workspace = await post(founder, '/api/workspaces', { name: `Scale ${run}` });
  const ws = workspace.id as string;
  const join = async (role: string, name: string) => {
    const invitation = await post(founder, `/api/workspaces/${ws}/invitations`, { role, fte: 1, skills: [] });
    const account = await signUp(baseURL, name, `${role}-${run}@scale.e2e.headway.dev`);
    await post(account, '/api/invitations/accept', { token: invitation.token });
    return account;
  };
  const ctoAccount = await join('cto', 'Sam CTO');
  const pmAccount = await join('product_manager', 'Pat Manager');
  const path = `/w/${workspace.slug}/estimation`;

  const cto = await openAs(browser, baseURL, ctoAccount, path);
  await test.step('the CTO narrows M and removes XXL', async () => {
    const editor = cto.getByRole('region', { name: 'T-shirt sizes' });
    await expect(editor.getByText('Default ranges')).toBeVisible();
    await expect(editor.getByTestId('scale-row')).toHaveCount(6);
    await editor.getByLabel('M min days', { exact: true }).fill('2');
    await editor.getByLabel('M max days', { exact: true }).fill('5');
    await editor.getByLabel('S max days', { exact: true }).fill('2');
    await editor.getByRole('button', { name: 'Remove size XXL' }).click();
    await editor.getByLabel('Why (goes to the decision log)').fill('Our items run small');
    await editor.getByRole('button', { name: 'Save ranges' }).click();
    await expect(editor.getByRole('status')).toContainText('Saved');
    await expect(editor.getByText('Default ranges')).toHaveCount(0);
    await expect(editor.getByTestId('scale-row')).toHaveCount(5);
    await editor.scrollIntoViewIfNeeded();
    await snap(cto, 'estimation-scale-cto');
  });

  await test.step('a shrinking range is refused with the size named', async () => {
    const editor = cto.getByRole('region', { name: 'T-shirt sizes' });
    // 4–4 days is a sound range on its own but ends below M's 5, so the server refuses it.
    await editor.getByLabel('L min days', { exact: true }).fill('4');
    await editor.getByLabel('L max days', { exact: true }).fill('4');
    await editor.getByRole('button', { name: 'Save ranges' }).click();
    await expect(editor.getByRole('alert')).toContainText('size L must not be smaller than M');
  });

  await test.step('the PM sees the ranges, disabled, with the reason', async () => {
    const pm = await openAs(browser, baseURL, pmAccount, path);
    const editor = pm.getByRole('region', { name: 'T-shirt sizes' });
    await expect(editor.getByLabel('M max days', { exact: true })).toHaveValue('5');
    await expect(editor.getByLabel('M max days', { exact: true })).toBeDisabled();
    await expect(editor.getByRole('button', { name: 'Save ranges' })).toBeDisabled();
    await expect(editor.getByTestId('scale-refusal')).toContainText('Sam CTO');
    await editor.scrollIntoViewIfNeeded();
    await snap(pm, 'estimation-scale-pm');
    await pm.setViewportSize({ width: 390, height: 800 });
    await editor.scrollIntoViewIfNeeded();
    await snap(pm, 'estimation-scale-pm-narrow');
  });
});
