import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { DecideIdea, Idea, IdeaDecision, IdeaOutcome } from '../../../contract';
import { describeError, requestApi } from '../../api/client';
import { keys } from '../../api/query-keys';
import { DecisionStatus, OUTCOME_LABELS } from './decision-status';

function useDecideIdea(ws: string, itemId: string) {
  return useMutation({
    mutationFn: (input: DecideIdea) =>
      requestApi<IdeaDecision>(`/workspaces/${ws}/ideas/${itemId}/decision`, { method: 'POST', body: input }),
    // A decision takes a parked idea due for review off the inbox and the brief, and gives the
    // item a new version, which every cached copy of it must carry before its next edit.
    meta: {
      invalidates: [keys.ideas(ws), keys.allDecisions(ws), keys.inbox(ws), keys.items(ws), keys.anyItem(ws)],
    },
  });
}

/** The decision on an idea and its why, and for an accepted one the chance of its promised date. */
export function IdeaStatus({ idea }: { idea: Idea }) {
  const { decision } = idea;
  return (
    <DecisionStatus
      decision={decision}
      promise={idea.promise}
      detail={(day) =>
        `${decision?.decidedBy ?? 'someone'}, ${day}, on ${decision?.snapshot.accounts} accounts`
      }
      unplanned={(day) =>
        `Promised for ${day}: not in the plan yet (estimate its work, and give someone on the team the skills it needs)`
      }
    />
  );
}

/**
 * Accept, decline or park an idea, with the reason the people who asked will read. Used on the
 * Ideas page and, for a parked idea due for review, in the inbox and the brief.
 */
export function DecideIdeaForm({
  ws,
  idea,
  onDecided,
}: {
  ws: string;
  idea: Pick<Idea, 'itemId' | 'title' | 'version'>;
  onDecided?: () => void;
}) {
  const [outcome, setOutcome] = useState<IdeaOutcome | null>(null);
  const [reason, setReason] = useState('');
  const [reviewOn, setReviewOn] = useState('');
  const decide = useDecideIdea(ws, idea.itemId);
  const open = (next: IdeaOutcome) => {
    decide.reset();
    setOutcome(next);
  };
  if (outcome === null) {
    return (
      <div className="button-row idea-actions">
        <button type="button" className="button" onClick={() => open('accepted')}>
          Accept
        </button>
        <button type="button" className="button" onClick={() => open('declined')}>
          Decline
        </button>
        <button type="button" className="button" onClick={() => open('parked')}>
          Park until…
        </button>
      </div>
    );
  }
  return (
    <form
      className="idea-decide"
      aria-label={`${OUTCOME_LABELS[outcome]} ${idea.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        decide.mutate(
          {
            outcome,
            reason,
            version: idea.version,
            ...(outcome === 'parked' ? { reviewOn } : {}),
          },
          {
            onSuccess: () => {
              setOutcome(null);
              onDecided?.();
            },
          },
        );
      }}
    >
      <label className="field">
        Why ({OUTCOME_LABELS[outcome].toLowerCase()}): the people who asked read this
        <textarea value={reason} required maxLength={2000} onChange={(e) => setReason(e.target.value)} />
      </label>
      {outcome === 'parked' && (
        <label className="field">
          Review on
          <input type="date" value={reviewOn} required onChange={(e) => setReviewOn(e.target.value)} />
        </label>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={decide.isPending}>
          {OUTCOME_LABELS[outcome]}
        </button>
        <button type="button" className="button" onClick={() => setOutcome(null)}>
          Cancel
        </button>
      </div>
      {decide.isError && (
        <p className="alert alert-error" role="alert">
          {describeError(decide.error)}
        </p>
      )}
    </form>
  );
}
