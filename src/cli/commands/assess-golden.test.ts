/**
 * Golden tests for four kinds of company whose findings, plan, triggers and rights once
 * contradicted each other. Each answers file in examples/assessment/ has its expected judgement
 * in examples/assessment/expected/<name>.json; UPDATE_GOLDEN=1 rewrites them after a deliberate
 * rule change, so the diff shows what changed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  type AssessmentReport,
  assessSetup,
  impliedDecisionRights,
  renderMarkdown,
  validateAnswers,
} from '../../domain/assessment';
import { runHeadway } from '../run';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const examples = join(root, 'examples', 'assessment');

function assessExample(name: string): AssessmentReport {
  const parsed = parse(readFileSync(join(examples, `${name}.yaml`), 'utf8')) as {
    company: string;
    answers: unknown;
  };
  const check = validateAnswers(parsed.answers, { short: false });
  expect(check.problems).toEqual([]);
  return assessSetup({ answers: check.answers, company: parsed.company });
}

/** The judgement in a form a reviewer can read in a diff. */
function summarise(report: AssessmentReport) {
  return {
    findings: report.findings.map((f) => `${f.id} (${f.severity})`),
    plan: Object.fromEntries(
      report.plan.horizons.map((h) => [h.horizon, h.actions.map((a) => `${a.id} — owner ${a.owner}`)]),
    ),
    triggers: Object.fromEntries(
      report.plan.triggers.map((t) => [t.id, t.actionId ? `${t.status} → ${t.actionId}` : t.status]),
    ),
    rights: impliedDecisionRights(report.plan).map(
      (r) => `${r.decision}: ${r.role} ${r.letter}${r.interimRole ? ` (until then ${r.interimRole})` : ''}`,
    ),
    roles: report.plan.roles,
  };
}

function checkGolden(name: string, report: AssessmentReport) {
  const file = join(examples, 'expected', `${name}.json`);
  const actual = `${JSON.stringify(summarise(report), null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const ids = (report: AssessmentReport) => report.findings.map((f) => f.id);
const actions = (report: AssessmentReport) => report.plan.horizons.flatMap((h) => h.actions);
const trigger = (report: AssessmentReport, id: string) => report.plan.triggers.find((t) => t.id === id);

describe('golden companies', () => {
  it('should address a pre-seed founder who is the tech lead as the founder only', () => {
    const report = assessExample('pre-seed-founder-tech-lead');
    checkGolden('pre-seed-founder-tech-lead', report);
    // The founder runs delivery as the founder: no "CTO owns delivery", no "keep the CTO".
    expect(ids(report)).not.toContain('cto-owns-delivery');
    expect(actions(report).map((a) => a.id)).not.toContain('refocus-cto-on-how');
    expect(actions(report).every((a) => a.owner === 'founder')).toBe(true);
    expect(report.plan.roles?.wornByFounder).toContain('cto');
  });

  it('should let the founder order the backlog until the product manager to be hired arrives', () => {
    const report = assessExample('no-pm-yet');
    checkGolden('no-pm-yet', report);
    const order = impliedDecisionRights(report.plan).find(
      (r) => r.decision === 'backlog_order' && r.letter === 'A',
    );
    expect(order).toMatchObject({ role: 'product_manager', interimRole: 'founder' });
    expect(trigger(report, 'pm-at-fourth-developer')).toMatchObject({
      status: 'due',
      actionId: 'hire-delivery-manager',
    });
  });

  it('should keep order and scope with the CTPO and give the PM delivery', () => {
    const report = assessExample('ctpo-four-developers');
    checkGolden('ctpo-four-developers', report);
    const rights = impliedDecisionRights(report.plan);
    const accountable = (decision: string) => rights.find((r) => r.decision === decision && r.letter === 'A');
    expect(accountable('backlog_order')?.role).toBe('ctpo');
    expect(accountable('requirements')?.role).toBe('ctpo');
    expect(accountable('delivery_dates')).toMatchObject({ role: 'product_manager', interimRole: 'ctpo' });
  });

  it('should name the missing strategy owner and answer every due trigger with an action', () => {
    const report = assessExample('two-teams-no-strategy-owner');
    checkGolden('two-teams-no-strategy-owner', report);
    expect(ids(report)).toContain('no-strategy-owner');
    expect(trigger(report, 'full-time-cpo')).toMatchObject({ status: 'due', actionId: 'hire-cpo' });
    expect(trigger(report, 'designer-per-ten-developers')).toMatchObject({
      status: 'due',
      actionId: 'add-designer',
    });
    // After product–market fit the fractional CPO is "not yet", and the plan contracts none.
    expect(trigger(report, 'fractional-cpo-early')?.status).toBe('watch');
    expect(actions(report).map((a) => a.id)).not.toContain('contract-fractional-cpo');
    // 30% failures is the high cluster in 2024; slow recovery makes stability medium, and only
    // the recovery time is shown as the evidence of unstable releases.
    const dora = report.dora.byYear.find((d) => d.year === 2024);
    expect(dora?.metrics['change-fail-rate']).toBe('high');
    expect(dora?.stability).toBe('medium');
    const unstable = report.findings.find((f) => f.id === 'instability');
    expect(unstable?.evidence.map((e) => e.questionId)).toEqual(['recovery-time']);
    const markdown = renderMarkdown(report);
    expect(markdown).not.toMatch(/product_manager|needs answers/);
    // Counted as the wizard counts a step: the team area's context questions included.
    expect(markdown).toMatch(/\| Team and capacity \| \d+ \| \w+ \| 10 of 10 \|/);
  });

  it('should carry actionId on each trigger and interimRole on waiting rights in --format json', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'headway-assess-')), 'report.json');
    const file = join(examples, 'no-pm-yet.yaml');
    const code = await runHeadway([
      'node',
      'headway',
      'assess',
      '--answers',
      file,
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as {
      plan: { triggers: { id: string; status: string; actionId: string | null }[] };
      impliedDecisionRights: { decision: string; role: string; interimRole?: string }[];
    };
    for (const t of json.plan.triggers) expect(t).toHaveProperty('actionId');
    expect(json.plan.triggers.find((t) => t.status === 'due')?.actionId).toBeTruthy();
    expect(json.impliedDecisionRights).toContainEqual(
      expect.objectContaining({ decision: 'backlog_order', role: 'product_manager', interimRole: 'founder' }),
    );
  });
});
