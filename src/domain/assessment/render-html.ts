/**
 * Renders an assessment report as one standalone, print-ready HTML page: inline CSS with
 * print rules, no scripts and no external assets. Every piece of text is escaped.
 */
import { DECISION_INFO, ROLE_LABELS } from '../decision-rights';
import { impliedDecisionRights } from './growth-plan';
import { findQuestion } from './questionnaire';
import { describeRightsChange, HORIZON_LABELS, labelAnswer, TRIGGER_LABELS } from './render-markdown';
import { AREA_LABELS, type AssessmentReport } from './types';

/**
 * Escapes text for HTML element content and quoted attribute values.
 * @returns the escaped text
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = escapeHtml;

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:2px solid #e3e6ec;padding-bottom:.2rem;margin-top:2rem}
.meta{color:#5b6475}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e3e6ec;vertical-align:top}
.bar{background:#eef0f4;height:.8rem;border-radius:.4rem;min-width:8rem}.bar span{display:block;height:100%;border-radius:.4rem}
.band-critical{background:#c0392b}.band-fragile{background:#e67e22}.band-functional{background:#2e86c1}.band-strong{background:#229954}
.finding{border-left:4px solid #999;padding:.2rem 0 .2rem 1rem;margin:1rem 0;break-inside:avoid}
.sev-critical{border-color:#c0392b}.sev-high{border-color:#e67e22}.sev-medium{border-color:#d4ac0d}.sev-info{border-color:#2e86c1}
.tag{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;padding:.05rem .4rem;border-radius:.3rem;background:#eef0f4}
.action{break-inside:avoid;margin:.8rem 0}code{background:#eef0f4;padding:0 .2rem;border-radius:.2rem}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}a{color:inherit;text-decoration:none}
.finding,.action,tr{break-inside:avoid}@page{margin:18mm}}
`;

function list(items: readonly string[]): string {
  return items.length === 0 ? '' : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

/**
 * Renders the report as a standalone HTML document.
 * @returns the page, ready to open or print to PDF
 */
export function renderHtml(report: AssessmentReport): string {
  const title = report.company
    ? `Development setup assessment: ${report.company}`
    : 'Development setup assessment';
  const parts: string[] = [];
  parts.push(`<h1>${e(title)}</h1>`);
  parts.push(
    `<p class="meta">Questionnaire: ${e(report.questionnaire)} · unanswered: ${report.unanswered.length} · DORA benchmark: ${report.dora.selectedYear} report</p>`,
  );

  const rows = report.scores.areas.map((a) => {
    const bar =
      a.score === null
        ? ''
        : `<div class="bar"><span class="band-${a.band}" style="width:${a.score}%"></span></div>`;
    return `<tr><td>${e(AREA_LABELS[a.area])}</td><td>${a.score ?? '–'}</td><td>${e(a.band ?? 'not answered')}</td><td>${bar}</td></tr>`;
  });
  parts.push(
    `<h2>Scores</h2><table><thead><tr><th>Area</th><th>Score</th><th>Band</th><th></th></tr></thead><tbody>${rows.join('')}<tr><th>Overall</th><th>${report.scores.overall ?? '–'}</th><th>${e(report.scores.band ?? 'not answered')}</th><td></td></tr></tbody></table>`,
  );

  const dora = report.dora.byYear.map(
    (d) =>
      `<tr><td>${d.year}${d.year === report.dora.selectedYear ? ' (selected)' : ''}</td>${(['deploy-frequency', 'lead-time', 'change-fail-rate', 'recovery-time'] as const).map((m) => `<td>${e(d.metrics[m] ?? '–')}</td>`).join('')}<td>${e(d.throughput ?? '–')}</td><td>${e(d.stability ?? '–')}</td><td><strong>${e(d.overall ?? '–')}</strong></td></tr>`,
  );
  const selected = report.dora.byYear.find((d) => d.year === report.dora.selectedYear);
  parts.push(
    `<h2>DORA tiers</h2><p>Each report year on its own, never averaged. Tiers describe this system over time; do not compare different systems.</p><table><thead><tr><th>Report</th><th>Deploys</th><th>Lead time</th><th>Fail rate</th><th>Restore</th><th>Throughput</th><th>Stability</th><th>Overall</th></tr></thead><tbody>${dora.join('')}</tbody></table>${selected ? list(selected.caveats.map(e)) : ''}`,
  );

  parts.push(`<h2>Findings (${report.findings.length})</h2>`);
  if (report.findings.length === 0) parts.push('<p>No findings: nothing in the answers raised a rule.</p>');
  for (const f of report.findings) {
    const evidence = f.evidence.map((x) => `${e(x.question)} → <strong>${e(x.answerLabel)}</strong>`);
    const sources = f.sources.map(
      (s) => `${s.url ? `<a href="${e(s.url)}">${e(s.title)}</a>` : e(s.title)}: ${e(s.point)}`,
    );
    parts.push(
      `<section class="finding sev-${f.severity}"><h3>${e(f.title)} <span class="tag">${e(f.severity)}</span></h3><p class="meta"><code>${e(f.id)}</code>${f.severityReason ? ` · ${e(f.severity)} because ${e(f.severityReason)}` : ''}</p><p>${e(f.why)}</p><p><strong>Evidence</strong></p>${list(evidence)}<p><strong>Recommendation.</strong> ${e(f.recommendation)}</p><p><strong>Sources</strong></p>${list(sources)}</section>`,
    );
  }

  parts.push('<h2>Growth plan</h2>');
  for (const { horizon, actions } of report.plan.horizons) {
    parts.push(`<h3>${e(HORIZON_LABELS[horizon])}</h3>`);
    if (actions.length === 0) parts.push('<p>Nothing for this horizon.</p>');
    for (const a of actions) {
      const items = [
        `Owner: ${e(a.owner)}`,
        `Because of: ${a.rationale.map((r) => `<code>${e(r.findingId)}</code> (${e(r.severity)})`).join(', ')}`,
        `What: ${e(a.details)}`,
        ...(a.budget ? [`Time or budget: ${e(a.budget)}`] : []),
        ...(a.deliverables.length ? [`Deliverables: ${a.deliverables.map(e).join('; ')}`] : []),
        `Done when: ${a.exitCriteria.map(e).join('; ')}`,
        ...(a.decisionRights.length
          ? [`Decision rights: ${a.decisionRights.map((d) => e(describeRightsChange(d))).join(', ')}`]
          : []),
      ];
      parts.push(`<div class="action"><strong>${e(a.title)}</strong>${list(items)}</div>`);
    }
  }

  const triggers = report.plan.triggers.map(
    (t) => `<tr><td>${e(t.text)}</td><td>${e(TRIGGER_LABELS[t.status])}</td></tr>`,
  );
  parts.push(
    `<h2>Hiring triggers</h2><p>Checked again on every assessment.</p><table><thead><tr><th>Trigger</th><th>Status</th></tr></thead><tbody>${triggers.join('')}</tbody></table>`,
  );

  const rights = impliedDecisionRights(report.plan).map(
    (r) =>
      `<tr><td>${e(DECISION_INFO[r.decision].label)}</td><td>${e(ROLE_LABELS[r.role])}</td><td>${e(r.letter)}</td><td>${e(r.actionId)}</td></tr>`,
  );
  parts.push(
    `<h2>Decision-rights changes this plan implies</h2>${rights.length ? `<table><thead><tr><th>Decision</th><th>Role</th><th>New letter</th><th>From action</th></tr></thead><tbody>${rights.join('')}</tbody></table>` : '<p>None.</p>'}`,
  );

  const answers = Object.entries(report.answers).map(
    ([id, value]) =>
      `<tr><td>${e(findQuestion(id)?.text ?? id)}</td><td>${e(labelAnswer(id, value))}</td></tr>`,
  );
  parts.push(`<h2>Answers</h2><table><tbody>${answers.join('')}</tbody></table>`);

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(title)}</title><style>${STYLE}</style></head>
<body>
${parts.join('\n')}
</body></html>
`;
}
