/**
 * The assessment report as one standalone, print-ready HTML page: inline CSS with print rules,
 * no scripts, no external assets. Rendered with React's static renderer, so every value from the
 * report is escaped by the template rather than by hand; class names come from closed tables and
 * links only carry allow-listed schemes (see safeLinkUrl). A stored report may come from an
 * imported file, so nothing in it is trusted to be what the engine would have written.
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  AREA_LABELS,
  type AssessmentReport,
  describeRightsChange,
  findQuestion,
  HORIZON_LABELS,
  impliedDecisionRights,
  labelAnswer,
  type ScoreBand,
  type Severity,
  safeLinkUrl,
  TRIGGER_LABELS,
} from '../domain/assessment';
import { DECISION_INFO, ROLE_LABELS } from '../domain/decision-rights';

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

// Closed tables: a value outside them gets no class at all, never the value itself.
const BAND_CLASS: Record<ScoreBand, string> = {
  critical: 'band-critical',
  fragile: 'band-fragile',
  functional: 'band-functional',
  strong: 'band-strong',
};
const SEVERITY_CLASS: Record<Severity, string> = {
  critical: 'finding sev-critical',
  high: 'finding sev-high',
  medium: 'finding sev-medium',
  info: 'finding sev-info',
};
const DORA_METRICS = ['deploy-frequency', 'lead-time', 'change-fail-rate', 'recovery-time'] as const;

function pick<T extends string>(table: Record<T, string>, key: unknown, fallback: string): string {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key as T] : fallback;
}

/** Text for a value that should be a number: anything else shows as a dash. */
function numberText(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '–';
}

/** A bar width in percent, always a number from 0 to 100. */
function barWidth(score: unknown): string {
  const n = typeof score === 'number' && Number.isFinite(score) ? Math.min(100, Math.max(0, score)) : 0;
  return `${n}%`;
}

/**
 * A label from a fixed table, or the value as text: own keys only, so a stored value such as
 * "__proto__" reads as text instead of reaching the prototype.
 */
function labelOf(labels: Readonly<Record<string, string>>, key: unknown): string {
  const text = String(key);
  return Object.hasOwn(labels, text) ? (labels[text] as string) : text;
}

function List({ items }: { items: readonly ReactNode[] }) {
  if (items.length === 0) return null;
  return (
    <ul>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a static list, never reordered
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

/** A source link when its URL is safe, otherwise the title as plain text. */
function SourceTitle({ title, url }: { title: string; url: string | undefined }) {
  const href = safeLinkUrl(url);
  return href ? <a href={href}>{title}</a> : title;
}

function Scores({ report }: { report: AssessmentReport }) {
  return (
    <>
      <h2>Scores</h2>
      <table>
        <thead>
          <tr>
            <th>Area</th>
            <th>Score</th>
            <th>Band</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {report.scores.areas.map((a) => (
            <tr key={a.area}>
              <td>{labelOf(AREA_LABELS, a.area)}</td>
              <td>{numberText(a.score)}</td>
              <td>{a.band ?? 'not answered'}</td>
              <td>
                {a.score === null ? null : (
                  <div className="bar">
                    <span className={pick(BAND_CLASS, a.band, '')} style={{ width: barWidth(a.score) }} />
                  </div>
                )}
              </td>
            </tr>
          ))}
          <tr>
            <th>Overall</th>
            <th>{numberText(report.scores.overall)}</th>
            <th>{report.scores.band ?? 'not answered'}</th>
            <td />
          </tr>
        </tbody>
      </table>
    </>
  );
}

function DoraTiers({ report }: { report: AssessmentReport }) {
  const selected = report.dora.byYear.find((d) => d.year === report.dora.selectedYear);
  return (
    <>
      <h2>DORA tiers</h2>
      <p>
        Each report year on its own, never averaged. Tiers describe this system over time; do not compare
        different systems.
      </p>
      <table>
        <thead>
          <tr>
            <th>Report</th>
            <th>Deploys</th>
            <th>Lead time</th>
            <th>Fail rate</th>
            <th>Restore</th>
            <th>Throughput</th>
            <th>Stability</th>
            <th>Overall</th>
          </tr>
        </thead>
        <tbody>
          {report.dora.byYear.map((d) => (
            <tr key={String(d.year)}>
              <td>
                {numberText(d.year)}
                {d.year === report.dora.selectedYear ? ' (selected)' : ''}
              </td>
              {DORA_METRICS.map((m) => (
                <td key={m}>{d.metrics[m] ?? '–'}</td>
              ))}
              <td>{d.throughput ?? '–'}</td>
              <td>{d.stability ?? '–'}</td>
              <td>
                <strong>{d.overall ?? '–'}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {selected ? <List items={selected.caveats} /> : null}
    </>
  );
}

function Findings({ report }: { report: AssessmentReport }) {
  return (
    <>
      <h2>Findings ({report.findings.length})</h2>
      {report.findings.length === 0 ? <p>No findings: nothing in the answers raised a rule.</p> : null}
      {report.findings.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat in a stored report
        <section key={i} className={pick(SEVERITY_CLASS, f.severity, 'finding')}>
          <h3>
            {f.title} <span className="tag">{f.severity}</span>
          </h3>
          <p className="meta">
            <code>{f.id}</code>
            {f.severityReason ? ` · ${f.severity} because ${f.severityReason}` : ''}
          </p>
          <p>{f.why}</p>
          <p>
            <strong>Evidence</strong>
          </p>
          <List
            items={f.evidence.map((x) => (
              <>
                {x.question} → <strong>{x.answerLabel}</strong>
              </>
            ))}
          />
          <p>
            <strong>Recommendation.</strong> {f.recommendation}
          </p>
          <p>
            <strong>Sources</strong>
          </p>
          <List
            items={f.sources.map((s) => (
              <>
                <SourceTitle title={s.title} url={s.url} />: {s.point}
              </>
            ))}
          />
        </section>
      ))}
    </>
  );
}

function GrowthPlan({ report }: { report: AssessmentReport }) {
  return (
    <>
      <h2>Growth plan</h2>
      {report.plan.horizons.map(({ horizon, actions }) => (
        <div key={horizon}>
          <h3>{labelOf(HORIZON_LABELS, horizon)}</h3>
          {actions.length === 0 ? <p>Nothing for this horizon.</p> : null}
          {actions.map((a, i) => {
            const lines: ReactNode[] = [
              `Owner: ${labelOf(ROLE_LABELS, a.owner)}`,
              <>
                Because of:{' '}
                {a.rationale.map((r, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a static list, never reordered
                  <span key={j}>
                    {j > 0 ? ', ' : ''}
                    <code>{r.findingId}</code> ({r.severity})
                  </span>
                ))}
              </>,
              `What: ${a.details}`,
              ...(a.budget ? [`Time or budget: ${a.budget}`] : []),
              ...(a.deliverables.length ? [`Deliverables: ${a.deliverables.join('; ')}`] : []),
              `Done when: ${a.exitCriteria.join('; ')}`,
              ...(a.decisionRights.length
                ? [`Decision rights: ${a.decisionRights.map((d) => describeRightsChange(d)).join(', ')}`]
                : []),
            ];
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat in a stored report
              <div key={i} className="action">
                <strong>{a.title}</strong>
                <List items={lines} />
              </div>
            );
          })}
        </div>
      ))}
    </>
  );
}

function TriggersAndRights({ report }: { report: AssessmentReport }) {
  const rights = impliedDecisionRights(report.plan);
  const actionTitles = new Map(report.plan.horizons.flatMap((h) => h.actions.map((a) => [a.id, a.title])));
  return (
    <>
      <h2>Hiring triggers</h2>
      <p>Checked again on every assessment.</p>
      <table>
        <thead>
          <tr>
            <th>Trigger</th>
            <th>Status</th>
            <th>Answered by</th>
          </tr>
        </thead>
        <tbody>
          {report.plan.triggers.map((t, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat in a stored report
            <tr key={i}>
              <td>{t.text}</td>
              <td>{labelOf(TRIGGER_LABELS, t.status)}</td>
              <td>{actionTitles.get(t.actionId ?? '') ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Decision-rights changes this plan implies</h2>
      {rights.length ? (
        <table>
          <thead>
            <tr>
              <th>Decision</th>
              <th>Role</th>
              <th>New letter</th>
              <th>Until the role joins</th>
              <th>From action</th>
            </tr>
          </thead>
          <tbody>
            {rights.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list, never reordered
              <tr key={i}>
                <td>
                  {Object.hasOwn(DECISION_INFO, r.decision)
                    ? DECISION_INFO[r.decision].label
                    : String(r.decision)}
                </td>
                <td>{labelOf(ROLE_LABELS, r.role)}</td>
                <td>{r.letter}</td>
                <td>{r.interimRole ? labelOf(ROLE_LABELS, r.interimRole) : '–'}</td>
                <td>{r.actionId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>None.</p>
      )}
    </>
  );
}

function Answers({ report }: { report: AssessmentReport }) {
  return (
    <>
      <h2>Answers</h2>
      <table>
        <tbody>
          {Object.entries(report.answers).map(([id, value]) => (
            <tr key={id}>
              <td>{findQuestion(id)?.text ?? id}</td>
              <td>{labelAnswer(id, value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ReportPage({ report, title }: { report: AssessmentReport; title: string }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{title}</title>
        {/* A constant of this module, never data: the one place raw text is written. */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: constant CSS, no data */}
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <h1>{title}</h1>
        <p className="meta">
          Questionnaire: {report.questionnaire} · unanswered: {report.unanswered.length} · DORA benchmark:{' '}
          {numberText(report.dora.selectedYear)} report
        </p>
        <Scores report={report} />
        <DoraTiers report={report} />
        <Findings report={report} />
        <GrowthPlan report={report} />
        <TriggersAndRights report={report} />
        <Answers report={report} />
      </body>
    </html>
  );
}

/**
 * Renders the report as a standalone HTML document.
 * @returns the page, ready to open or print to PDF
 */
export function renderReportHtml(report: AssessmentReport): string {
  const title = report.company
    ? `Development setup assessment: ${report.company}`
    : 'Development setup assessment';
  return `<!doctype html>\n${renderToStaticMarkup(<ReportPage report={report} title={title} />)}\n`;
}
