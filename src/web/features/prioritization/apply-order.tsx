import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { AppliedRanking, Ranking } from '../../../contract';
import { describeError, isApiError } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { useToast } from '../../components/toast';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import { useApplyRanking } from './prioritization-api';

/**
 * "Apply this order to the backlog": the backlog_order decision. Shown to everyone; disabled,
 * with the sentence naming who decides, for those who may not.
 */
export function ApplyOrder({ ranking }: { ranking: Ranking }) {
  const { workspace } = useWorkspace();
  const gate = useGate('backlog_order');
  const [open, setOpen] = useState(false);
  const [applied, setApplied] = useState<AppliedRanking | null>(null);
  const empty = ranking.ranked.length === 0;
  const reason = !gate.allowed
    ? gate.reason
    : empty
      ? `No item has every ${ranking.framework.name} input yet`
      : null;

  return (
    <div className="apply-order">
      <button
        type="button"
        className="button button-primary"
        disabled={reason !== null}
        aria-describedby={reason ? 'apply-reason' : undefined}
        title={reason ?? undefined}
        onClick={() => setOpen(true)}
      >
        Apply this order to the backlog
      </button>
      {reason && (
        <p id="apply-reason" className="notice small" role="note" data-testid="apply-refusal">
          {reason}.
        </p>
      )}
      {applied && (
        <p className="applied small" role="status" data-testid="apply-result">
          The backlog now starts with the {applied.applied.length} items in {applied.framework.name} order.{' '}
          <Link to={`/w/${workspace.slug}/backlog`}>See the backlog</Link>
        </p>
      )}
      {open && (
        <ApplyDialog
          ranking={ranking}
          onClose={() => setOpen(false)}
          onApplied={(result) => {
            setApplied(result);
            setOpen(false);
          }}
        />
      )}
    </div>
  );
}

function ApplyDialog(props: {
  ranking: Ranking;
  onClose: () => void;
  onApplied: (r: AppliedRanking) => void;
}) {
  const { ranking } = props;
  const { workspace } = useWorkspace();
  const apply = useApplyRanking(workspace.id);
  const { notify } = useToast();
  const [rationale, setRationale] = useState('');
  const head = ranking.ranked.slice(0, 3).map((r) => `#${r.number} ${r.title}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply.mutate(
      {
        framework: ranking.framework.ref,
        rationale: rationale.trim() || undefined,
        expectedOrderVersion: ranking.orderVersion,
      },
      {
        onSuccess: (result) => {
          notify(`Backlog ordered by ${result.framework.name}; the decision is in the log`);
          props.onApplied(result);
        },
      },
    );
  };

  return (
    <Dialog title={`Order the backlog by ${ranking.framework.name}`} onClose={props.onClose}>
      <form className="form" onSubmit={submit}>
        <p>
          The {ranking.ranked.length} scored items go to the top of the backlog in this order
          {head.length > 0 ? `, starting with ${head.join(', ')}` : ''}.
          {ranking.unscored.length > 0 &&
            ` ${ranking.unscored.length} items missing inputs stay where they are, after them.`}
        </p>
        <p className="muted small">
          This is recorded in the decision log with the framework and every input used.
        </p>
        <label className="field">
          <span>Why this order? (recorded with the decision)</span>
          <textarea
            rows={3}
            maxLength={2000}
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
            placeholder="e.g. Quarterly re-prioritisation after the customer interviews"
          />
        </label>
        {apply.isError && (
          <p className="form-error" role="alert">
            {isApiError(apply.error, 'version_conflict')
              ? 'The backlog or its scores changed since this ranking was loaded. The ranking has been refreshed: review it and apply again.'
              : describeError(apply.error)}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={apply.isPending}>
            {apply.isPending ? 'Applying…' : 'Apply order'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
