/**
 * Renders an assessment report (and a comparison of two) as Markdown: pure string functions.
 */
import { DECISION_INFO, ROLE_LABELS, ROLES } from '../decision-rights';
import { isOneOf } from '../shared';
import type { AssessmentComparison } from './compare';
import { impliedDecisionRights } from './growth-plan';
import type { ActionProgress, StartedAction } from './plan-progress';
import { describeAnswer, findQuestion } from './questionnaire';
import { safeLinkUrl } from './safe-link';
import {
  AREA_LABELS,
  type AssessmentReport,
  type DecisionRightsChange,
  type Horizon,
  type TriggerStatus,
} from './types';

/** The label of a role ("product manager"); a stored report naming something else shows the raw value. */
export function labelRole(role: string): string {
  return isOneOf(ROLES, role) ? ROLE_LABELS[role] : role;
}

/**
 * "Ordering the backlog → product manager: A (the founder until then)", for people rather
 * than programs.
 */
export function describeRightsChange(change: DecisionRightsChange): string {
  // Labels come from closed tables; a stored report naming something else shows the raw value.
  const decision = Object.hasOwn(DECISION_INFO, change.decision)
    ? DECISION_INFO[change.decision].label
    : String(change.decision);
  const interim = change.interimRole ? ` (the ${labelRole(change.interimRole)} until then)` : '';
  return `${decision} → ${labelRole(change.role)}: ${change.letter}${interim}`;
}

export const HORIZON_LABELS: Record<Horizon, string> = {
  now: 'Now (0–4 weeks)',
  '3-months': 'Within 3 months',
  '12-months': 'Within 12 months',
};

export const TRIGGER_LABELS: Record<TriggerStatus, string> = {
  due: 'due',
  watch: 'not yet',
  satisfied: 'in place',
  unknown: 'not answered',
};

/**
 * Makes any value plain text inside a Markdown paragraph, list item or table cell: every
 * character Markdown or HTML could read as markup is backslash-escaped and line breaks become
 * spaces, so a stored report (which may come from an imported file) cannot add links, images,
 * raw HTML, headings or table cells.
 * @returns the escaped text
 */
export function escapeMarkdown(value: unknown): string {
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  return text.replace(/[\\`*_[\]<>|#&~]/g, (c) => `\\${c}`).replace(/\s*[\r\n]+\s*/g, ' ');
}

const md = escapeMarkdown;

/** An autolink for an allow-listed URL, or the escaped text when it is not one. */
function mdLink(url: string | undefined): string {
  const href = safeLinkUrl(url);
  if (!href) return url ? ` (${md(url)})` : '';
  return ` <${href.replace(/[<>"'`\\\s]/g, (c) => encodeURIComponent(c))}>`;
}

/** A code span that data cannot close: the fence is longer than any run of backticks inside (nothing is markup inside a code span). */
function code(value: unknown): string {
  const text = String(value ?? '').replace(/\s*[\r\n]+\s*/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${longest > 0 ? ' ' : ''}${text}${longest > 0 ? ' ' : ''}${fence}`;
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
    `Questionnaire: ${md(report.questionnaire)} · unanswered: ${report.unanswered.length} · DORA benchmark: ${md(report.dora.selectedYear)} report`,
    '',
  );

  out.push('## Scores', '', '| Area | Score | Band | Answered |', '|---|---:|---|---:|');
  for (const area of report.scores.areas) {
    // Counted as the questionnaire shows each area: every question, context ones included.
    const answered = `${area.answeredQuestions ?? area.answered} of ${area.questions ?? area.scoredQuestions}`;
    out.push(
      `| ${md(AREA_LABELS[area.area] ?? area.area)} | ${md(area.score ?? '–')} | ${md(area.band ?? 'not answered')} | ${md(answered)} |`,
    );
  }
  out.push(
    `| **Overall** | **${md(report.scores.overall ?? '–')}** | **${md(report.scores.band ?? 'not answered')}** | |`,
    '',
  );

  const selected = report.dora.byYear.find((d) => d.year === report.dora.selectedYear);
  out.push(`## DORA tiers (${md(report.dora.selectedYear)} report)`, '');
  if (selected) {
    out.push('| Measure | Tier |', '|---|---|');
    for (const [metric, tier] of Object.entries(selected.metrics))
      out.push(`| ${md(metric)} | ${md(tier)} |`);
    out.push(
      `| throughput | ${md(selected.throughput ?? '–')} |`,
      `| stability | ${md(selected.stability ?? '–')} |`,
    );
    out.push(`| **overall** | **${md(selected.overall ?? '–')}** |`, '');
    out.push(`Source: ${md(selected.source)}.`, '');
    for (const caveat of selected.caveats) out.push(`- ${md(caveat)}`);
    if (selected.caveats.length > 0) out.push('');
  }
  const others = report.dora.byYear.filter((d) => d.year !== report.dora.selectedYear);
  if (others.length > 0) {
    const list = others.map((d) => `${md(d.year)}: ${md(d.overall ?? '–')}`).join(' · ');
    out.push(`Against other report years (each on its own, never averaged): ${list}.`, '');
  }
  out.push('Tiers describe this system over time; do not compare them across different systems.', '');

  out.push(`## Findings (${report.findings.length})`, '');
  if (report.findings.length === 0) out.push('No findings: nothing in the answers raised a rule.', '');
  report.findings.forEach((f, i) => {
    out.push(`### ${i + 1}. ${md(f.title)} (${md(f.severity)})`, '');
    out.push(
      `Id: ${code(f.id)}${f.severityReason ? ` · severity ${md(f.severity)} because ${md(f.severityReason)}` : ''}`,
      '',
    );
    out.push(md(f.why), '', '**Evidence**', '');
    for (const e of f.evidence) out.push(`- ${md(e.question)} → ${md(e.answerLabel)}`);
    out.push('', `**Recommendation.** ${md(f.recommendation)}`, '', '**Sources**', '');
    for (const s of f.sources) out.push(`- ${md(s.title)}${mdLink(s.url)}: ${md(s.point)}`);
    out.push('');
  });

  out.push('## Growth plan', '');
  for (const { horizon, actions } of report.plan.horizons) {
    out.push(`### ${md(HORIZON_LABELS[horizon] ?? horizon)}`, '');
    if (actions.length === 0) out.push('Nothing for this horizon.', '');
    for (const a of actions) {
      out.push(`#### ${md(a.title)}`, '', `- Owner: ${md(labelRole(a.owner))}`);
      const because = [
        ...a.rationale.map((r) => `${code(r.findingId)} (${md(r.severity)})`),
        ...(a.answersTriggers ?? []).map((id) => `hiring trigger ${code(id)}`),
      ];
      out.push(`- Because of: ${because.join(', ')}`);
      out.push(`- What: ${md(a.details)}`);
      if (a.budget) out.push(`- Time or budget: ${md(a.budget)}`);
      if (a.deliverables.length > 0) out.push(`- Deliverables: ${a.deliverables.map(md).join('; ')}`);
      out.push(`- Done when: ${a.exitCriteria.map(md).join('; ')}`);
      if (a.decisionRights.length > 0) {
        out.push(`- Decision rights: ${a.decisionRights.map((d) => md(describeRightsChange(d))).join(', ')}`);
      }
      out.push('');
    }
  }

  out.push(
    '## Hiring triggers',
    '',
    'Checked again on every assessment.',
    '',
    '| Trigger | Status | Answered by |',
    '|---|---|---|',
  );
  const planned = new Map(
    report.plan.horizons.flatMap(({ horizon, actions }) =>
      actions.map((a) => [a.id, { a, horizon }] as const),
    ),
  );
  for (const t of report.plan.triggers) {
    const answer = t.actionId ? planned.get(t.actionId) : undefined;
    const by = answer ? `${answer.a.title} (${HORIZON_LABELS[answer.horizon] ?? answer.horizon})` : '–';
    out.push(`| ${md(t.text)} | ${md(TRIGGER_LABELS[t.status] ?? t.status)} | ${md(by)} |`);
  }
  out.push('');

  const rights = impliedDecisionRights(report.plan);
  out.push('## Decision-rights changes this plan implies', '');
  if (rights.length === 0) out.push('None.', '');
  else {
    out.push(
      '| Decision | Role | New letter | Until the role joins | From action |',
      '|---|---|---|---|---|',
    );
    for (const r of rights)
      out.push(
        `| ${md(DECISION_INFO[r.decision]?.label ?? r.decision)} | ${md(labelRole(r.role))} | ${md(r.letter)} | ${md(r.interimRole ? labelRole(r.interimRole) : '–')} | ${code(r.actionId)} |`,
      );
    out.push('');
  }

  if (report.unanswered.length > 0) {
    out.push('## Not answered', '');
    for (const id of report.unanswered) out.push(`- ${code(id)}: ${md(findQuestion(id)?.text ?? id)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const PROGRESS_LABELS: Record<ActionProgress, string> = {
  done: 'done',
  in_progress: 'in progress',
  not_started: 'not started',
  cancelled: 'cancelled',
};

/**
 * Renders a comparison of two assessments as Markdown.
 * @param startedActions the earlier assessment's started plan actions, with where each stands
 * @returns the document, ending with a newline
 */
export function renderComparisonMarkdown(
  comparison: AssessmentComparison,
  startedActions: readonly StartedAction[] = [],
): string {
  const out: string[] = ['# What changed since the last assessment', ''];
  out.push(
    `Overall score: ${md(comparison.overall.before ?? '–')} → ${md(comparison.overall.after ?? '–')} (${md(signed(comparison.overall.delta))})`,
    '',
  );
  out.push('| Area | Before | After | Change |', '|---|---:|---:|---:|');
  for (const a of comparison.areas) {
    out.push(
      `| ${md(AREA_LABELS[a.area] ?? a.area)} | ${md(a.before ?? '–')} | ${md(a.after ?? '–')} | ${md(signed(a.delta))} |`,
    );
  }
  out.push('', '## Closed findings', '');
  out.push(
    ...(comparison.closed.length
      ? comparison.closed.map((f) => `- ${md(f.title)} (${code(f.id)})`)
      : ['None.']),
  );
  out.push('', '## New findings', '');
  out.push(
    ...(comparison.opened.length
      ? comparison.opened.map((f) => `- ${md(f.title)} (${code(f.id)}, ${md(f.severity)})`)
      : ['None.']),
  );
  out.push('', '## Still open', '');
  out.push(
    ...(comparison.persisting.length
      ? comparison.persisting.map(
          (f) => `- ${md(f.title)} (${code(f.id)}, ${md(f.severityBefore)} → ${md(f.severity)})`,
        )
      : ['None.']),
  );
  out.push('', '## DORA overall tier per report year', '');
  for (const d of comparison.dora)
    out.push(`- ${md(d.year)}: ${md(d.before ?? '–')} → ${md(d.after ?? '–')}`);
  if (comparison.triggers.length > 0) {
    out.push('', '## Hiring triggers that changed', '');
    for (const t of comparison.triggers)
      out.push(`- ${md(t.text)}: ${md(TRIGGER_LABELS[t.before])} → ${md(TRIGGER_LABELS[t.after])}`);
  }
  if (startedActions.length > 0) {
    out.push('', '## The started growth plan', '');
    for (const a of startedActions)
      out.push(`- ${md(a.title)} (#${a.itemNumber}): ${md(PROGRESS_LABELS[a.progress])}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The label of an answer, for renderers that show the answers given. */
export function labelAnswer(questionId: string, value: Parameters<typeof describeAnswer>[1]): string {
  const question = findQuestion(questionId);
  return question ? describeAnswer(question, value) : String(value);
}
