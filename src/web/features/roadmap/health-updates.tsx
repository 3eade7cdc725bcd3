import { useState } from 'react';
import {
  describeHealthStatus,
  findHealthMismatch,
  HEALTH_STATUSES,
  type HealthStatus,
  MILESTONE_RISK_RULE,
} from '../../../domain/forecasting/milestone-risk';
import { describeError } from '../../api/client';
import { formatShare } from '../forecasts/forecast-format';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import {
  type HealthUpdate,
  useHealthHistory,
  useLatestHealthUpdates,
  usePostHealthUpdate,
} from './health-api';
import { useMilestoneForecasts } from './roadmap-api';
import './milestone-strip.css';

const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * A person's call on a milestone with the forecast's chance beside it ("Dana: on track · forecast
 * 42% by target"), and a hint when the call is on track while the forecast says it is more likely
 * to miss than to make the target.
 */
export function HealthCallLine(props: {
  update: Pick<HealthUpdate, 'status' | 'note' | 'authorName'>;
  probabilityOnTime: number | null;
}) {
  const { update, probabilityOnTime } = props;
  const mismatch = findHealthMismatch(update.status, probabilityOnTime);
  return (
    <span className="small health-call" data-testid="health-call">
      <span className={`health-status health-${update.status}`}>
        {update.authorName ?? 'A former member'}: {describeHealthStatus(update.status)}
      </span>
      {probabilityOnTime !== null && (
        <span className="muted" title={MILESTONE_RISK_RULE}>
          {' '}
          · forecast {formatShare(probabilityOnTime)} by target
        </span>
      )}
      <span className="muted health-note"> — “{update.note}”</span>
      {mismatch && (
        <span className="health-mismatch" role="note" data-testid="health-mismatch">
          {' '}
          ⚠ {mismatch}
        </span>
      )}
    </span>
  );
}

/** The current call on each milestone, for the roadmap's cards: item id → latest update. */
export function useLatestCalls(ws: string): Map<string, HealthUpdate> {
  const latest = useLatestHealthUpdates(ws);
  return new Map((latest.data ?? []).map((u) => [u.itemId, u] as const));
}

/**
 * A milestone's health in its detail: the current call beside the forecast, the form to make a
 * new call (the roadmap decision: disabled with who decides for others) and every earlier call.
 */
export function HealthSection({ itemId }: { itemId: string }) {
  const { workspace } = useWorkspace();
  const history = useHealthHistory(workspace.id, itemId);
  const forecasts = useMilestoneForecasts(workspace.id);
  const probability = forecasts.data?.milestones.find((m) => m.id === itemId)?.probabilityOnTime ?? null;
  const updates = history.data ?? [];
  return (
    <section className="panel-section" aria-labelledby="health-heading" data-testid="item-health">
      <h3 id="health-heading">Health</h3>
      {updates[0] ? (
        <HealthCallLine update={updates[0]} probabilityOnTime={probability} />
      ) : (
        <p className="muted small">Nobody has called this milestone yet.</p>
      )}
      <HealthForm
        itemId={itemId}
        baseVersion={updates[0]?.version ?? 0}
        onStale={() => void history.refetch()}
      />
      {updates.length > 1 && (
        <ol className="timeline" data-testid="health-history">
          {updates.slice(1).map((u) => (
            <li key={u.id}>
              <strong>{describeHealthStatus(u.status)}</strong> — “{u.note}”{' '}
              <span className="muted">
                {u.authorName ?? 'a former member'}, {WHEN.format(new Date(u.createdAt))}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function HealthForm(props: { itemId: string; baseVersion: number; onStale: () => void }) {
  const { workspace } = useWorkspace();
  const gate = useGate('roadmap');
  const post = usePostHealthUpdate(workspace.id, props.itemId);
  const [status, setStatus] = useState<HealthStatus>('on_track');
  const [note, setNote] = useState('');
  return (
    <form
      className="health-form"
      onSubmit={(e) => {
        e.preventDefault();
        post.mutate(
          { status, note: note.trim(), baseVersion: props.baseVersion },
          { onSuccess: () => setNote(''), onError: props.onStale },
        );
      }}
    >
      <label className="field">
        <span>Call</span>
        <select
          value={status}
          onChange={(e) => setStatus(HEALTH_STATUSES.find((s) => s === e.target.value) ?? 'on_track')}
          disabled={!gate.allowed}
        >
          {HEALTH_STATUSES.map((s) => (
            <option key={s} value={s}>
              {describeHealthStatus(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="field grow">
        <span>Why</span>
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={2000}
          placeholder="What you know that the forecast does not"
          disabled={!gate.allowed}
        />
      </label>
      <button
        type="submit"
        className="button"
        disabled={!gate.allowed || post.isPending || note.trim() === ''}
        aria-describedby={gate.reason ? `health-reason-${props.itemId}` : undefined}
      >
        {post.isPending ? 'Posting…' : 'Post the call'}
      </button>
      {gate.reason && (
        <p className="muted small" id={`health-reason-${props.itemId}`} role="note">
          {gate.reason}
        </p>
      )}
      {post.isError && <p className="form-error">{describeError(post.error)}</p>}
    </form>
  );
}
