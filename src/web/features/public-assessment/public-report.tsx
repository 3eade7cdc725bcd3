import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { AREA_LABELS } from '../../../domain/assessment/types';
import { DECISION_INFO } from '../../../domain/decision-rights';
import { describeError } from '../../api/client';
import { BAND_LABELS } from '../assessment/labels';
import { AreaTable, Chip, FindingsList, GrowthPlan } from '../assessment/report-sections';
import {
  type Answers,
  downloadReportPdf,
  type PublicAssessmentResult,
  saveWorkspaceDraft,
  useSubmitPublicAssessment,
} from './public-assessment-api';

const DECISION_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(DECISION_INFO).map(([id, info]) => [id, info.label]),
);

interface PublicReportProps {
  token: string;
  publisher: string;
  answers: Answers;
  result: PublicAssessmentResult;
  onEdit: () => void;
}

/** The visitor's report: scores, findings and growth plan, the PDF, sharing and a workspace. */
export function PublicReport({ token, publisher, answers, result, onEdit }: PublicReportProps) {
  const { report } = result;
  const navigate = useNavigate();
  const [pdf, setPdf] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const download = async () => {
    setPdf({ busy: true, error: null });
    try {
      await downloadReportPdf(token, answers);
      setPdf({ busy: false, error: null });
    } catch (error) {
      setPdf({ busy: false, error: describeError(error) });
    }
  };

  const startWorkspace = () => {
    saveWorkspaceDraft({ answers });
    void navigate(`/signup?next=${encodeURIComponent('/workspaces?from=assessment')}`);
  };

  return (
    <div className="public-report page-report">
      <section className="public-card">
        <h1>Your development setup assessment</h1>
        <div className="report-actions">
          <button type="button" className="button button-primary" disabled={pdf.busy} onClick={download}>
            {pdf.busy ? 'Preparing the PDF…' : 'Download PDF'}
          </button>
          <button type="button" className="button" onClick={onEdit}>
            Change my answers
          </button>
        </div>
        {pdf.error && (
          <p className="form-error" role="alert">
            {pdf.error}
          </p>
        )}
        <div className="overall" data-testid="overall">
          <span className="overall-score">{report.scores.overall ?? '—'}</span>
          <span className="muted small">overall, out of 100</span>
          {report.scores.band && (
            <Chip tone={`band-${report.scores.band}`}>{BAND_LABELS[report.scores.band]}</Chip>
          )}
        </div>
        <AreaTable areas={report.scores.areas} />
      </section>
      <FindingsList findings={report.findings} areaLabels={AREA_LABELS} />
      <GrowthPlan plan={report.plan} decisionLabels={DECISION_LABELS} />
      <ShareForm token={token} publisher={publisher} answers={answers} />
      <section className="public-card" aria-labelledby="workspace-heading">
        <h2 id="workspace-heading">Put the plan to work</h2>
        <p>
          Headway keeps the product function honest: who decides what, the ordered backlog, the roadmap and
          forecasts. Start a workspace with the decision rights this plan implies and this assessment as its
          first.
        </p>
        <button type="button" className="button button-primary" onClick={startWorkspace}>
          Create your workspace from these answers
        </button>
      </section>
    </div>
  );
}

/** Consent and e-mail: only then are the answers kept, for the publisher to reach out. */
function ShareForm({ token, publisher, answers }: { token: string; publisher: string; answers: Answers }) {
  const share = useSubmitPublicAssessment(token);
  const [consent, setConsent] = useState(false);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [company, setCompany] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    share.mutate({
      answers,
      consent,
      email: email.trim(),
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(company.trim() ? { company: company.trim() } : {}),
    });
  };

  if (share.data?.leadStored) {
    return (
      <section className="public-card" aria-labelledby="share-heading">
        <h2 id="share-heading">Shared with {publisher}</h2>
        <p role="status">
          {publisher} has your answers and report, and may contact you at {email.trim()}. Ask them any time to
          delete them.
        </p>
      </section>
    );
  }
  return (
    <section className="public-card" aria-labelledby="share-heading">
      <h2 id="share-heading">Talk it through with {publisher}</h2>
      <form className="form share-form" onSubmit={submit}>
        <label className="field">
          <span>E-mail</span>
          <input
            type="email"
            required
            maxLength={200}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Name (optional)</span>
          <input maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>Company (optional)</span>
          <input maxLength={100} value={company} onChange={(e) => setCompany(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
          <span>{publisher} may keep my answers and report and contact me at this e-mail about them.</span>
        </label>
        {share.isError && (
          <p className="form-error" role="alert">
            {describeError(share.error)}
          </p>
        )}
        {share.data && !share.data.leadStored && (
          <p className="muted small" role="status">
            Nothing was kept: tick the box to share your answers.
          </p>
        )}
        <button type="submit" className="button" disabled={!consent || share.isPending}>
          Share my answers with {publisher}
        </button>
      </form>
    </section>
  );
}
