import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { EvidenceImportReport, ImportEvidence } from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { ErrorState, Loading } from '../../components/states';
import { useWorkspace } from '../workspaces/workspace-context';
import { AlertThresholdForm } from './alert-threshold';
import { CompaniesPanel } from './companies-panel';
import { RecordAdoptionForm, TrackRecordSection } from './idea-adoption';
import { DecideIdeaForm, IdeaStatus } from './idea-decision';
import { IdeaNotes } from './idea-notes';
import { PortalPanel } from './portal-panel';
import { PromiseAlerts, useIdeas } from './promise-alerts';
import { EvidenceReachForm } from './reach-score';
import './ideas.css';

const percent = (share: number) => `${Math.round(share * 100)} %`;
const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

function useImportEvidence(ws: string) {
  return useMutation({
    mutationFn: (input: ImportEvidence) =>
      requestApi<EvidenceImportReport>(`/workspaces/${ws}/evidence/import`, { method: 'POST', body: input }),
    meta: { invalidates: invalidates.workspaceImported(ws) },
  });
}

/** The report of a check or an import: counts, then each problem with its row. */
function ImportReport({ report }: { report: EvidenceImportReport }) {
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  return (
    <div className={errors > 0 ? 'alert alert-error' : 'alert'} role="status">
      <p>
        {report.written ? 'Imported' : errors > 0 ? 'Nothing imported' : 'Ready to import'}: {report.evidence}{' '}
        notes ({report.evidenceCreated} new, {report.evidenceUpdated} updated), {report.companiesCreated} new
        companies, {report.ideas} ideas ({report.ideasCreated} new).
        {errors > 0 && ` Fix ${errors === 1 ? 'this problem' : `these ${errors} problems`} and check again.`}
      </p>
      {report.problems.length > 0 && (
        <ul className="evidence-problems">
          {report.problems.map((p, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id; their order is the file's
            <li key={index}>
              <strong>{p.severity}</strong> {p.file}
              {p.row === null ? '' : ` row ${p.row}`}
              {p.column ? ` (${p.column})` : ''}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Two files in, checked first (a dry run), then imported all or nothing. */
function ImportPanel({ ws }: { ws: string }) {
  const [evidenceCsv, setEvidenceCsv] = useState<string | null>(null);
  const [companiesCsv, setCompaniesCsv] = useState<string | undefined>(undefined);
  const run = useImportEvidence(ws);
  const send = (dryRun: boolean) => {
    if (evidenceCsv !== null) run.mutate({ evidenceCsv, companiesCsv, dryRun });
  };
  return (
    <section className="card evidence-import" aria-labelledby="evidence-import-heading">
      <h2 id="evidence-import-heading">Import evidence</h2>
      <p className="muted">
        A CSV with{' '}
        <code>
          external_id, created_at, source_type, source_url, requester_email, company, text, idea_ref,
          importance
        </code>{' '}
        and, if you have one, a company CSV with{' '}
        <code>external_id, name, domains, arr, mrr, tier, segment, owner_email</code> (revenue as arr, or as
        mrr). Rows match on external id, so importing the same file again adds nothing twice.
      </p>
      <div className="evidence-files">
        <label className="field">
          Evidence CSV
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              run.reset();
              setEvidenceCsv((await e.target.files?.[0]?.text()) ?? null);
            }}
          />
        </label>
        <label className="field">
          Companies CSV (optional)
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              run.reset();
              setCompaniesCsv(await e.target.files?.[0]?.text());
            }}
          />
        </label>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={evidenceCsv === null || run.isPending}
          onClick={() => send(true)}
        >
          Check the files
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={evidenceCsv === null || run.isPending}
          onClick={() => send(false)}
        >
          Import
        </button>
      </div>
      {run.isError && <ErrorState error={run.error} />}
      {run.data && <ImportReport report={run.data} />}
    </section>
  );
}

/** Ideas ranked by the accounts behind them, each with its reach and the interval its sample allows. */
export function IdeasPage() {
  const { workspace, user } = useWorkspace();
  const me = user.id;
  const ideas = useIdeas(workspace.id);
  return (
    <div className="page page-ideas">
      <header className="page-header">
        <div>
          <h1>Ideas</h1>
          <p className="muted">
            Customer evidence counted per account: one company's many notes count once, with the importance it
            gave last.
          </p>
        </div>
      </header>
      {ideas.isPending ? (
        <Loading label="Counting the evidence" />
      ) : ideas.isError ? (
        <ErrorState error={ideas.error} onRetry={() => void ideas.refetch()} />
      ) : ideas.data.ideas.length === 0 ? (
        <p className="muted">
          No ideas with evidence yet. Import a CSV of customer notes below to see who asks for what.
        </p>
      ) : (
        <>
          <PromiseAlerts alerts={ideas.data.alerts} below={ideas.data.alertBelow} me={me} />
          <p className="muted">
            Reach is the share of the {ideas.data.accountsHeard} accounts heard from that asked, with a 90 %
            interval: the fewer accounts heard, the wider it is.
            {ideas.data.unlinkedEvidence > 0 &&
              ` ${ideas.data.unlinkedEvidence} notes are not linked to an idea yet.`}
          </p>
          <table className="table ideas-table">
            <thead>
              <tr>
                <th scope="col">Idea</th>
                <th scope="col">Accounts</th>
                <th scope="col">Notes</th>
                <th scope="col">Revenue (ARR)</th>
                <th scope="col">Reach (90 % interval)</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {ideas.data.ideas.map((idea) => (
                <tr key={idea.itemId}>
                  <td>
                    <Link to={`../backlog?item=${idea.itemId}`}>
                      {idea.ref} · {idea.title}
                    </Link>
                    {idea.companies.length > 0 && (
                      <div className="muted idea-companies">Asked by {idea.companies.join(', ')}</div>
                    )}
                  </td>
                  <td>{idea.accounts}</td>
                  <td>{idea.evidence}</td>
                  <td>
                    {money.format(idea.revenue)}
                    {idea.revenueUnknown > 0 && (
                      <span className="muted"> (+{idea.revenueUnknown} unknown)</span>
                    )}
                  </td>
                  <td>
                    <span className="reach">
                      {percent(idea.reach.share)}{' '}
                      <span className="muted">
                        ({percent(idea.reach.low)}–{percent(idea.reach.high)}, {idea.reach.asked} of{' '}
                        {idea.reach.heard})
                      </span>
                    </span>
                  </td>
                  <td className="idea-decision-cell">
                    <IdeaStatus idea={idea} />
                    <DecideIdeaForm ws={workspace.id} idea={idea} />
                    <RecordAdoptionForm key={idea.adoption?.version ?? 0} ws={workspace.id} idea={idea} />
                    <EvidenceReachForm ws={workspace.id} idea={idea} />
                    <IdeaNotes ws={workspace.id} idea={idea} ideas={ideas.data.ideas} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <TrackRecordSection record={ideas.data.trackRecord} />
          <AlertThresholdForm
            key={ideas.data.alertThresholdDecisionId ?? 'default'}
            ws={workspace.id}
            list={ideas.data}
          />
        </>
      )}
      <CompaniesPanel />
      <PortalPanel />
      <ImportPanel ws={workspace.id} />
    </div>
  );
}
