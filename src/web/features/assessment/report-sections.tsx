import { safeLinkUrl } from '../../../domain/assessment/safe-link';
import { AREA_LABELS } from '../../../domain/assessment/types';
import { ROLE_LABELS } from '../../../domain/decision-rights';
import type { Finding, PlannedAction, Report } from './assessment-api';
import {
  ACTION_KIND_LABELS,
  BAND_LABELS,
  DORA_METRIC_LABELS,
  HORIZON_LABELS,
  SEVERITY_LABELS,
  sortBySeverity,
  TIER_LABELS,
  TRIGGER_LABELS,
} from './labels';

/**
 * Each area's score and how many of its questions were answered, counted as the wizard counts
 * them (every question of the area, context ones included); with `bands`, each area's band too.
 */
export function AreaTable({ areas, bands = false }: { areas: Report['scores']['areas']; bands?: boolean }) {
  return (
    <table className="table area-table">
      <caption className="sr-only">Scores per area</caption>
      <thead>
        <tr>
          <th scope="col">Area</th>
          <th scope="col">Score</th>
          {bands && <th scope="col">Band</th>}
          <th scope="col">Answered</th>
        </tr>
      </thead>
      <tbody>
        {areas.map((s) => (
          <tr key={s.area}>
            <th scope="row">{AREA_LABELS[s.area]}</th>
            <td>{s.score ?? '—'}</td>
            {bands && (
              <td>{s.band ? <Chip tone={`band-${s.band}`}>{BAND_LABELS[s.band]}</Chip> : 'not scored'}</td>
            )}
            <td className="muted">
              {s.answeredQuestions ?? s.answered} of {s.questions ?? s.scoredQuestions}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A coloured chip for a severity, band, tier or trigger status. */
export function Chip({ tone, children }: { tone: string; children: string }) {
  return <span className={`chip chip-${tone}`}>{children}</span>;
}

/** DORA tiers for every report year side by side: each year is its own benchmark, never averaged. */
export function DoraTable({ dora }: { dora: Report['dora'] }) {
  const metrics = Object.keys(DORA_METRIC_LABELS) as (keyof typeof DORA_METRIC_LABELS)[];
  const anyTier = dora.byYear.some((y) => y.overall !== null || Object.keys(y.metrics).length > 0);
  return (
    <section className="card-section" aria-labelledby="dora-heading">
      <h2 id="dora-heading">Delivery performance (DORA)</h2>
      <p className="muted small">
        Each DORA report year sets its own clusters, so the tiers are shown per year and never averaged. The{' '}
        {dora.selectedYear} report is the headline.
      </p>
      {!anyTier && (
        <p className="notice small" role="note">
          No DORA measures were answered, so there is no tier yet. Answer the engineering-health questions
          next time.
        </p>
      )}
      <div className="table-wrap">
        <table className="table dora-table">
          <thead>
            <tr>
              <th scope="col">Report year</th>
              {metrics.map((m) => (
                <th key={m} scope="col">
                  {DORA_METRIC_LABELS[m]}
                </th>
              ))}
              <th scope="col">Throughput</th>
              <th scope="col">Stability</th>
              <th scope="col">Overall</th>
            </tr>
          </thead>
          <tbody>
            {dora.byYear.map((y) => (
              <tr key={y.year} className={y.year === dora.selectedYear ? 'is-selected' : ''}>
                <th scope="row">
                  {y.year}
                  {y.year === dora.selectedYear && <span className="badge badge-muted">headline</span>}
                </th>
                {metrics.map((m) => (
                  <td key={m}>{tier(y.metrics[m] ?? null)}</td>
                ))}
                <td>{tier(y.throughput)}</td>
                <td>{tier(y.stability)}</td>
                <td>{tier(y.overall)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="caveats">
        <summary>Sources and caveats</summary>
        <ul>
          {dora.byYear.map((y) => (
            <li key={y.year}>
              <strong>{y.year}</strong>: {y.source}
              {y.caveats.length > 0 && (
                <ul>
                  {y.caveats.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function tier(value: keyof typeof TIER_LABELS | null) {
  return value === null ? (
    <span className="muted">—</span>
  ) : (
    <Chip tone={`tier-${value}`}>{TIER_LABELS[value]}</Chip>
  );
}

/**
 * A source's title, linked only when its URL has an allow-listed scheme: a report can come from
 * an imported file, so its URLs are not trusted to be the rule table's.
 */
function SourceLink({ title, url }: { title: string; url: string | null | undefined }) {
  const href = safeLinkUrl(url);
  return href ? (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {title}
    </a>
  ) : (
    title
  );
}

/** The findings, most severe first, each with its evidence, recommendation and sources. */
export function FindingsList({
  findings,
  areaLabels,
}: {
  findings: Finding[];
  areaLabels: Record<string, string>;
}) {
  const sorted = sortBySeverity(findings);
  return (
    <section className="card-section" aria-labelledby="findings-heading">
      <h2 id="findings-heading">
        Findings <span className="badge badge-muted">{findings.length}</span>
      </h2>
      {sorted.length === 0 && <p className="muted">No rule fired on these answers.</p>}
      <ol className="findings">
        {sorted.map((f) => (
          <li
            key={f.id}
            id={`finding-${f.id}`}
            className={`finding finding-${f.severity}`}
            data-testid="finding"
          >
            <header className="finding-header">
              <Chip tone={`sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</Chip>
              <h3>{f.title}</h3>
              <span className="muted small">{areaLabels[f.area] ?? f.area}</span>
            </header>
            <p>{f.why}</p>
            {f.severityReason && <p className="muted small">Severity: {f.severityReason}</p>}
            <div className="finding-grid">
              <div>
                <h4>Evidence</h4>
                <ul className="evidence">
                  {f.evidence.map((e) => (
                    <li key={e.questionId}>
                      <span className="muted">{e.question}</span> <strong>{e.answerLabel}</strong>
                    </li>
                  ))}
                </ul>
              </div>
              <div>
                <h4>Recommendation</h4>
                <p>{f.recommendation}</p>
              </div>
            </div>
            {f.sources.length > 0 && (
              <details className="sources">
                <summary>Sources ({f.sources.length})</summary>
                <ul>
                  {f.sources.map((s) => (
                    <li key={`${s.source}-${s.point}`}>
                      <SourceLink title={s.title} url={s.url} />: {s.point}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The growth plan as three columns (now, 3 months, 12 months), then the hiring triggers. */
export function GrowthPlan({
  plan,
  decisionLabels,
}: {
  plan: Report['plan'];
  decisionLabels: Record<string, string>;
}) {
  const titles = new Map(plan.horizons.flatMap((h) => h.actions.map((a) => [a.id, a.title])));
  return (
    <section className="card-section" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Growth plan</h2>
      <div className="plan-columns">
        {plan.horizons.map((h) => (
          <section key={h.horizon} className="plan-column" aria-labelledby={`plan-${h.horizon}`}>
            <h3 id={`plan-${h.horizon}`}>
              {HORIZON_LABELS[h.horizon]} <span className="badge badge-muted">{h.actions.length}</span>
            </h3>
            {h.actions.length === 0 && <p className="muted small">Nothing planned for this horizon.</p>}
            {h.actions.map((a) => (
              <ActionCard key={a.id} action={a} decisionLabels={decisionLabels} />
            ))}
          </section>
        ))}
      </div>
      <section className="triggers" aria-labelledby="triggers-heading">
        <h3 id="triggers-heading">Hiring triggers</h3>
        <p className="muted small">Re-evaluated on every re-assessment.</p>
        <ul className="trigger-list">
          {plan.triggers.map((t) => (
            <li key={t.id} className="trigger" data-testid="trigger">
              <Chip tone={`trigger-${t.status}`}>{TRIGGER_LABELS[t.status]}</Chip>
              <div>
                <p className="trigger-text">{t.text}</p>
                <p className="muted small">
                  {t.action} ({t.role})
                </p>
                {t.actionId && titles.has(t.actionId) && (
                  <p className="small">
                    In the plan: <a href={`#action-${t.actionId}`}>{titles.get(t.actionId)}</a>
                  </p>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

function ActionCard({
  action,
  decisionLabels,
}: {
  action: PlannedAction;
  decisionLabels: Record<string, string>;
}) {
  return (
    <article className="action-card" aria-labelledby={`action-${action.id}`}>
      <p className="action-meta small">
        <span className="badge badge-muted">{ACTION_KIND_LABELS[action.kind]}</span> Owner:{' '}
        <strong>{ROLE_LABELS[action.owner]}</strong>
      </p>
      <h4 id={`action-${action.id}`}>{action.title}</h4>
      <p className="small">{action.details}</p>
      {action.budget && <p className="small muted">Budget: {action.budget}</p>}
      {action.deliverables.length > 0 && <ListBlock title="Deliverables" items={action.deliverables} />}
      {action.exitCriteria.length > 0 && <ListBlock title="Done when" items={action.exitCriteria} />}
      {action.rationale.length > 0 && (
        <div className="small">
          <h5>Because of</h5>
          <ul>
            {action.rationale.map((r) => (
              <li key={r.findingId}>
                <a href={`#finding-${r.findingId}`}>{r.title}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {action.decisionRights.length > 0 && (
        <div className="small">
          <h5>Decision rights</h5>
          <ul>
            {action.decisionRights.map((c) => (
              <li key={`${c.decision}-${c.role}`}>
                {decisionLabels[c.decision] ?? c.decision}: {ROLE_LABELS[c.role]} →{' '}
                <strong>{c.letter}</strong>
                {c.interimRole && (
                  <span className="muted"> (the {ROLE_LABELS[c.interimRole]} until then)</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}

function ListBlock({ title, items }: { title: string; items: string[] }) {
  return (
    <div className="small">
      <h5>{title}</h5>
      <ul>
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    </div>
  );
}
