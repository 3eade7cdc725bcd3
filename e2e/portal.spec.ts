import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type SmtpSink, startSmtpSink } from '../test/support/smtp-sink';
import { expect, test } from './csp';
import { PASSWORD, watchConsole } from './helpers';

/**
 * The ideas portal needs a server that sends e-mail, so this journey runs its own `headway serve`
 * on a fresh embedded database, mailing into a local SMTP sink, beside the shared server.
 */
const EVIDENCE_CSV = [
  'external_id,created_at,source_type,source_url,requester_email,company,text,idea_ref,importance',
  'ev-1,2026-10-01,sales,,ana@acme.com,Acme,Needs SSO before renewal,SSO,3',
  'ev-2,2026-10-03,interview,,li@globex.com,Globex,SSO please,SSO,2',
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
    await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('2 notes');
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
    await expect(visitor.locator('.idea-reason')).toHaveText('<b>Not this year</b>: reports come first');
    await expect(visitor.getByText('2 requests')).toBeVisible();
    await visitor.getByLabel(/Your e-mail/).fill('zoe@acme.com');
    await visitor.getByLabel('How much SSO matters to you').selectOption('3');
    await visitor.getByLabel('Your case for SSO (optional)').fill('We lose deals without it');
    await visitor.getByRole('button', { name: 'Vote' }).click();
    await expect(visitor.getByText(/We sent a link to zoe@acme.com/)).toBeVisible();
  });

  await test.step('the link in the e-mail confirms it, and it waits for the team', async () => {
    await expect.poll(() => sink.messages.length).toBe(1);
    const link = /http:\/\/\S+\/verify\?token=\S+/.exec(sink.messages[0]?.text ?? '')?.[0];
    expect(link).toBeDefined();
    await visitor.goto(link ?? '');
    await expect(visitor.getByText('Confirmed: the team reviews it')).toBeVisible();
    await visitor.goto(`${origin}/portal/pia-ideas`);
    await expect(visitor.getByText('2 requests')).toBeVisible();
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
    await expect(visitor.getByText('3 requests')).toBeVisible();
  });

  await visitorContext.close();
  expect(errors).toEqual([]);
});
