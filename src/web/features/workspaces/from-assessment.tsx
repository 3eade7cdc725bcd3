import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { CreatedWorkspace } from '../../../contract';
import { ROLE_LABELS } from '../../../domain/decision-rights';
import { describeError, requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { WORKSPACE_DRAFT_KEY } from '../public-assessment/public-assessment-api';

interface Draft {
  answers: Record<string, unknown>;
  company?: string;
}

/** The answers a visitor of a published assessment chose to start a workspace from, if any. */
export function readWorkspaceDraft(): Draft | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(WORKSPACE_DRAFT_KEY) ?? 'null') as Draft | null;
    return parsed && typeof parsed.answers === 'object' && parsed.answers !== null ? parsed : null;
  } catch {
    return null;
  }
}

function useCreateFromAssessment() {
  return useMutation({
    mutationFn: (input: { name: string; answers: Record<string, unknown> }) =>
      requestApi<CreatedWorkspace>('/workspaces', {
        method: 'POST',
        body: { name: input.name, fromAssessment: { answers: input.answers } },
      }),
    meta: { invalidates: invalidates.workspaceJoined() },
  });
}

/** Creates a workspace from the saved answers, then hands out the team's invitation links. */
export function FromAssessmentForm({ draft }: { draft: Draft }) {
  const create = useCreateFromAssessment();
  const [name, setName] = useState(draft.company ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, answers: draft.answers },
      { onSuccess: () => localStorage.removeItem(WORKSPACE_DRAFT_KEY) },
    );
  };
  if (create.data) return <CreatedFromAssessment workspace={create.data} />;
  return (
    <form className="form" onSubmit={submit} aria-labelledby="from-assessment-heading">
      <h2 id="from-assessment-heading">Start from your assessment</h2>
      <p className="muted">
        The workspace starts with the decision rights your growth plan implies, your assessment as its first,
        and an invitation link for each person your answers describe.
      </p>
      <label className="field">
        <span>Company workspace name</span>
        <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {create.isError && (
        <p className="form-error" role="alert">
          {describeError(create.error)}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        Create workspace from my answers
      </button>
    </form>
  );
}

function CreatedFromAssessment({ workspace }: { workspace: CreatedWorkspace }) {
  const prefilled = workspace.fromAssessment;
  return (
    <section aria-labelledby="created-heading" data-testid="created-from-assessment">
      <h2 id="created-heading">{workspace.name} is ready</h2>
      <p>
        Assessment #{prefilled?.assessmentNumber ?? 1} is in, and{' '}
        {prefilled?.rightsChanged
          ? `${prefilled.rightsChanged} decision-rights cells follow its growth plan`
          : 'the decision rights are the defaults'}
        .
      </p>
      {prefilled && prefilled.invitations.length > 0 && (
        <>
          <p className="notice" role="note">
            Send each person their invitation link now: the links are not shown again and work for 14 days.
          </p>
          <ul className="invitation-list">
            {prefilled.invitations.map((invitation) => (
              <li key={invitation.path}>
                <span>
                  {ROLE_LABELS[invitation.role]}
                  {invitation.fte < 1 ? ` (${invitation.fte} FTE)` : ''}
                </span>{' '}
                <input
                  readOnly
                  aria-label={`Invitation link for the ${ROLE_LABELS[invitation.role]}`}
                  value={`${window.location.origin}${invitation.path}`}
                  onFocus={(e) => e.target.select()}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      <Link className="button button-primary" to={`/w/${workspace.slug}/assessment/1`}>
        Open the workspace
      </Link>
    </section>
  );
}
