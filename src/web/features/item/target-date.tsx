import { type FormEvent, useEffect, useState } from 'react';
import { useSlips } from '../../api/decision-hooks';
import type { Item, TargetDateSlip } from '../../api/types';
import { formatShortDate } from '../roadmap/dates';
import { RefusalNote } from '../workspaces/refusals';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import { useSaveItem } from './conflict-provider';

/**
 * The target date, with its why. A date that is not committed yet saves with an optional why; a
 * committed one (published on the roadmap) only moves with a reason, and the move is a slip.
 */
export function TargetDateField({ item }: { item: Item }) {
  const gate = useGate('delivery_dates');
  const save = useSaveItem();
  const [draft, setDraft] = useState(item.targetDate ?? '');
  const [why, setWhy] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setDraft(item.targetDate ?? '');
    setWhy('');
  }, [item.targetDate]);
  const committed = item.targetDateCommittedAt !== null && item.targetDate !== null;
  const changed = draft !== (item.targetDate ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (committed && !why.trim()) {
      setProblem('This date is committed: say why it moves, so the slip carries its reason');
      return;
    }
    setProblem(null);
    const saved = await save(item, {
      targetDate: draft || null,
      ...(why.trim() ? { rationale: why.trim() } : {}),
    });
    if (saved) setWhy('');
  };

  return (
    <form className="target-date-form" onSubmit={(e) => void submit(e)}>
      <span className="target-date-row">
        <input
          type="date"
          aria-label="Target date"
          value={draft}
          disabled={!gate.allowed}
          aria-describedby={gate.allowed ? undefined : 'target-date-refusal'}
          onChange={(e) => setDraft(e.target.value)}
        />
        {committed && (
          <span className="committed-badge" title="Published on the roadmap: moving it is a slip">
            committed
          </span>
        )}
      </span>
      {changed && (
        <>
          <label className="field">
            <span>{committed ? 'Why does the committed date move? (required)' : 'Why? (optional)'}</span>
            <input
              aria-label={committed ? 'Why the committed date moves' : 'Why this date'}
              value={why}
              maxLength={2000}
              required={committed}
              onChange={(e) => setWhy(e.target.value)}
            />
          </label>
          <span className="form-actions">
            <button
              type="button"
              className="button button-ghost"
              onClick={() => {
                setDraft(item.targetDate ?? '');
                setProblem(null);
              }}
            >
              Cancel
            </button>
            <button type="submit" className="button button-primary">
              {committed ? 'Move the committed date' : 'Save date'}
            </button>
          </span>
        </>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <RefusalNote gate={gate} id="target-date-refusal" />
    </form>
  );
}

/** How a slip reads: "1 Mar → 15 Mar (14 days later)". */
export function describeSlipDates(slip: TargetDateSlip): string {
  if (slip.toDate === null) return `${formatShortDate(slip.fromDate)} → cleared`;
  const days = slip.slipDays ?? 0;
  const way =
    days >= 0 ? `${days} day${days === 1 ? '' : 's'} later` : `${-days} day${days === -1 ? '' : 's'} earlier`;
  return `${formatShortDate(slip.fromDate)} → ${formatShortDate(slip.toDate)} (${way})`;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The target-date history of an item (a milestone's slips), newest first. */
export function SlipsSection({ itemId }: { itemId: string }) {
  const { workspace } = useWorkspace();
  const slips = useSlips(workspace.id);
  const mine = (slips.data ?? []).filter((s) => s.itemId === itemId);
  if (mine.length === 0) return null;
  return (
    <section className="panel-section" aria-labelledby="slips-heading">
      <h3 id="slips-heading">Slips ({mine.length})</h3>
      <ol className="timeline" data-testid="item-slips">
        {mine.map((s) => (
          <li key={s.id} className="slip">
            <strong>{describeSlipDates(s)}</strong> — <span className="slip-reason">“{s.reason}”</span>{' '}
            <span className="muted">
              {s.movedByName}, {when.format(new Date(s.movedAt))}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
