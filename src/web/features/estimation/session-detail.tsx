import { type FormEvent, useState } from 'react';
import type { EstimationSession, EstimationSessionItem } from '../../../contract';
import { describeError, isApiError } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { type Gate, useGate, useWorkspace } from '../workspaces/workspace-context';
import { useAcceptEstimate, useCastVote, useEstimationSession, useRevealSession } from './session-api';
import { formatDays, suggestEstimate } from './session-format';
import { formatPoints, PointsAcceptForm, PointsVoteForm } from './session-points';
import { useVoteGate } from './session-vote-gate';

// The sizes the API accepts (SESSION_TSHIRT_SIZES in the contract), kept here so no zod reaches the browser.
const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
type Size = (typeof SIZES)[number];

/** A vote or a spread figure in the session's unit. */
function formatVote(session: EstimationSession, value: number, size?: string | null): string {
  if (session.unit === 'points') return formatPoints(value);
  return size ? `${size} (≈${formatDays(value)})` : formatDays(value);
}

const isAccepted = (item: EstimationSessionItem) => item.accepted !== null || item.acceptedPoints !== null;

/** One session: who has voted, your votes, the reveal, the spread and the accepted estimates. */
export function SessionDetail({ sessionId }: { sessionId: string }) {
  const { workspace } = useWorkspace();
  const session = useEstimationSession(workspace.id, sessionId);
  const decide = useGate('estimates');
  const reveal = useRevealSession(workspace.id, sessionId);
  if (session.isPending) return <Loading label="Loading the session" />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;
  const accepted = s.items.filter(isAccepted).length;
  const voters = new Set(s.items.flatMap((i) => i.voters.map((v) => v.name)));
  const revealReason = !decide.allowed ? decide.reason : null;

  return (
    <section className="session-detail" aria-labelledby="session-title" data-testid="session-detail">
      <header className="session-head">
        <div>
          <h2 id="session-title">
            {s.title}{' '}
            <span className="badge badge-muted" data-testid="session-unit">
              {s.unit === 'points' ? 'story points' : 'days'}
            </span>
          </h2>
          <p className="muted small" data-testid="session-state">
            {s.state === 'open'
              ? `Voting: values stay hidden until the reveal. ${voters.size} ${voters.size === 1 ? 'person has' : 'people have'} voted so far.`
              : s.state === 'revealed'
                ? `Revealed. ${accepted} of ${s.items.length} estimates accepted.`
                : `Closed: every item has its estimate.`}
          </p>
        </div>
        {s.state === 'open' && (
          <div className="session-reveal">
            <button
              type="button"
              className="button button-primary"
              disabled={revealReason !== null || reveal.isPending}
              title={revealReason ?? undefined}
              aria-describedby={revealReason ? 'reveal-reason' : undefined}
              onClick={() => reveal.mutate()}
            >
              Reveal votes
            </button>
            {revealReason && (
              <p id="reveal-reason" className="notice small" role="note">
                {revealReason}.
              </p>
            )}
            {reveal.isError && (
              <p className="form-error" role="alert">
                {describeError(reveal.error)}
              </p>
            )}
          </div>
        )}
      </header>
      <ol className="session-items">
        {s.items.map((item) => (
          <SessionItemCard key={item.itemId} session={s} item={item} decide={decide} />
        ))}
      </ol>
    </section>
  );
}

function SessionItemCard(props: { session: EstimationSession; item: EstimationSessionItem; decide: Gate }) {
  const { session, item, decide } = props;
  const { user } = useWorkspace();
  const mine = item.votes.find((v) => v.voterId === user.id);
  const outliers = new Set(item.spread?.outliers.map((o) => o.voterId) ?? []);
  return (
    <li className="card-section session-item" aria-label={`#${item.number} ${item.title}`}>
      <div className="session-item-head">
        <h3>
          <span className="muted">#{item.number}</span> {item.title}
        </h3>
        <span className="muted small">
          {session.unit === 'points'
            ? item.storyPoints !== null
              ? `Currently ${formatPoints(item.storyPoints)}`
              : 'No story points yet'
            : item.estimate
              ? `Current estimate ${item.estimate.optimistic}/${item.estimate.likely}/${item.estimate.pessimistic} days`
              : 'Not estimated yet'}
        </span>
      </div>
      <p className="small" data-testid="voters">
        {item.voters.length === 0 ? (
          <span className="muted">No votes yet.</span>
        ) : (
          <>
            Voted:{' '}
            {item.voters.map((v) => (
              <span key={v.voterId} className="badge">
                {v.name}
              </span>
            ))}
          </>
        )}
      </p>
      {session.state !== 'open' && item.spread && (
        <div className="session-spread" data-testid="spread">
          <ul className="session-votes" aria-label="Votes">
            {item.votes.map((v) => (
              <li key={v.voterId} className={outliers.has(v.voterId) ? 'is-outlier' : undefined}>
                <span>{v.name}</span>
                <strong>{formatVote(session, v.days, v.size)}</strong>
                {outliers.has(v.voterId) && <span className="badge badge-warn">outlier</span>}
              </li>
            ))}
          </ul>
          <p className="small">
            Median <strong>{formatVote(session, item.spread.median)}</strong>, from{' '}
            {formatVote(session, item.spread.min)} to {formatVote(session, item.spread.max)}
            {session.unit === 'points'
              ? item.spread.spreadSteps !== null &&
                ` (${item.spread.spreadSteps} ${item.spread.spreadSteps === 1 ? 'card' : 'cards'} apart)`
              : item.spread.spreadRatio !== null && ` (×${Math.round(item.spread.spreadRatio * 10) / 10})`}
            .
          </p>
          {item.spread.needsDiscussion ? (
            <div className="notice small" role="note" data-testid="needs-discussion">
              <strong>Talk before accepting:</strong>
              <ul>
                {item.spread.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="muted small">The votes agree closely.</p>
          )}
        </div>
      )}
      {session.state !== 'open' && !item.spread && <p className="muted small">Nobody voted on this item.</p>}
      {session.state !== 'closed' &&
        !isAccepted(item) &&
        (session.unit === 'points' ? (
          <PointsVoteForm session={session} item={item} mine={mine} />
        ) : (
          <VoteForm session={session} item={item} mine={mine} />
        ))}
      {item.acceptedPoints !== null ? (
        <p className="applied small" role="status" data-testid="accepted">
          Accepted: {formatPoints(item.acceptedPoints)}.
        </p>
      ) : item.accepted ? (
        <p className="applied small" role="status" data-testid="accepted">
          Accepted: {item.accepted.optimistic}/{Math.round(item.accepted.likely * 10) / 10}/
          {item.accepted.pessimistic} days (optimistic/likely/pessimistic).
        </p>
      ) : (
        session.state === 'revealed' &&
        (session.unit === 'points' ? (
          <PointsAcceptForm session={session} item={item} decide={decide} />
        ) : (
          <AcceptForm session={session} item={item} decide={decide} />
        ))
      )}
    </li>
  );
}

function VoteForm(props: {
  session: EstimationSession;
  item: EstimationSessionItem;
  mine: EstimationSessionItem['votes'][number] | undefined;
}) {
  const { session, item, mine } = props;
  const { workspace } = useWorkspace();
  const gate = useVoteGate();
  const cast = useCastVote(workspace.id, session.id);
  const [mode, setMode] = useState<'days' | 'size'>(mine?.size ? 'size' : 'days');
  const [days, setDays] = useState(mine && !mine.size ? String(mine.days) : '');
  const [size, setSize] = useState<string>(mine?.size ?? 'M');
  const reason = gate.reason;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(days);
    if (mode === 'days' && (!days || !Number.isFinite(value) || value < 0)) return;
    cast.mutate(
      mode === 'days' ? { itemId: item.itemId, days: value } : { itemId: item.itemId, size: size as Size },
    );
  };
  return (
    <form className="session-vote" onSubmit={submit} aria-label={`Your vote on #${item.number}`}>
      <fieldset className="segmented" aria-label="Vote in" disabled={!gate.allowed}>
        <label className={mode === 'days' ? 'is-active' : undefined}>
          <input type="radio" checked={mode === 'days'} onChange={() => setMode('days')} />
          Days
        </label>
        <label className={mode === 'size' ? 'is-active' : undefined}>
          <input type="radio" checked={mode === 'size'} onChange={() => setMode('size')} />
          Size
        </label>
      </fieldset>
      {mode === 'days' ? (
        <input
          type="number"
          min={0}
          max={10000}
          step={0.5}
          inputMode="decimal"
          aria-label={`Days for #${item.number}`}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          disabled={!gate.allowed}
          required
        />
      ) : (
        <select
          aria-label={`Size for #${item.number}`}
          value={size}
          onChange={(e) => setSize(e.target.value)}
          disabled={!gate.allowed}
        >
          {SIZES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      )}
      <button
        type="submit"
        className="button"
        disabled={!gate.allowed || cast.isPending}
        title={reason ?? undefined}
      >
        {mine ? 'Change vote' : 'Vote'}
      </button>
      {mine && (
        <span className="muted small" data-testid="my-vote">
          Your vote: {mine.size ? `${mine.size} (≈${formatDays(mine.days)})` : formatDays(mine.days)}
        </span>
      )}
      {reason && (
        <span className="muted small" role="note">
          {reason}.
        </span>
      )}
      {cast.isError && (
        <span className="form-error" role="alert">
          {describeError(cast.error)}
        </span>
      )}
    </form>
  );
}

function AcceptForm(props: { session: EstimationSession; item: EstimationSessionItem; decide: Gate }) {
  const { session, item, decide } = props;
  const { workspace } = useWorkspace();
  const accept = useAcceptEstimate(workspace.id, session.id);
  const suggested = suggestEstimate(item);
  const [o, setO] = useState(String(suggested?.optimistic ?? ''));
  const [l, setL] = useState(String(suggested?.likely ?? ''));
  const [p, setP] = useState(String(suggested?.pessimistic ?? ''));
  const reason = decide.reason;
  const values = [Number(o), Number(l), Number(p)];
  const valid =
    o !== '' &&
    l !== '' &&
    p !== '' &&
    values.every((v) => Number.isFinite(v) && v >= 0) &&
    (values[0] ?? 0) <= (values[1] ?? 0) &&
    (values[1] ?? 0) <= (values[2] ?? 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    accept.mutate({
      itemId: item.itemId,
      version: item.version,
      estimate: { optimistic: values[0] ?? 0, likely: values[1] ?? 0, pessimistic: values[2] ?? 0 },
    });
  };
  const field = (label: string, value: string, set: (v: string) => void) => (
    <label className="field session-accept-field">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        step={0.5}
        inputMode="decimal"
        aria-label={`${label} days for #${item.number}`}
        value={value}
        onChange={(e) => set(e.target.value)}
        disabled={!decide.allowed}
      />
    </label>
  );
  return (
    <form className="session-accept" onSubmit={submit} aria-label={`Accept an estimate for #${item.number}`}>
      {field('Optimistic', o, setO)}
      {field('Likely', l, setL)}
      {field('Pessimistic', p, setP)}
      <button
        type="submit"
        className="button button-primary"
        disabled={!decide.allowed || !valid || accept.isPending}
        title={reason ?? (!valid ? 'Needs optimistic ≤ likely ≤ pessimistic' : undefined)}
      >
        Accept estimate
      </button>
      {reason && (
        <p className="notice small session-accept-note" role="note" data-testid="accept-refusal">
          {reason}.
        </p>
      )}
      {!valid && decide.allowed && (
        <p className="muted small session-accept-note">Needs optimistic ≤ likely ≤ pessimistic.</p>
      )}
      {accept.isError && (
        <p className="form-error session-accept-note" role="alert">
          {isApiError(accept.error, 'version_conflict')
            ? 'Someone changed this item meanwhile: the form now has its current version, accept again.'
            : describeError(accept.error)}
        </p>
      )}
    </form>
  );
}
