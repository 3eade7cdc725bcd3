import type { Page } from '@playwright/test';
import { buildDemoWorkspace } from '../src/server/demo/demo-workspace';
import { importWithTeam } from './api-accounts';
import { expect, test } from './csp';
import { PASSWORD, signUpInNewContext, snap, snapFull } from './helpers';

/** The question of the wizard with this text (a fieldset named by its legend). */
function question(page: Page, text: string | RegExp) {
  return page.getByRole('group', { name: text });
}

test('a founder assesses the setup, applies the decision rights, re-assesses and compares', async ({
  page,
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  let slug = '';
  let workspaceId = '';
  let csrf = '';

  await test.step('the founder signs up and imports the company as a workspace', async () => {
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Ada Founder');
    await page.getByLabel('Email').fill('ada@assessment.e2e.headway.dev');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Workspaces' })).toBeVisible();
    const cookies = await page.context().cookies();
    csrf = decodeURIComponent(cookies.find((c) => c.name === 'headway_csrf')?.value ?? '');
    const workspace = buildDemoWorkspace(new Date());
    workspace.workspace.name = 'Northwind';
    ({ slug, id: workspaceId } = await importWithTeam(baseURL, { request: page.request, csrf }, workspace));
  });

  await test.step('the short questionnaire comes prefilled from the team', async () => {
    await page.goto(`/w/${slug}/backlog`);
    await page.getByRole('link', { name: 'Assessment' }).click();
    await expect(page.getByRole('heading', { name: 'No assessment yet' })).toBeVisible();
    await page.getByRole('link', { name: 'Start the short questionnaire' }).click();
    await expect(page.getByRole('heading', { name: 'Product ownership and decision rights' })).toBeVisible();
    await question(page, 'Do customers use the product through a user interface?').getByLabel('Yes').check();
    await question(page, 'Who decides what the developers work on next?')
      .getByLabel('The CTO or tech lead')
      .check();
    await question(
      page,
      'Who runs delivery day to day: planning, status, chasing blockers, stakeholder updates?',
    )
      .getByLabel('The CTO or tech lead')
      .check();
    await page.getByRole('button', { name: /Team and capacity/ }).click();
    const developers = question(page, /How many developers build the product/);
    await expect(developers.getByText('From your team')).toBeVisible();
    await snap(page, 'assessment-wizard');
  });

  await test.step('a bad answer is refused with the server’s message next to the question', async () => {
    const developers = question(page, /How many developers build the product/);
    const prefilled = await developers.getByRole('spinbutton').inputValue();
    await developers.getByRole('spinbutton').fill('9999');
    await expect(developers.getByText('Changed by you')).toBeVisible();
    await page.getByRole('button', { name: /Review and submit/ }).click();
    await page.getByRole('button', { name: 'Submit and see the report' }).click();
    await expect(page.getByRole('heading', { name: 'Team and capacity' })).toBeVisible();
    await expect(developers.getByRole('alert')).toContainText('from 0 to 500');
    await developers.getByRole('button', { name: 'Use the team’s answer' }).click();
    await expect(developers.getByRole('spinbutton')).toHaveValue(prefilled);
  });

  await test.step('the founder submits and reads the report', async () => {
    await page.getByRole('button', { name: /Review and submit/ }).click();
    await page.getByRole('button', { name: 'Submit and see the report' }).click();
    await expect(page.getByRole('heading', { name: /Assessment #1/ })).toBeVisible();
    const findings = page.getByTestId('finding');
    await expect(findings.filter({ hasText: 'The CTO owns delivery' })).toBeVisible();
    // Most severe first.
    const severities = await findings.locator('.chip').allTextContents();
    const order = ['Critical', 'High', 'Medium', 'Note'];
    expect(severities.map((s) => order.indexOf(s))).toEqual(
      [...severities.map((s) => order.indexOf(s))].sort(),
    );
    await expect(page.getByRole('heading', { name: /^Now/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^In 3 months/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^In 12 months/ })).toBeVisible();
    await expect(page.getByText(/When the 4th developer joins/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Markdown' })).toHaveAttribute('href', /format=md/);
    await expect(page.getByRole('link', { name: 'Print-ready HTML' })).toHaveAttribute('href', /format=html/);
    const html = await page.request.get(
      (await page.getByRole('link', { name: 'Print-ready HTML' }).getAttribute('href')) ?? '',
    );
    expect(html.headers()['content-type']).toContain('text/html');
    expect(await html.text()).toContain('The CTO owns delivery');
    await snap(page, 'assessment-report');
    await snapFull(page, 'assessment-report-full');
  });

  let changed = { decision: '', role: '', after: '' };
  await test.step('the founder applies the recommended decision rights after a preview', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Apply the recommended decision rights' }).click();
    const dialog = page.getByRole('dialog', { name: 'Apply the recommended decision rights' });
    const rows = dialog.getByTestId('rights-change');
    await expect(rows.first()).toBeVisible();
    const first = rows.first();
    changed = {
      decision: (await first.getByRole('rowheader').textContent()) ?? '',
      role: (await first.locator('td').nth(0).textContent()) ?? '',
      after: (await first.locator('td').nth(1).locator('strong').textContent()) ?? '',
    };
    await snap(page, 'assessment-apply-preview');
    await dialog
      .getByLabel('Why (recorded in the decision log)')
      .fill('The product function owns delivery now');

    // Someone else changes the matrix meanwhile (here: the founder in another tab, through the API).
    const current = (await (
      await page.request.get(`/api/workspaces/${workspaceId}/decision-rights`)
    ).json()) as {
      version: number;
      matrix: Record<string, Record<string, string>>;
    };
    const matrix = structuredClone(current.matrix);
    const scope = matrix.scope as Record<string, string>;
    scope.viewer = scope.viewer === 'I' ? 'C' : 'I';
    const put = await page.request.put(`/api/workspaces/${workspaceId}/decision-rights`, {
      data: { version: current.version, matrix, rationale: 'Viewers hear about scope changes' },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(put.status()).toBe(200);
    // Apply goes against the preview on screen. If the live update has already previewed the new
    // version, that is what applies; if not, the server refuses the old one and the dialog says so.
    await dialog.getByRole('button', { name: /^Apply \d+ changes?$/ }).click();
    const done = page.getByRole('dialog', { name: 'Decision rights applied' });
    const conflict = dialog.getByRole('alert').filter({ hasText: 'Someone changed the decision rights' });
    await expect(conflict.or(done)).toBeVisible();
    if (await conflict.isVisible()) {
      await dialog.getByRole('button', { name: 'Preview again' }).click();
      await expect(rows.first()).toBeVisible();
      await dialog.getByRole('button', { name: /^Apply \d+ changes?$/ }).click();
    }
    await expect(done.getByTestId('log-entry')).toContainText('Applied the decision rights of assessment #1');
    await expect(done.getByTestId('log-entry')).toContainText('The product function owns delivery now');
    await done.getByRole('link', { name: 'See the matrix on the Team page' }).click();
    await expect(page.getByLabel(`${changed.decision}: ${changed.role}`)).toHaveValue(changed.after);
  });

  await test.step('a product manager now owns delivery: the founder re-assesses', async () => {
    await page.getByRole('link', { name: 'Assessment' }).click();
    await page.getByRole('link', { name: 'Assessment #1' }).click();
    await page.getByRole('link', { name: 'Re-assess' }).click();
    const delivery = question(
      page,
      'Who runs delivery day to day: planning, status, chasing blockers, stakeholder updates?',
    );
    await expect(delivery.getByText('Your last answer')).toBeVisible();
    await delivery.getByLabel('A product or project manager').check();
    await page.getByRole('button', { name: /Review and submit/ }).click();
    await page.getByRole('button', { name: 'Submit and see the report' }).click();
    await expect(page.getByRole('heading', { name: /Assessment #2/ })).toBeVisible();
    await expect(page.getByTestId('finding').filter({ hasText: 'The CTO owns delivery' })).toHaveCount(0);
  });

  await test.step('the comparison shows the finding closed and the score deltas', async () => {
    await page.getByRole('link', { name: 'Compare with #1' }).click();
    await expect(page.getByRole('heading', { name: 'Assessment #1 → #2' })).toBeVisible();
    await expect(page.getByTestId('findings-closed')).toContainText('The CTO owns delivery');
    await expect(page.getByTestId('area-delta')).toHaveCount(5);
    // Toasts leave on their own (a click on one can race its timer): wait them out, pointer away.
    await page.mouse.move(0, 0);
    await expect(page.getByRole('button', { name: 'Dismiss message' })).toHaveCount(0, { timeout: 20_000 });
    await snap(page, 'assessment-comparison');
    await page.getByRole('link', { name: 'Assessment', exact: true }).first().click();
    await expect(page.getByTestId('history-row')).toHaveCount(2);
    await snap(page, 'assessment-history');
  });

  await test.step('a CTO reads the report but may neither assess nor apply, and is told why', async () => {
    const invite = await page.request.post(`/api/workspaces/${workspaceId}/invitations`, {
      data: { role: 'cto', fte: 1, skills: ['backend'] },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(invite.status()).toBe(201);
    const path = ((await invite.json()) as { path: string }).path;
    const cto = await signUpInNewContext({
      browser,
      baseURL,
      path,
      name: 'Cy Cto',
      email: 'cy@assessment.e2e.headway.dev',
    });
    await cto.getByRole('button', { name: 'Join workspace' }).click();
    await expect(cto).toHaveURL(/\/w\/[^/]+\/backlog/);
    await cto.goto(`/w/${slug}/assessment/2`);
    await expect(cto.getByRole('button', { name: 'Apply the recommended decision rights' })).toBeDisabled();
    await expect(cto.getByText(/Only the founder changes who decides what/)).toBeVisible();
    await cto.goto(`/w/${slug}/assessment/new`);
    await expect(cto.getByRole('note')).toContainText('Recording an assessment is a team decision');
    await cto.getByRole('button', { name: /Review and submit/ }).click();
    await expect(cto.getByRole('button', { name: 'Submit and see the report' })).toBeDisabled();
    await snap(cto, 'assessment-wizard-cto');
    await cto.context().close();
  });
});
