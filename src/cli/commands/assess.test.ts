import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type AssessmentReport, assessSetup, validateAnswers } from '../../domain/assessment';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const examples = join(root, 'examples', 'assessment');

function assessExample(file: string, options: { short?: boolean } = {}): AssessmentReport {
  const parsed = parse(readFileSync(join(examples, file), 'utf8')) as { company: string; answers: unknown };
  const check = validateAnswers(parsed.answers, { short: options.short ?? false });
  expect(check.problems).toEqual([]);
  return assessSetup({ answers: check.answers, short: options.short ?? false, company: parsed.company });
}

function ids(report: AssessmentReport): string[] {
  return report.findings.map((f) => f.id).sort();
}

function expected(reasons: Record<string, string>): string[] {
  return Object.keys(reasons).sort();
}

function severityOf(report: AssessmentReport, id: string) {
  return report.findings.find((f) => f.id === id)?.severity;
}

function plannedIds(report: AssessmentReport, horizon: string): string[] {
  return report.plan.horizons.find((h) => h.horizon === horizon)?.actions.map((a) => a.id) ?? [];
}

describe('golden profiles', () => {
  it('should find the gaps of two founders and a freelancer, without a PM finding', () => {
    const report = assessExample('founders-and-freelancer.yaml');
    expect(ids(report)).toEqual(
      expected({
        'no-design-ownership': 'user-facing MVP and nobody designs (design-ownership: none)',
        'no-product-leadership': 'MVP stage with no product-leadership experience',
        'no-roadmap': 'only a wish-list',
        'loudest-voice-prioritisation': "priorities come from the founder's gut",
        'uncalibrated-estimation': 'a single number from one developer, never compared with actuals',
        'no-definition-of-ready': 'items have acceptance criteria only sometimes',
        'hygiene-gaps': 'four of the eight basics',
        'bus-factor': 'the CTO alone knows one critical system',
      }),
    );
    // High, not medium: there is no real roadmap either.
    expect(severityOf(report, 'no-product-leadership')).toBe('high');
    expect(plannedIds(report, 'now')).toContain('contract-fractional-cpo');
    // One developer: the PM trigger is something to watch, not due.
    expect(report.plan.triggers.find((t) => t.id === 'pm-at-fourth-developer')?.status).toBe('watch');
  });

  it('should name the CTO running delivery for five developers as the central problem', () => {
    const report = assessExample('seed-cto-runs-delivery.yaml');
    expect(ids(report)).toEqual(
      expected({
        'cto-owns-delivery': 'the CTO runs delivery and spends over 60% of the week on it',
        'cto-sets-priorities': 'the CTO decides what comes next',
        'no-delivery-manager': 'five developers and no project or product manager',
        'no-design-ownership': 'a freelancer draws screens now and then on a user-facing product',
        'no-product-leadership': 'early traction with only an informal mentor',
        'loudest-voice-prioritisation': 'priorities by informal discussion',
        'decision-rights-undefined': 'whoever escalates wins',
        'uncalibrated-estimation': 'actuals compared only informally',
        'missed-commitments': 'at most one of the last five milestones on time',
        'oversized-work-items': 'items of one to two weeks',
        'no-definition-of-ready': 'acceptance criteria only sometimes',
        'slow-feedback-loops': 'developers wait for answers every sprint',
        'bus-factor': 'one critical system depends on one person',
      }),
    );
    // Five developers: high, not yet critical (that starts at six).
    expect(severityOf(report, 'cto-owns-delivery')).toBe('high');
    const cto = report.findings.find((f) => f.id === 'cto-owns-delivery');
    expect(cto?.recommendation).toMatch(/Keep the CTO/);
    expect(plannedIds(report, 'now')).toEqual(
      expect.arrayContaining(['refocus-cto-on-how', 'hire-delivery-manager', 'contract-fractional-cpo']),
    );
    expect(report.plan.triggers.find((t) => t.id === 'pm-at-fourth-developer')?.status).toBe('due');
  });

  it('should find only the CTO span of control in a twelve-person team with PM and designer', () => {
    const report = assessExample('twelve-person-team.yaml');
    expect(ids(report)).toEqual(
      expected({ 'wide-span-of-control': 'ten people report directly to the CTO' }),
    );
    expect(report.scores.band).toBe('strong');
    // Its hiring trigger is due, so the engineering manager is started within the quarter.
    expect(plannedIds(report, '3-months')).toEqual(['add-engineering-manager']);
    expect(
      report.plan.triggers.find((t) => t.id === 'engineering-manager-past-eight-reports')?.actionId,
    ).toBe('add-engineering-manager');
  });

  it('should find the agency-built product weak everywhere, including the missing offshore lead', () => {
    const report = assessExample('agency-offshore.yaml');
    expect(ids(report)).toEqual(
      expected({
        'no-delivery-manager': 'six developers and only the founder part-time on delivery',
        'no-design-ownership': 'screens from a freelancer on a user-facing product',
        'no-product-leadership': 'MVP with no product-leadership experience',
        'no-roadmap': 'a wish-list',
        'loudest-voice-prioritisation': 'the biggest customer sets priorities',
        'decision-rights-undefined': 'the CEO decides every dispute',
        'uncalibrated-estimation': 'single-number quotes, never compared',
        'missed-commitments': 'at most one milestone of five on time',
        'oversized-work-items': 'items over two weeks',
        'no-definition-of-ready': 'items are rarely ready',
        'low-throughput': 'monthly deploys and lead times of months: 2024 low',
        instability: '35% failed deployments and recovery of days',
        'hygiene-gaps': 'three of the eight basics',
        'slow-feedback-loops': 'developers wait for answers every week',
        'bus-factor': 'several systems depend on single people',
        'distant-team-without-leads': 'six offshore developers without a tech lead',
      }),
    );
    // No CTO: the CTO rules stay quiet rather than guess.
    expect(ids(report)).not.toContain('cto-owns-delivery');
    expect(severityOf(report, 'bus-factor')).toBe('high');
    expect(report.dora.byYear.find((d) => d.year === 2024)?.overall).toBe('low');
  });

  it('should keep a CTPO but hand delivery to a manager in a CTPO-led team of six', () => {
    const report = assessExample('ctpo-led-team.yaml');
    expect(ids(report)).toEqual(
      expected({
        'no-delivery-manager': 'four developers and nobody but the CTPO runs delivery',
        'ctpo-bottleneck': 'the CTPO holds product, technology and day-to-day delivery',
        'slow-feedback-loops': 'developers wait for answers every sprint',
        'bus-factor': 'one system only one person can run',
      }),
    );
    expect(ids(report)).not.toContain('cto-owns-delivery');
    expect(report.dora.byYear.find((d) => d.year === 2024)?.overall).toBe('elite');
    expect(plannedIds(report, 'now')).toContain('hire-delivery-manager');
  });

  it('should raise for the CTPO-led team in the short questionnaire only what short questions show', () => {
    const report = assessExample('ctpo-led-team.yaml', { short: true });
    // answer-wait is not in the short version, so the slow feedback loop goes unseen there.
    expect(ids(report)).toEqual(['bus-factor', 'ctpo-bottleneck', 'no-delivery-manager']);
  });
});

function runCli(args: string[]) {
  return spawnSync(process.execPath, ['bin/headway.js', 'assess', ...args], { cwd: root, encoding: 'utf8' });
}

describe('headway assess', () => {
  it('should print the Markdown report of an example answers file', () => {
    const result = runCli(['--answers', 'examples/assessment/seed-cto-runs-delivery.yaml', '--format', 'md']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^# Development setup assessment: Seed-stage, CTO runs delivery/);
    expect(result.stdout).toMatch(/### 1\. The CTO owns delivery \(high\)/);
    expect(result.stdout).toMatch(/## Growth plan/);
    expect(result.stdout).toMatch(/\| When the 4th developer joins.* \| due \| Hire or assign a project/);
    expect(result.stdout).toMatch(/## DORA tiers \(2024 report\)/);
  });

  it('should list every bad answer and exit non-zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'headway-assess-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'answers:\n  stage: seed\n  developers: lots\n  colour: blue\n');
    const result = runCli(['--answers', file]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/has 3 bad answers/);
    expect(result.stderr).toMatch(
      /- stage: "seed" is not allowed; expected one of: idea, mvp, early-traction, scaling/,
    );
    expect(result.stderr).toMatch(/- developers: "lots" is not allowed; expected a number from 0 to 500/);
    expect(result.stderr).toMatch(/- colour: unknown question/);
    expect(result.stdout).toBe('');
  });

  it('should write print-ready HTML to a file with --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'headway-assess-'));
    const out = join(dir, 'report.html');
    const result = runCli([
      '--answers',
      'examples/assessment/ctpo-led-team.yaml',
      '--format',
      'html',
      '--out',
      out,
    ]);
    expect(result.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toMatch(/@media print/);
    expect(html).toContain('The CTPO is becoming a bottleneck');
  });
});
