/**
 * The weekly brief by e-mail, into a local SMTP sink: the message carries the HTML digest and the
 * Markdown alternative of the same brief the page shows, links absolute to the public address,
 * and a hostile item title stays text in the HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefView, Item } from '../../src/contract';
import { readMailConfig, sendBriefDigest } from '../../src/server/mail/brief-digest';
import { findActor } from '../../src/server/policies/access';
import { createTestApp } from '../support/app';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { createTeam, type Team } from '../support/team';

const HOSTILE = '<img src=x onerror=alert(1)> & "quotes"';
const PUBLIC_URL = 'https://headway.example.com';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let sink: SmtpSink;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  sink = await startSmtpSink();
  team = await createTeam(ctx.app, ['founder', 'cpo']);
  base = `/api/workspaces/${team.workspaceId}`;
  expect((await team.founder.post<Item>(`${base}/items`, { type: 'feature', title: HOSTILE })).status).toBe(
    201,
  );
  expect((await team.founder.post<Item>(`${base}/items`, { type: 'bug', title: 'Login fails' })).status).toBe(
    201,
  );
});
afterAll(async () => {
  await sink.close();
  await ctx.close();
});

const env = (extra: Record<string, string> = {}) => ({
  HEADWAY_SMTP_URL: sink.url,
  HEADWAY_MAIL_FROM: 'Headway <headway@example.com>',
  HEADWAY_PUBLIC_URL: `${PUBLIC_URL}/`,
  ...extra,
});

describe('the brief by e-mail', () => {
  it('should deliver the HTML digest and its plain-text alternative with the page’s lines and absolute links', async () => {
    const actor = await findActor(ctx.handle.db, team.cpo.userId, team.workspaceId);
    if (!actor) throw new Error('no CPO');
    const sent = await sendBriefDigest(ctx.handle.db, { config: readMailConfig(env()), actor });
    const page = (await team.cpo.get<BriefView>(`${base}/brief`)).body;
    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0]!;
    expect(mail.subject).toBe(sent.subject);
    expect(mail.subject).toContain(page.since);
    expect(mail.from?.text).toContain('headway@example.com');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe(sent.to);
    const html = typeof mail.html === 'string' ? mail.html : '';
    const text = mail.text ?? '';
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(text.startsWith('# Weekly brief for Chris')).toBe(true);
    const lines = page.sections.flatMap((s) => s.lines);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const section of page.sections) {
      expect(text).toContain(`## ${section.title}`);
      expect(html).toContain(`<h2>${section.title}</h2>`);
    }
    for (const line of lines) {
      expect(html).toContain(`href="${PUBLIC_URL}${line.href.replaceAll('&', '&amp;')}"`);
      expect(text).toContain(`${PUBLIC_URL}${line.href}`);
    }
    // The hostile title is text in both parts: escaped in the HTML, never a tag.
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(text).toContain('Login fails');
  });

  it('should refuse to send when e-mail is not configured, naming what to set, and send nothing', async () => {
    const actor = await findActor(ctx.handle.db, team.founder.userId, team.workspaceId);
    if (!actor) throw new Error('no founder');
    const before = sink.messages.length;
    await expect(sendBriefDigest(ctx.handle.db, { config: readMailConfig({}), actor })).rejects.toThrow(
      /E-mail is not configured: HEADWAY_SMTP_URL is not set\. Set HEADWAY_SMTP_URL, HEADWAY_MAIL_FROM and HEADWAY_PUBLIC_URL/,
    );
    expect(() => readMailConfig(env({ HEADWAY_SMTP_URL: 'http://127.0.0.1:25' }))).toThrow(
      /smtp:\/\/ or smtps:\/\//,
    );
    expect(() => readMailConfig(env({ HEADWAY_MAIL_FROM: 'nobody' }))).toThrow(/HEADWAY_MAIL_FROM/);
    expect(() => readMailConfig(env({ HEADWAY_PUBLIC_URL: '' }))).toThrow(/HEADWAY_PUBLIC_URL/);
    expect(sink.messages).toHaveLength(before);
  });
});
