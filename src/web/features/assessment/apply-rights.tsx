import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../domain/decision-rights';
import { describeError, isApiError } from '../../api/client';
import { useDecisionRights } from '../../api/team-hooks';
import { Dialog } from '../../components/dialog';
import { ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { useWorkspace } from '../workspaces/workspace-context';
import { type Assessment, useApplyDecisionRights, useRecentDecisions } from './assessment-api';

/** The "apply the recommended decision rights" call to action of a report. */
export function ApplyRights({ assessment }: { assessment: Assessment }) {
  const { workspace } = useWorkspace();
  const [open, setOpen] = useState(false);
  const isFounder = workspace.role === 'founder';
  const reason = isFounder
    ? null
    : `Only the founder changes who decides what; you are the ${ROLE_LABELS[workspace.role]}`;
  const count = assessment.impliedDecisionRights.length;
  return (
    <section className="card-section apply-rights" aria-labelledby="apply-heading">
      <h2 id="apply-heading">Decision rights this plan implies</h2>
      {count === 0 ? (
        <p className="muted">The growth plan implies no change to who decides what.</p>
      ) : (
        <>
          <p className="muted">
            The plan sets {count} cell{count === 1 ? '' : 's'} of the decision-rights matrix. Preview the
            change against your current matrix, then apply it as one reviewed change, recorded in the decision
            log.
          </p>
          <div className="inline-form">
            <button
              type="button"
              className="button button-primary"
              disabled={!isFounder}
              aria-describedby={reason ? 'apply-reason' : undefined}
              onClick={() => setOpen(true)}
            >
              Apply the recommended decision rights
            </button>
            {reason && (
              <span id="apply-reason" className="muted small">
                {reason}.
              </span>
            )}
          </div>
        </>
      )}
      {open && <ApplyDialog assessment={assessment} onClose={() => setOpen(false)} />}
    </section>
  );
}

function ApplyDialog({ assessment, onClose }: { assessment: Assessment; onClose: () => void }) {
  const { workspace } = useWorkspace();
  const rights = useDecisionRights(workspace.id);
  const preview = useApplyDecisionRights(workspace.id, assessment.number);
  const apply = useApplyDecisionRights(workspace.id, assessment.number);
  const { notify } = useToast();
  const [rationale, setRationale] = useState(`Growth plan of assessment #${assessment.number}`);
  // The newest version known: the matrix on screen, or what a refusal said is current.
  const [reported, setReported] = useState(0);
  const newest = Math.max(rights.data?.version ?? 0, reported);
  const version = rights.data === undefined ? undefined : newest;
  const previewMutate = preview.mutate;
  const stale = isApiError(apply.error, 'version_conflict') || isApiError(preview.error, 'version_conflict');

  // Preview against the newest version: again when a new one arrives (a refetch, a live update)
  // and after each "Preview again". Once refused as stale, the refusal stays on screen until the
  // person asks to preview again, rather than flickering away when the new version arrives.
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt previews again on purpose; a refusal waits for one
  useEffect(() => {
    if (version !== undefined && !stale) previewMutate({ version, preview: true });
  }, [version, previewMutate, attempt]);

  const decisionLabel = (id: string) => rights.data?.decisions.find((d) => d.id === id)?.label ?? id;
  const actions = new Map(
    assessment.report.plan.horizons.flatMap((h) => h.actions).map((a) => [a.id, a.title] as const),
  );

  const reload = () => {
    const refusal = apply.error ?? preview.error;
    const current = isApiError(refusal)
      ? (refusal.details as { currentVersion?: unknown })?.currentVersion
      : undefined;
    if (typeof current === 'number') setReported((n) => Math.max(n, current));
    apply.reset();
    preview.reset();
    setAttempt((n) => n + 1);
    void rights.refetch();
  };

  // Apply against the version of the preview on screen, never a newer one the person has not seen:
  // if the matrix changed since, the server refuses (409) and the dialog offers to preview again.
  const confirm = () => {
    const shown = preview.data?.version;
    if (shown === undefined) return;
    apply.mutate(
      { version: shown, rationale: rationale.trim() || undefined, preview: false },
      {
        onSuccess: (result) =>
          notify(
            result.applied
              ? `Decision rights updated (${result.changes.length} change${result.changes.length === 1 ? '' : 's'})`
              : 'The matrix already matched the plan',
          ),
      },
    );
  };

  if (apply.data?.applied) {
    return (
      <Dialog title="Decision rights applied" onClose={onClose} wide>
        <Applied
          assessmentNumber={assessment.number}
          changes={apply.data.changes.length}
          version={apply.data.version}
        />
        <div className="dialog-actions">
          <Link className="button" to={`/w/${workspace.slug}/team`}>
            See the matrix on the Team page
          </Link>
          <button type="button" className="button button-primary" onClick={onClose}>
            Done
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title="Apply the recommended decision rights" onClose={onClose} wide>
      {rights.isPending || (preview.isPending && !preview.data) ? (
        <Loading label="Comparing the plan with your matrix" />
      ) : rights.isError ? (
        <ErrorState error={rights.error} onRetry={() => void rights.refetch()} />
      ) : stale ? (
        <div className="form-error" role="alert">
          <p>{describeError(apply.error ?? preview.error)}</p>
          <button type="button" className="button" onClick={reload}>
            Preview again
          </button>
        </div>
      ) : preview.isError ? (
        <ErrorState error={preview.error} onRetry={reload} />
      ) : preview.data ? (
        <div className="form">
          {preview.data.changes.length === 0 ? (
            <p>
              Your matrix already gives these decisions to the roles the plan recommends: nothing to apply.
            </p>
          ) : (
            <>
              <p className="muted small">
                Against decision-rights version {preview.data.version}. R may decide, A owns the decision, C
                is consulted, I is informed.
              </p>
              <div className="table-wrap">
                <table className="table diff-table" aria-label="Changes to the decision-rights matrix">
                  <thead>
                    <tr>
                      <th scope="col">Decision</th>
                      <th scope="col">Role</th>
                      <th scope="col">Before → after</th>
                      <th scope="col">Why</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.data.changes.map((c) => (
                      <tr key={`${c.decision}-${c.role}`} data-testid="rights-change">
                        <th scope="row">{decisionLabel(c.decision)}</th>
                        <td>{ROLE_LABELS[c.role]}</td>
                        <td className="diff-cell">
                          <span className={`letter letter-${c.before}`}>{c.before}</span> →{' '}
                          <strong className={`letter letter-${c.after}`}>{c.after}</strong>
                        </td>
                        <td className="small">
                          {c.actionId
                            ? (actions.get(c.actionId) ?? c.actionId)
                            : 'Hands its A to the role the plan names (one owner per decision)'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {preview.data.skipped.length > 0 && (
                <p className="notice small" role="note">
                  Left out, because they would strip an owner without naming a new one:{' '}
                  {preview.data.skipped
                    .map((s) => `${decisionLabel(s.decision)}: ${ROLE_LABELS[s.role]} → ${s.letter}`)
                    .join('; ')}
                  .
                </p>
              )}
              <label className="field">
                <span>Why (recorded in the decision log)</span>
                <textarea
                  rows={2}
                  maxLength={2000}
                  value={rationale}
                  onChange={(e) => setRationale(e.target.value)}
                />
              </label>
              {apply.isError && (
                <p className="form-error" role="alert">
                  {describeError(apply.error)}
                </p>
              )}
            </>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            {preview.data.changes.length > 0 && (
              <button
                type="button"
                className="button button-primary"
                disabled={apply.isPending}
                onClick={confirm}
              >
                {apply.isPending
                  ? 'Applying…'
                  : `Apply ${preview.data.changes.length} change${preview.data.changes.length === 1 ? '' : 's'}`}
              </button>
            )}
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}

/** What an apply did, with the decision-log entry it recorded. */
function Applied({
  assessmentNumber,
  changes,
  version,
}: {
  assessmentNumber: number;
  changes: number;
  version: number;
}) {
  const { workspace } = useWorkspace();
  const log = useRecentDecisions(workspace.id, true);
  const entry = log.data?.find((e) => e.summary.includes(`assessment #${assessmentNumber}`));
  return (
    <div className="form">
      <p>
        {changes} cell{changes === 1 ? '' : 's'} of the matrix changed; the decision rights are now version{' '}
        {version}. The server enforces them on every write from now on.
      </p>
      <section aria-labelledby="log-heading" className="log-entry">
        <h3 id="log-heading">Decision log</h3>
        {log.isPending ? (
          <Loading label="Loading the decision log" />
        ) : entry ? (
          <p data-testid="log-entry">
            <strong>{entry.summary}</strong>
            <br />
            <span className="muted small">
              {entry.actorName}, {new Date(entry.createdAt).toLocaleString()}
              {entry.rationale ? `: “${entry.rationale}”` : ''}
            </span>
          </p>
        ) : (
          <p className="muted">The entry is not in the latest decisions yet.</p>
        )}
      </section>
    </div>
  );
}
