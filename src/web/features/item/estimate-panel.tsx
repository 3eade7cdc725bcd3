import { type FormEvent, useEffect, useState } from 'react';
import { computePertMean } from '../../../domain/estimation';
import type { Item } from '../../api/types';
import { useGate } from '../workspaces/workspace-context';
import { useSaveItem } from './conflict-provider';

/** PERT mean and standard deviation of a three-point estimate, in days. */
export function summarizeEstimate(e: { optimistic: number; likely: number; pessimistic: number }) {
  return {
    mean: computePertMean(e),
    spread: (e.pessimistic - e.optimistic) / 6,
  };
}

// The story-point deck the API accepts (STORY_POINT_DECK in the contract), kept here so no zod reaches the browser.
const DECK = [0, 0.5, 1, 2, 3, 5, 8, 13, 20, 40, 100] as const;

/** The three-point estimate and the story points of an item (the tech side's decision). */
export function EstimatePanel({ item }: { item: Item }) {
  return (
    <section className="panel-section" aria-labelledby="estimate-heading">
      <h3 id="estimate-heading">Estimate</h3>
      <EstimateForm item={item} />
      <StoryPointsForm item={item} />
    </section>
  );
}

/** The three-point estimate form of an item, in days, with its expected value as it is typed. */
export function EstimateForm({ item, onSaved }: { item: Item; onSaved?: () => void }) {
  const gate = useGate('estimates');
  const save = useSaveItem();
  const [draft, setDraft] = useState(() => toDraft(item));
  const [problem, setProblem] = useState<string | null>(null);
  // The draft follows the saved estimate: a refetch that brings a new version for another field
  // (a decision, a move) keeps what is being typed.
  const saved = JSON.stringify(item.estimate ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the draft resets when the estimate saved changes, not on every copy of the item
  useEffect(() => setDraft(toDraft(item)), [item.id, saved]);

  const values = {
    optimistic: Number(draft.optimistic),
    likely: Number(draft.likely),
    pessimistic: Number(draft.pessimistic),
  };
  const complete = draft.optimistic !== '' && draft.likely !== '' && draft.pessimistic !== '';
  const summary = complete ? summarizeEstimate(values) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!(values.optimistic <= values.likely && values.likely <= values.pessimistic)) {
      setProblem('An estimate needs optimistic ≤ likely ≤ pessimistic');
      return;
    }
    setProblem(null);
    void save(item, { estimate: values }).then((saved) => saved && onSaved?.());
  };

  return (
    <form className="estimate-form" onSubmit={submit}>
      <fieldset disabled={!gate.allowed} className="estimate-fields">
        <legend className="sr-only">Three-point estimate in days</legend>
        {(['optimistic', 'likely', 'pessimistic'] as const).map((k) => (
          <label key={k} className="field">
            <span>{k[0]?.toUpperCase() + k.slice(1)} (days)</span>
            <input
              type="number"
              min={0}
              step="any"
              required
              name={k}
              value={draft[k]}
              onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
            />
          </label>
        ))}
      </fieldset>
      {summary && (
        <p className="muted estimate-summary" data-testid="estimate-summary">
          Expected {summary.mean.toFixed(1)} days ± {summary.spread.toFixed(1)}
        </p>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {gate.allowed ? (
        <button type="submit" className="button button-primary">
          Save estimate
        </button>
      ) : (
        <p className="notice small" role="note">
          {gate.reason}.
        </p>
      )}
    </form>
  );
}

/** Story points, one card of the deck, set apart from the estimate in days. */
function StoryPointsForm({ item }: { item: Item }) {
  const gate = useGate('estimates');
  const save = useSaveItem();
  const current = item.storyPoints === null ? '' : String(item.storyPoints);
  const [points, setPoints] = useState(current);
  useEffect(() => setPoints(current), [current]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (points === current) return;
    void save(item, { storyPoints: points === '' ? null : Number(points) });
  };
  return (
    <form className="estimate-form story-points-form" onSubmit={submit}>
      <label className="field">
        <span>Story points</span>
        <select
          name="storyPoints"
          value={points}
          onChange={(e) => setPoints(e.target.value)}
          disabled={!gate.allowed}
          title={gate.reason ?? undefined}
        >
          <option value="">None</option>
          {DECK.map((card) => (
            <option key={card} value={String(card)}>
              {card}
            </option>
          ))}
        </select>
      </label>
      {gate.allowed && (
        <button type="submit" className="button" disabled={points === current}>
          Save points
        </button>
      )}
    </form>
  );
}

function toDraft(item: Item) {
  const e = item.estimate;
  return {
    optimistic: e ? String(e.optimistic) : '',
    likely: e ? String(e.likely) : '',
    pessimistic: e ? String(e.pessimistic) : '',
  };
}
