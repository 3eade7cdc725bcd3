import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type SmtpSink, startSmtpSink } from '../test/support/smtp-sink';
import { expect, test } from './csp';
import { PASSWORD, snapFull, watchConsole } from './helpers';

/**
 * The ideas portal needs a server that sends e-mail, so this journey runs its own `headway serve`
 * on a fresh embedded database, mailing into a local SMTP sink, beside the shared server.
 */
const EVIDENCE_CSV = [
  'external_id,created_at,source_type,source_url,requester_email,company,text,idea_ref,importance',
  'ev-1,2026-10-01,sales,,ana@acme.com,Acme,Needs SSO before renewal,SSO,3',
  'ev-2,2026-10-03,interview,,li@globex.com,Globex,SSO please,SSO,2',
  'ev-3,2026-10-04,support,,kim@initech.com,Initech,Audit log export for our SOC 2 audit,Audit log,2',
  'ev-4,2026-10-05,sales,,ana@acme.com,Acme,An audit log would help us too,Audit log,1',
].join('\n');

let sink: SmtpSink;
let server: ChildProcess;
let origin: string;

function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

test.beforeAll(async () => {
  sink = await startSmtpSink();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const repo = resolve(import.meta.dirname, '..');
  server = spawn(
    process.execPath,
    [
      'bin/headway.js',
      'serve',
      '--port',
      String(port),
      '--data-dir',
      mkdtempSync(join(tmpdir(), 'headway-portal-e2e-')),
      '--web-root',
      join(repo, 'dist', 'web'),
      '--log-level',
      'warn',
    ],
    {
      cwd: repo,
      stdio: 'ignore',
      env: {
        ...process.env,
        DATABASE_URL: '',
        HEADWAY_DATA_DIR: '',
        HEADWAY_CHECK_RESPONSES: '1',
        HEADWAY_SMTP_URL: sink.url,
        HEADWAY_MAIL_FROM: 'Headway <headway@example.com>',
        HEADWAY_PUBLIC_URL: origin,
      },
    },
  );
  for (let tries = 0; tries < 180; tries += 1) {
    const up = await fetch(`${origin}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the portal journey’s server did not start');
});

test.afterAll(async () => {
  server?.kill();
  await sink?.close();
});

test('a founder publishes the ideas portal; a requester reads the decision, votes, confirms by e-mail, and sees it once approved', async ({
  page,
  browser,
}) => {
  const errors = watchConsole(page);

  await test.step('a founder imports evidence and declines SSO with a reason', async () => {
    await page.goto(`${origin}/signup`);
    await page.getByLabel('Name').fill('Pia Founder');
    await page.getByLabel('Email').fill('pia@portal.e2e.headway.dev');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByLabel('New workspace name').fill('Pia Co');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expect(page).toHaveURL(/\/w\/[^/]+\/backlog/);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Ideas' }).click();
    await page.getByLabel('Evidence CSV').setInputFiles({
      name: 'evidence.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(EVIDENCE_CSV),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('4 notes');
    const sso = page.getByRole('row', { name: /SSO/ });
    await sso.getByRole('button', { name: 'Decline' }).click();
    await sso.getByLabel(/Why \(declined\)/).fill('<b>Not this year</b>: reports come first');
    await sso.getByRole('button', { name: 'Declined' }).click();
    await expect(sso.locator('.idea-outcome')).toHaveText('Declined');
  });

  await test.step('the founder publishes the portal', async () => {
    const panel = page.getByRole('region', { name: 'Portal' });
    await expect(panel).toContainText('Not published');
    await panel.getByLabel('Portal address').fill('pia-ideas');
    await panel.getByRole('button', { name: 'Publish the portal' }).click();
    await expect(panel.getByRole('link', { name: '/portal/pia-ideas' })).toBeVisible();
  });

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await test.step('a signed-out requester reads the decision and its why, as text, and votes', async () => {
    await visitor.goto(`${origin}/portal/pia-ideas`);
    await expect(visitor.getByRole('heading', { name: /SSO/ })).toBeVisible();
    const sso = visitor.getByRole('listitem').filter({ hasText: 'SSO' });
    await expect(sso.locator('.idea-reason')).toHaveText('<b>Not this year</b>: reports come first');
    await expect(sso.getByText('2 requests')).toBeVisible();
    await visitor.getByLabel(/Your e-mail/).fill('zoe@acme.com');
    await visitor.getByLabel('How much SSO matters to you').selectOption('3');
    await visitor.getByLabel('Your case for SSO (optional)').fill('We lose deals without it');
    await visitor.getByRole('form', { name: 'Vote on SSO' }).getByRole('button', { name: 'Vote' }).click();
    await expect(visitor.getByText(/We sent a link to zoe@acme.com/)).toBeVisible();
  });

  await test.step('the link in the e-mail confirms it, and it waits for the team', async () => {
    await expect.poll(() => sink.messages.length).toBe(1);
    const link = /http:\/\/\S+\/verify\?token=\S+/.exec(sink.messages[0]?.text ?? '')?.[0];
    expect(link).toBeDefined();
    await visitor.goto(link ?? '');
    await expect(visitor.getByText('Confirmed: the team reviews it')).toBeVisible();
    await visitor.goto(`${origin}/portal/pia-ideas`);
    await expect(
      visitor.getByRole('listitem').filter({ hasText: 'SSO' }).getByText('2 requests'),
    ).toBeVisible();
  });

  await test.step('the founder approves it, and the requester sees it counted', async () => {
    await page.reload();
    const panel = page.getByRole('region', { name: 'Portal' });
    const row = panel.getByRole('row', { name: /We lose deals without it/ });
    await expect(row).toContainText('zoe@acme.com');
    await row.getByRole('button', { name: 'Approve' }).click();
    await expect(panel.getByText('Nothing waits for approval.')).toBeVisible();
    await expect(page.getByRole('row', { name: /SSO/ })).toContainText('3');
    await visitor.reload();
    await expect(
      visitor.getByRole('listitem').filter({ hasText: 'SSO' }).getByText('3 requests'),
    ).toBeVisible();
  });

  await test.step('the founder sets Audit log’s RICE reach from its evidence and orders the backlog by RICE', async () => {
    const audit = page.getByRole('row', { name: /Audit log/ });
    // Acme and Initech asked for it, of the 3 accounts heard: the portal voter at acme.com counts
    // as Acme, whose domain the import learnt from ana@acme.com. 2/3 of a segment of 30 accounts.
    await audit.getByText('Use as RICE reach').click();
    await audit.getByLabel('Accounts in the segment').fill('30');
    await audit.getByRole('button', { name: 'Set RICE reach' }).click();
    await expect(audit.getByRole('status')).toContainText('RICE reach set to 20 from the evidence (2 of 3');
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Prioritize' })
      .click();
    await expect(page.getByRole('heading', { name: 'Prioritize' })).toBeVisible();
    // The import made SSO #1 and Audit log #2.
    const number = '#2';
    await expect(page.getByLabel(`Reach of ${number}`, { exact: true })).toHaveValue('20');
    const saved = () =>
      page.waitForResponse((r) => r.url().includes('/items/') && r.request().method() === 'PATCH');
    let answer = saved();
    await page.getByLabel(`Impact of ${number}`, { exact: true }).selectOption('2');
    await answer;
    answer = saved();
    await page.getByLabel(`Confidence of ${number}`, { exact: true }).selectOption('80');
    await answer;
    answer = saved();
    await page.getByLabel(`Effort of ${number}`, { exact: true }).fill('1');
    await page.getByLabel(`Effort of ${number}`, { exact: true }).press('Enter');
    await answer;
    await page.getByRole('button', { name: 'Apply this order to the backlog' }).click();
    const dialog = page.getByRole('dialog', { name: 'Order the backlog by RICE' });
    await dialog.getByLabel('Why this order?').fill('Audit log first: two accounts of three asked');
    await dialog.getByRole('button', { name: 'Apply order' }).click();
    await expect(page.getByTestId('apply-result')).toContainText('in RICE order');
  });

  await test.step('the founder accepts Audit log with a reason, estimates it and promises a date', async () => {
    // The ideas are read again (their versions moved with the scores and the order) before deciding.
    const fresh = page.waitForResponse(
      (r) => /\/ideas$/.test(new URL(r.url()).pathname) && r.request().method() === 'GET',
    );
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Ideas' }).click();
    await fresh;
    const audit = page.getByRole('row', { name: /Audit log/ });
    await audit.getByRole('button', { name: 'Accept' }).click();
    await audit.getByLabel(/Why \(accepted\)/).fill('Initech’s audit needs it, and Acme asked too');
    await audit.getByRole('button', { name: 'Accepted' }).click();
    await expect(audit.locator('.idea-outcome')).toHaveText('Accepted');
    // A founder who builds too is in the plan once their skills are on the team page.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Team' }).click();
    await page.getByLabel('Skills of Pia Founder').fill('backend');
    await page
      .getByRole('row', { name: /Pia Founder/ })
      .getByRole('button', { name: 'Save' })
      .click();
    await expect(
      page.getByRole('row', { name: /Pia Founder/ }).getByRole('button', { name: 'Save' }),
    ).toBeDisabled();
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Backlog' }).click();
    await page.getByRole('button', { name: 'Audit log', exact: true }).click();
    const panel = page.getByTestId('item-panel');
    // The panel may still take the item's latest version as it opens, which resets a draft.
    await expect(async () => {
      await panel.getByLabel('Optimistic (days)').fill('2');
      await panel.getByLabel('Likely (days)').fill('3');
      await panel.getByLabel('Pessimistic (days)').fill('6');
      await expect(panel.getByTestId('estimate-summary')).toHaveText('Expected 3.3 days ± 0.7', {
        timeout: 1000,
      });
    }).toPass();
    await panel.getByRole('button', { name: 'Save estimate' }).click();
    await expect(panel.getByRole('button', { name: 'Save estimate' })).toBeEnabled();
    await expect(panel.getByTestId('estimate-summary')).toHaveText('Expected 3.3 days ± 0.7');
    await panel.getByLabel('Target date').fill('2031-03-01');
    await panel.getByRole('button', { name: 'Save date' }).click();
    await expect(panel.getByRole('button', { name: 'Save date' })).toBeHidden();
  });

  await test.step('the requester reads the decision, its why and how likely the promised date is', async () => {
    await visitor.reload();
    const idea = visitor.getByRole('listitem').filter({ hasText: 'Audit log' });
    await expect(idea.locator('.idea-outcome')).toHaveText('Accepted');
    await expect(idea.locator('.idea-reason')).toHaveText('Initech’s audit needs it, and Acme asked too');
    // Three days of work against a date five years out: every trial of the forecast makes it.
    await expect(idea.locator('.idea-promise')).toHaveText(/^100 % likely by (Mar 1, 2031|1 Mar 2031)$/);
    await snapFull(visitor, 'portal-promise');
  });

  await visitorContext.close();
  expect(errors).toEqual([]);
});
