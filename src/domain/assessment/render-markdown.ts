/**
 * Renders an assessment report (and a comparison of two) as Markdown: pure string functions.
 */
import { DECISION_INFO, ROLE_LABELS } from '../decision-rights';
import type { AssessmentComparison } from './compare';
import { impliedDecisionRights } from './growth-plan';
import { describeAnswer, findQuestion } from './questionnaire';
import {
  AREA_LABELS,
  type AssessmentReport,
  type DecisionRightsChange,
  type Horizon,
  type TriggerStatus,
} from './types';

/** "Ordering the backlog → product manager: A", for people rather than programs. */
export function describeRightsChange(change: DecisionRightsChange): string {
  return `${DECISION_INFO[change.decision].label} → ${ROLE_LABELS[change.role]}: ${change.letter}`;
}

export const HORIZON_LABELS: Record<Horizon, string> = {
  now: 'Now (0–4 weeks)',
  '3-months': 'Within 3 months',
  '12-months': 'Within 12 months',
};

export const TRIGGER_LABELS: Record<TriggerStatus, string> = {
  due: 'due now',
  watch: 'not yet',
  satisfied: 'in place',
  unknown: 'not answered',
};

/** Makes free text safe inside Markdown paragraphs and table cells. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

function signed(value: number | null): string {
  if (value === null) return '–';
  return value > 0 ? `+${value}` : String(value);
}

/**
 * Renders the report as Markdown.
 * @returns the document, ending with a newline
 */
export function renderMarkdown(report: AssessmentReport): string {
  const out: string[] = [];
  const title = report.company
    ? `Development setup assessment: ${md(report.company)}`
    : 'Development setup assessment';
  out.push(`# ${title}`, '');
  out.push(
    `Questionnaire: ${report.questionnaire} · unanswered: ${report.unanswered.length} · DORA benchmark: ${report.dora.selectedYear} report`,
    '',
  );

  out.push('## Scores', '', '| Area | Score | Band |', '|---|---:|---|');
  for (const area of report.scores.areas) {
    out.push(`| ${AREA_LABELS[area.area]} | ${area.score ?? '–'} | ${area.band ?? 'not answered'} |`);
  }
  out.push(
    `| **Overall** | **${report.scores.overall ?? '–'}** | **${report.scores.band ?? 'not answered'}** |`,
    '',
  );

  const selected = report.dora.byYear.find((d) => d.year === report.dora.selectedYear);
  out.push(`## DORA tiers (${report.dora.selectedYear} report)`, '');
  if (selected) {
    out.push('| Measure | Tier |', '|---|---|');
    for (const [metric, tier] of Object.entries(selected.metrics)) out.push(`| ${metric} | ${tier} |`);
    out.push(
      `| throughput | ${selected.throughput ?? '–'} |`,
      `| stability | ${selected.stability ?? '–'} |`,
    );
    out.push(`| **overall** | **${selected.overall ?? '–'}** |`, '');
    out.push(`Source: ${selected.source}.`, '');
    for (const caveat of selected.caveats) out.push(`- ${caveat}`);
    if (selected.caveats.length > 0) out.push('');
  }
  const others = report.dora.byYear.filter((d) => d.year !== report.dora.selectedYear);
  if (others.length > 0) {
    const list = others.map((d) => `${d.year}: ${d.overall ?? '–'}`).join(' · ');
    out.push(`Against other report years (each on its own, never averaged): ${list}.`, '');
  }
  out.push('Tiers describe this system over time; do not compare them across different systems.', '');

  out.push(`## Findings (${report.findings.length})`, '');
  if (report.findings.length === 0) out.push('No findings: nothing in the answers raised a rule.', '');
  report.findings.forEach((f, i) => {
    out.push(`### ${i + 1}. ${f.title} (${f.severity})`, '');
    out.push(
      `Id: \`${f.id}\`${f.severityReason ? ` · severity ${f.severity} because ${f.severityReason}` : ''}`,
      '',
    );
    out.push(f.why, '', '**Evidence**', '');
    for (const e of f.evidence) out.push(`- ${e.question} → ${md(e.answerLabel)}`);
    out.push('', `**Recommendation.** ${f.recommendation}`, '', '**Sources**', '');
    for (const s of f.sources) out.push(`- ${s.title}${s.url ? ` <${s.url}>` : ''}: ${s.point}`);
    out.push('');
  });

  out.push('## Growth plan', '');
  for (const { horizon, actions } of report.plan.horizons) {
    out.push(`### ${HORIZON_LABELS[horizon]}`, '');
    if (actions.length === 0) out.push('Nothing for this horizon.', '');
    for (const a of actions) {
      out.push(`#### ${a.title}`, '', `- Owner: ${a.owner}`);
      out.push(`- Because of: ${a.rationale.map((r) => `\`${r.findingId}\` (${r.severity})`).join(', ')}`);
      out.push(`- What: ${a.details}`);
      if (a.budget) out.push(`- Time or budget: ${a.budget}`);
      if (a.deliverables.length > 0) out.push(`- Deliverables: ${a.deliverables.join('; ')}`);
      out.push(`- Done when: ${a.exitCriteria.join('; ')}`);
      if (a.decisionRights.length > 0) {
        out.push(`- Decision rights: ${a.decisionRights.map(describeRightsChange).join(', ')}`);
      }
      out.push('');
    }
  }

  out.push(
    '## Hiring triggers',
    '',
    'Checked again on every assessment.',
    '',
    '| Trigger | Status |',
    '|---|---|',
  );
  for (const t of report.plan.triggers) out.push(`| ${t.text} | ${TRIGGER_LABELS[t.status]} |`);
  out.push('');

  const rights = impliedDecisionRights(report.plan);
  out.push('## Decision-rights changes this plan implies', '');
  if (rights.length === 0) out.push('None.', '');
  else {
    out.push('| Decision | Role | New letter | From action |', '|---|---|---|---|');
    for (const r of rights)
      out.push(
        `| ${DECISION_INFO[r.decision].label} | ${ROLE_LABELS[r.role]} | ${r.letter} | ${r.actionId} |`,
      );
    out.push('');
  }

  if (report.unanswered.length > 0) {
    out.push('## Not answered', '');
    for (const id of report.unanswered) out.push(`- \`${id}\`: ${findQuestion(id)?.text ?? id}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * Renders a comparison of two assessments as Markdown.
 * @returns the document, ending with a newline
 */
export function renderComparisonMarkdown(comparison: AssessmentComparison): string {
  const out: string[] = ['# What changed since the last assessment', ''];
  out.push(
    `Overall score: ${comparison.overall.before ?? '–'} → ${comparison.overall.after ?? '–'} (${signed(comparison.overall.delta)})`,
    '',
  );
  out.push('| Area | Before | After | Change |', '|---|---:|---:|---:|');
  for (const a of comparison.areas) {
    out.push(`| ${AREA_LABELS[a.area]} | ${a.before ?? '–'} | ${a.after ?? '–'} | ${signed(a.delta)} |`);
  }
  out.push('', '## Closed findings', '');
  out.push(
    ...(comparison.closed.length ? comparison.closed.map((f) => `- ${f.title} (\`${f.id}\`)`) : ['None.']),
  );
  out.push('', '## New findings', '');
  out.push(
    ...(comparison.opened.length
      ? comparison.opened.map((f) => `- ${f.title} (\`${f.id}\`, ${f.severity})`)
      : ['None.']),
  );
  out.push('', '## Still open', '');
  out.push(
    ...(comparison.persisting.length
      ? comparison.persisting.map((f) => `- ${f.title} (\`${f.id}\`, ${f.severityBefore} → ${f.severity})`)
      : ['None.']),
  );
  out.push('', '## DORA overall tier per report year', '');
  for (const d of comparison.dora) out.push(`- ${d.year}: ${d.before ?? '–'} → ${d.after ?? '–'}`);
  if (comparison.triggers.length > 0) {
    out.push('', '## Hiring triggers that changed', '');
    for (const t of comparison.triggers)
      out.push(`- ${t.text}: ${TRIGGER_LABELS[t.before]} → ${TRIGGER_LABELS[t.after]}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The label of an answer, for renderers that show the answers given. */
export function labelAnswer(questionId: string, value: Parameters<typeof describeAnswer>[1]): string {
  const question = findQuestion(questionId);
  return question ? describeAnswer(question, value) : String(value);
}
