import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState, Loading } from '../../components/states';
import { useQuestionnaire } from '../assessment/assessment-api';
import { describeAnswer } from '../assessment/labels';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import { type AssessmentLead, useAssessmentLeads, useDeleteAssessmentLead } from './assessment-links-api';

const dateTimeOf = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The visitors who shared their answers: who, when, through which link, the score and answers. */
export function AssessmentLeads() {
  const { workspace } = useWorkspace();
  const leads = useAssessmentLeads(workspace.id);
  const [forgetting, setForgetting] = useState<AssessmentLead | null>(null);
  return (
    <section className="card-section" aria-labelledby="leads-heading">
      <h2 id="leads-heading">Leads</h2>
      {leads.isPending ? (
        <Loading label="Loading the leads" />
      ) : leads.isError ? (
        <ErrorState error={leads.error} onRetry={() => void leads.refetch()} />
      ) : leads.data.length === 0 ? (
        <p className="muted">No leads yet: visitors who agree to share their answers appear here.</p>
      ) : (
        <ul className="lead-list" data-testid="lead-list">
          {leads.data.map((lead) => (
            <li key={lead.id}>
              <LeadCard lead={lead} onForget={() => setForgetting(lead)} />
            </li>
          ))}
        </ul>
      )}
      {forgetting && <ForgetDialog lead={forgetting} onClose={() => setForgetting(null)} />}
    </section>
  );
}

function LeadCard({ lead, onForget }: { lead: AssessmentLead; onForget: () => void }) {
  const { workspace } = useWorkspace();
  const gate = useGate('roadmap');
  const questionnaire = useQuestionnaire(workspace.id, 'short');
  const who = [lead.name, lead.company].filter(Boolean).join(', ');
  return (
    <details className="lead">
      <summary>
        <strong>{lead.email}</strong>
        {who ? ` · ${who}` : ''} · score {lead.overall ?? '—'}
        {lead.band ? ` (${lead.band})` : ''} · {lead.findings} findings · {dateTimeOf(lead.createdAt)}
        {lead.linkName ? ` · via ${lead.linkName}` : ''}
      </summary>
      {questionnaire.data ? (
        <dl className="review-list">
          {questionnaire.data.questions
            .filter((q) => lead.answers[q.id] !== undefined)
            .map((q) => (
              <div key={q.id}>
                <dt>{q.text}</dt>
                <dd>{describeAnswer(q, lead.answers[q.id])}</dd>
              </div>
            ))}
        </dl>
      ) : (
        <Loading label="Loading the questions" />
      )}
      <button
        type="button"
        className="button"
        disabled={!gate.allowed}
        title={gate.reason ?? undefined}
        onClick={onForget}
      >
        Forget this lead
      </button>
    </details>
  );
}

function ForgetDialog({ lead, onClose }: { lead: AssessmentLead; onClose: () => void }) {
  const { workspace } = useWorkspace();
  const forget = useDeleteAssessmentLead(workspace.id);
  return (
    <ConfirmDialog
      title={`Forget ${lead.email}?`}
      confirmLabel="Forget lead"
      pending={forget.isPending}
      error={forget.error}
      onClose={onClose}
      onConfirm={() => forget.mutate(lead.id, { onSuccess: onClose })}
    >
      <p>The e-mail, answers and report are deleted for good.</p>
    </ConfirmDialog>
  );
}
