/**
 * The weekly brief by e-mail from the web app, into a local SMTP sink: a member's own opt-in, the
 * "send me this brief" route (the same sending code as `headway brief --send`), the scheduled
 * send to the members who opted in, and a clear refusal when the server has no e-mail.
 */
import { createServer } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefEmailSetting } from '../../src/contract';
import { sendBriefDigests } from '../../src/server/jobs/brief-digests';
import { type MailConfig, readMailConfig } from '../../src/server/mail/brief-digest';
import { createTestApp } from '../support/app';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { createTeam, type Team } from '../support/team';

let sink: SmtpSink;
let config: MailConfig;
let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  config = readMailConfig({
    HEADWAY_SMTP_URL: sink.url,
    HEADWAY_MAIL_FROM: 'Headway <headway@example.com>',
    HEADWAY_PUBLIC_URL: 'https://headway.example.com',
  })!;
  ctx = await createTestApp({ mail: config });
  team = await createTeam(ctx.app, ['founder', 'cpo', 'developer']);
  base = `/api/workspaces/${team.workspaceId}/brief`;
});
afterAll(async () => {
  await sink.close();
  await ctx.close();
});

const recipients = (from: number) =>
  sink.messages.slice(from).map((m) => (m.to && !Array.isArray(m.to) ? m.to.text : ''));

describe('the weekly brief by e-mail from the web app', () => {
  it('should keep each member’s own opt-in, off until they turn it on', async () => {
    const before = await team.cpo.get<BriefEmailSetting>(`${base}/email`);
    expect(before.body).toEqual({ enabled: false, mailConfigured: true });
    const on = await team.cpo.put<BriefEmailSetting>(`${base}/email`, { enabled: true });
    expect(on.status).toBe(200);
    expect(on.body.enabled).toBe(true);
    expect((await team.cpo.get<BriefEmailSetting>(`${base}/email`)).body.enabled).toBe(true);
    // The founder's setting is theirs: still off.
    expect((await team.founder.get<BriefEmailSetting>(`${base}/email`)).body.enabled).toBe(false);
    const bad = await team.cpo.put<{ error: { message: string } }>(`${base}/email`, { enabled: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/enabled/);
    expect((await team.cpo.get<BriefEmailSetting>(`${base}/email`)).body.enabled).toBe(true);
  });

  it('should send the member their own brief now, through the same code as the CLI', async () => {
    const from = sink.messages.length;
    const sent = await team.developer.post<{ to: string; subject: string }>(`${base}/send`, {});
    expect(sent.status).toBe(200);
    expect(recipients(from)).toEqual([sent.body.to]);
    expect(sink.messages.at(-1)?.subject).toBe(sent.body.subject);
    expect(sent.body.subject).toMatch(/^Headway brief for /);
  });

  it('should send the scheduled brief only to the members who opted in', async () => {
    await team.developer.put(`${base}/email`, { enabled: true });
    await team.developer.put(`${base}/email`, { enabled: false });
    const from = sink.messages.length;
    const cpoAddress = (await team.cpo.post<{ to: string }>(`${base}/send`, {})).body.to;
    const result = await sendBriefDigests(ctx.handle.db, { config, logger: pino({ level: 'silent' }) });
    expect(result).toEqual({ sent: 1, failed: 0 });
    expect(recipients(from)).toEqual([cpoAddress, cpoAddress]);
  });

  it('should refuse to send when the server has no e-mail, naming the setting, and send nothing', async () => {
    const off = await createTestApp();
    try {
      const offTeam = await createTeam(off.app, ['founder']);
      const path = `/api/workspaces/${offTeam.workspaceId}/brief`;
      expect((await offTeam.founder.get<BriefEmailSetting>(`${path}/email`)).body.mailConfigured).toBe(false);
      const from = sink.messages.length;
      const refused = await offTeam.founder.post<{ error: { message: string } }>(`${path}/send`, {});
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('HEADWAY_SMTP_URL is not set');
      expect(sink.messages.length).toBe(from);
    } finally {
      await off.close();
    }
  });

  it('should answer 503 with the reason when the e-mail server is down, naming no password, and count it failed', async () => {
    // A loopback port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const down = readMailConfig({
      HEADWAY_SMTP_URL: `smtp://mailer:s3cret-pass@127.0.0.1:${port}`,
      HEADWAY_MAIL_FROM: 'Headway <headway@example.com>',
      HEADWAY_PUBLIC_URL: 'https://headway.example.com',
    })!;
    const broken = await createTestApp({ mail: down });
    try {
      const brokenTeam = await createTeam(broken.app, ['founder']);
      const path = `/api/workspaces/${brokenTeam.workspaceId}/brief`;
      const refused = await brokenTeam.founder.post<{ error: { code: string; message: string } }>(
        `${path}/send`,
        {},
      );
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('unavailable');
      expect(refused.body.error.message).toContain(`127.0.0.1:${port}`);
      expect(refused.body.error.message).toMatch(/Nothing was sent/);
      expect(refused.body.error.message).not.toContain('s3cret-pass');
      await brokenTeam.founder.put(`${path}/email`, { enabled: true });
      const result = await sendBriefDigests(broken.handle.db, {
        config: down,
        logger: pino({ level: 'silent' }),
      });
      expect(result).toEqual({ sent: 0, failed: 1 });
    } finally {
      await broken.close();
    }
  });
});
