import { Link, useParams } from 'react-router';
import { AREA_LABELS } from '../../../domain/assessment/types';
import { useDecisionRights } from '../../api/team-hooks';
import { ErrorState, Loading } from '../../components/states';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import { ApplyRights } from './apply-rights';
import { reportUrl, useAssessment, useAssessments } from './assessment-api';
import { BAND_LABELS, SEVERITY_LABELS, SEVERITY_ORDER } from './labels';
import { AreaTable, Chip, DoraTable, FindingsList, GrowthPlan } from './report-sections';
import { ScoreChart } from './score-chart';
import { StartPlan } from './start-plan';

/** /assessment/:number : the report of one assessment. */
export function AssessmentReportPage() {
  const { workspace } = useWorkspace();
  const number = Number(useParams().number);
  const assessment = useAssessment(workspace.id, number);
  const list = useAssessments(workspace.id);
  const rights = useDecisionRights(workspace.id);
  const gate = useGate('team');
  if (!Number.isInteger(number) || number < 1) return <ErrorState error={new Error('No such assessment')} />;
  if (assessment.isPending) return <Loading label="Loading the report" />;
  if (assessment.isError)
    return <ErrorState error={assessment.error} onRetry={() => void assessment.refetch()} />;
  const a = assessment.data;
  const report = a.report;
  const previous = list.data?.filter((s) => s.number < number).map((s) => s.number)[0];
  const decisionLabels = Object.fromEntries((rights.data?.decisions ?? []).map((d) => [d.id, d.label]));
  const counts = SEVERITY_ORDER.filter((s) => (a.findings[s] ?? 0) > 0);

  return (
    <div className="page page-assessment page-report">
      <header className="page-header report-header">
        <div>
          <p className="breadcrumb">
            <Link to="..">Assessment</Link>
          </p>
          <h1>
            Assessment #{a.number}
            {report.company ? ` · ${report.company}` : ''}
          </h1>
          <p className="muted small">
            {a.variant === 'short' ? 'Short' : 'Full'} questionnaire,{' '}
            {new Date(a.createdAt).toLocaleDateString()}
            {a.createdByName ? ` by ${a.createdByName}` : ''}
            {report.unanswered.length > 0 ? ` · ${report.unanswered.length} questions unanswered` : ''}
          </p>
        </div>
        <div className="report-actions">
          <a
            className="button"
            href={reportUrl(workspace.id, a.number, 'md')}
            download={`assessment-${a.number}.md`}
          >
            Markdown
          </a>
          <a
            className="button"
            href={reportUrl(workspace.id, a.number, 'html')}
            target="_blank"
            rel="noreferrer"
          >
            Print-ready HTML
          </a>
          {/* The report opens in a sandbox the app cannot script, so printing starts there. */}
          <a
            className="button"
            href={reportUrl(workspace.id, a.number, 'html')}
            target="_blank"
            rel="noreferrer"
            title="Opens the print-ready report in a new tab: print it there (Ctrl+P or ⌘P) and choose Save as PDF"
          >
            Print / Save as PDF
          </a>
          {previous !== undefined && (
            <Link className="button" to={`../compare?from=${previous}&to=${a.number}`}>
              Compare with #{previous}
            </Link>
          )}
          <Link
            className={`button${gate.allowed ? ' button-primary' : ''}`}
            to={`../new?variant=${a.variant}`}
            title={gate.allowed ? undefined : (gate.reason ?? undefined)}
          >
            Re-assess
          </Link>
        </div>
      </header>

      <section className="card-section summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="sr-only">
          Scores
        </h2>
        <div className="summary-grid">
          <div className="overall" data-testid="overall">
            <span className="overall-score">{report.scores.overall ?? '—'}</span>
            <span className="muted small">overall, out of 100</span>
            {report.scores.band && (
              <Chip tone={`band-${report.scores.band}`}>{BAND_LABELS[report.scores.band]}</Chip>
            )}
            <p className="small finding-counts">
              {counts.length === 0
                ? 'No findings'
                : counts.map((s) => `${a.findings[s]} ${SEVERITY_LABELS[s].toLowerCase()}`).join(' · ')}
            </p>
          </div>
          <div className="areas">
            <ScoreChart areas={report.scores.areas} labels={AREA_LABELS} />
            <AreaTable areas={report.scores.areas} bands />
          </div>
        </div>
      </section>

      <FindingsList findings={report.findings} areaLabels={AREA_LABELS} />
      <GrowthPlan plan={report.plan} decisionLabels={decisionLabels} />
      <StartPlan number={a.number} plan={report.plan} />
      <ApplyRights assessment={a} />
      <DoraTable dora={report.dora} />
    </div>
  );
}
