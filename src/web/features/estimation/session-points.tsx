import { type FormEvent, useState } from 'react';
import type { EstimationSession, EstimationSessionItem } from '../../../contract';
import { describeError, isApiError } from '../../api/client';
import type { Gate } from '../workspaces/workspace-context';
import { useWorkspace } from '../workspaces/workspace-context';
import { useAcceptEstimate, useCastVote } from './session-api';
import { useVoteGate } from './session-vote-gate';

// The story-point deck the API accepts (STORY_POINT_DECK in the contract), kept here so no zod reaches the browser.
export const DECK = [0, 0.5, 1, 2, 3, 5, 8, 13, 20, 40, 100] as const;

/**
 * Says a number of story points in words.
 * @param points the points
 * @returns e.g. "1 point", "5 points"
 */
export const formatPoints = (points: number) => `${points} ${points === 1 ? 'point' : 'points'}`;

/** A points vote: one button per card of the deck; pressing a card casts (or changes) the vote. */
export function PointsVoteForm(props: {
  session: EstimationSession;
  item: EstimationSessionItem;
  mine: EstimationSessionItem['votes'][number] | undefined;
}) {
  const { session, item, mine } = props;
  const { workspace } = useWorkspace();
  const gate = useVoteGate();
  const cast = useCastVote(workspace.id, session.id);
  const reason = gate.reason;
  return (
    <fieldset className="session-vote" aria-label={`Your card for #${item.number}`}>
      <div className="deck">
        {DECK.map((card) => (
          <button
            key={card}
            type="button"
            className={`button deck-card${mine?.days === card ? ' is-active' : ''}`}
            aria-pressed={mine?.days === card}
            aria-label={`${formatPoints(card)} for #${item.number}`}
            disabled={!gate.allowed || cast.isPending}
            title={reason ?? undefined}
            onClick={() => cast.mutate({ itemId: item.itemId, points: card })}
          >
            {card}
          </button>
        ))}
      </div>
      {mine && (
        <span className="muted small" data-testid="my-vote">
          Your vote: {formatPoints(mine.days)}
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
    </fieldset>
  );
}

/** The card on the deck nearest the median vote (the higher one on a tie), to start from. */
export function suggestCard(item: EstimationSessionItem): number | null {
  if (!item.spread) return null;
  const median = item.spread.median;
  let best: number = DECK[0];
  for (const card of DECK) if (Math.abs(card - median) <= Math.abs(best - median)) best = card;
  return best;
}

/** Accepts one card for an item of a revealed points session (the estimates decision). */
export function PointsAcceptForm(props: {
  session: EstimationSession;
  item: EstimationSessionItem;
  decide: Gate;
}) {
  const { session, item, decide } = props;
  const { workspace } = useWorkspace();
  const accept = useAcceptEstimate(workspace.id, session.id);
  const [card, setCard] = useState(String(suggestCard(item) ?? ''));
  const reason = decide.reason;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (card === '') return;
    accept.mutate({ itemId: item.itemId, version: item.version, points: Number(card) });
  };
  return (
    <form className="session-accept" onSubmit={submit} aria-label={`Accept story points for #${item.number}`}>
      <label className="field session-accept-field">
        <span>Points</span>
        <select
          aria-label={`Story points for #${item.number}`}
          value={card}
          onChange={(e) => setCard(e.target.value)}
          disabled={!decide.allowed}
        >
          <option value="">Pick a card</option>
          {DECK.map((c) => (
            <option key={c} value={String(c)}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="button button-primary"
        disabled={!decide.allowed || card === '' || accept.isPending}
        title={reason ?? (card === '' ? 'Pick a card' : undefined)}
      >
        Accept points
      </button>
      {reason && (
        <p className="notice small session-accept-note" role="note" data-testid="accept-refusal">
          {reason}.
        </p>
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
