/**
 * `headway brief` run in-process on the demo workspace: the same brief in each format, and a
 * wrong command line refused naming the flag before any database is opened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BriefView } from '../../contract';
import { parseFlags } from '../flags';
import { runHeadway } from '../run';
import { BriefFlagsSchema } from './brief';

let dataDir: string;
let workspace: string;

/** Runs a command line in this process and collects what it printed. */
async function headway(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await runHeadway(['node', 'headway', ...args, '--data-dir', dataDir]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'headway-brief-'));
  const demo = await headway('demo');
  expect(demo.code, demo.stderr).toBe(0);
  // "Loaded "Acme Analytics (demo)" (acme-analytics-demo-…). Sign in as …"
  workspace = /\(([a-z0-9-]+)\)\. Sign in/.exec(demo.stdout)?.[1] ?? '';
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('headway brief', () => {
  it('should print the same lines as JSON, Markdown and HTML for the fractional CPO', async () => {
    const args = ['brief', '-w', workspace, '--as', 'dana@demo.headway.dev'];
    const json = await headway(...args, '--format', 'json');
    expect(json.code, json.stderr).toBe(0);
    const brief = JSON.parse(json.stdout) as BriefView;
    expect(brief.personName).toBe('Dana Kowalski');
    expect(brief.sections.map((s) => s.kind)).toEqual([
      'waiting',
      'changes',
      'ideas',
      'forecasts',
      'slips',
      'aging',
      'estimates',
      'risks',
    ]);
    const md = await headway(...args, '--format', 'md', '--since', brief.since);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout.startsWith('# Weekly brief for Dana Kowalski\n')).toBe(true);
    const html = await headway(...args, '--format', 'html', '--since', brief.since);
    expect(html.stdout.startsWith('<!doctype html>')).toBe(true);
    for (const section of brief.sections) {
      expect(md.stdout).toContain(`## ${section.title}`);
      expect(html.stdout).toContain(`<h2>${section.title}</h2>`);
      expect(md.stdout.match(/^- /gm)?.length).toBe(
        brief.sections.reduce((n, s) => n + s.lines.length + (s.more > 0 ? 1 : 0), 0),
      );
    }
  }, 120_000);

  it('should refuse someone who is not a member, saying what to give', async () => {
    const result = await headway('brief', '-w', workspace, '--as', 'nobody@example.com', '--format', 'md');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nobody@example\.com is not a member of this workspace: give --as/);
  });

  it('should refuse an unknown format or a future day naming the flag, before opening any database', () => {
    const flags = { dataDir: '/nonexistent', workspace: 'acme' };
    expect(() => parseFlags(BriefFlagsSchema, { ...flags, format: 'pdf' })).toThrow(
      /--format: give one of md, html, json/,
    );
    expect(() => parseFlags(BriefFlagsSchema, { ...flags, format: 'md', since: '2999-01-01' })).toThrow(
      /--since: 2999-01-01 is in the future/,
    );
    expect(() => parseFlags(BriefFlagsSchema, flags)).toThrow(
      /give --format md\|html\|json to print the brief, or --send/,
    );
    expect(() => parseFlags(BriefFlagsSchema, { ...flags, format: 'md', send: true })).toThrow(/not both/);
  });

  it('should refuse --send when e-mail is not configured, naming the settings', async () => {
    const result = await headway('brief', '-w', workspace, '--send');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/E-mail is not configured: HEADWAY_SMTP_URL is not set/);
  });
});
