import { expect, test } from './csp';
import { PASSWORD, snapFull, watchConsole } from './helpers';

// The open work of the sample data's second initiative, "Billing and invoicing".
const BILLING_OPEN_WORK = [
  'Upgrade and downgrade flows',
  'Proration rules',
  'Dunning emails',
  'Bug: trial end date off by one day',
  'Credit notes',
  'EU VAT number validation',
];

test('cutting all of a milestone’s work in a what-if says it is no longer planned, not “not comparable”', async ({
  page,
}) => {
  const run = Date.now().toString(36);
  const errors = watchConsole(page);
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Cy Cutter');
  await page.getByLabel('Email').fill(`cy-${run}@what-if.e2e.headway.dev`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('New workspace name').fill('Cy’s startup');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByTestId('getting-started').getByRole('button', { name: 'Add sample data' }).click();
  await expect(page.getByTestId('backlog-row').first()).toBeVisible();

  // A founder is planned once they list a skill (the sample's work asks for none).
  await test.step('the founder lists a skill, so the roadmap plans the sample work on them', async () => {
    const csrf = (await page.context().cookies()).find((c) => c.name === 'headway_csrf')?.value ?? '';
    const me = await (await page.request.get('/api/me')).json();
    const ws = me.workspaces[0].id as string;
    const members = await (await page.request.get(`/api/workspaces/${ws}/members`)).json();
    const mine = members.data.find((m: { userId: string }) => m.userId === me.user.id);
    const res = await page.request.patch(`/api/workspaces/${ws}/members/${me.user.id}`, {
      data: { version: mine.version, skills: ['product'] },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(res.status()).toBe(200);
  });

  await page.getByRole('link', { name: 'Roadmap' }).click();
  await page.getByText('What-if', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Change' }).selectOption('cut_item');
  for (const title of BILLING_OPEN_WORK) {
    const item = page.getByRole('combobox', { name: 'Item' });
    const value = await item.locator('option', { hasText: title }).getAttribute('value');
    await item.selectOption(value ?? '');
    await page.getByRole('button', { name: 'Add change' }).click();
  }
  await expect(
    page.getByRole('list', { name: 'Changes in this scenario' }).getByRole('listitem'),
  ).toHaveCount(BILLING_OPEN_WORK.length);
  const computed = page.waitForResponse((r) => r.url().includes('/roadmap/scenarios'));
  await page.getByRole('button', { name: 'Compute scenario' }).click();
  expect((await computed).status()).toBe(200);

  const billing = page.getByTestId('scenario-milestone').filter({ hasText: 'Billing and invoicing' });
  await expect(billing.getByTestId('scenario-difference')).toHaveText('no longer planned');
  const onboarding = page.getByTestId('scenario-milestone').filter({ hasText: 'Self-serve onboarding' });
  await expect(onboarding.getByTestId('scenario-difference')).toHaveText(/no change|earlier/);
  await expect(page.getByText('not comparable')).toHaveCount(0);
  await snapFull(page, 'what-if-cut');
  expect(errors).toEqual([]);
});
