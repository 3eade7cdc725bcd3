import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../api/client';
import { useItem, useTopItems } from '../../api/item-hooks';
import { useMoveItem } from '../../api/item-write-hooks';
import type { Inbox, Item, MoveTarget } from '../../api/types';
import { ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { DecideIdeaForm } from '../ideas/idea-decision';
import { useSaveItem } from '../item/conflict-provider';
import { EstimateForm } from '../item/estimate-panel';
import { useGate, useWorkspace } from '../workspaces/workspace-context';

type InboxEntry = Inbox['entries'][number];

/** What each kind of waiting entry asks, as a label beside the item when entries are not grouped. */
export const WAITING_KIND_LABELS: Record<InboxEntry['kind'], string> = {
  order: 'To place in the order',
  estimate: 'To estimate',
  scope: 'Scope question',
  review: 'Parked idea due for review',
};

/**
 * One decision waiting on me, answerable where it is listed: place a new item in the order,
 * estimate unestimated work, answer a scope question, decide a parked idea due for review. Writes go through the same hooks as the
 * backlog and the item panel, so the inbox, the brief and the backlog refresh after them.
 */
export function WaitingEntry({ entry, showKind = false }: { entry: InboxEntry; showKind?: boolean }) {
  const { workspace } = useWorkspace();
  const gate = useGate(entry.decision);
  return (
    <li className="inbox-entry waiting-entry" data-kind={entry.kind}>
      <div>
        {showKind && <span className="muted">{WAITING_KIND_LABELS[entry.kind]}: </span>}
        <Link to={`/w/${workspace.slug}/backlog?item=${entry.itemId}`}>
          <span className="muted">#{entry.number}</span> {entry.title}
        </Link>
      </div>
      {entry.question && <p className="inbox-question">{entry.question}</p>}
      <span className={`age${entry.ageDays >= 7 ? ' age-old' : ''}`}>
        {entry.ageDays === 0 ? 'today' : `${entry.ageDays} day${entry.ageDays === 1 ? '' : 's'}`}
      </span>
      <div className="waiting-actions">
        {!gate.allowed ? (
          <p className="notice small" role="note">
            {gate.reason}.
          </p>
        ) : entry.kind === 'order' ? (
          <PlaceActions entry={entry} />
        ) : (
          <ItemAnswer entry={entry} />
        )}
      </div>
    </li>
  );
}

/** How many of the first items of the order a new item can be placed after. */
const TOP_ITEMS = 5;

/** Places a new item at the top, the bottom or after one of the first items of the order, which takes it off the inbox. */
function PlaceActions({ entry }: { entry: InboxEntry }) {
  const { workspace } = useWorkspace();
  const move = useMoveItem(workspace.id);
  const [listed, setListed] = useState(false);
  const top = useTopItems(workspace.id, TOP_ITEMS, listed);
  const { notify } = useToast();
  const place = (target: MoveTarget, where: string) =>
    move.mutate(
      { id: entry.itemId, target },
      {
        onSuccess: () => notify(`Placed #${entry.number} ${where}`),
        onError: (error) => notify(describeError(error), 'error'),
      },
    );
  return (
    <div className="proposal-actions">
      <button
        type="button"
        className="button button-primary"
        disabled={move.isPending || move.isSuccess}
        onClick={() => place({ afterId: null }, 'at the top of the order')}
      >
        Place at top
      </button>
      <button
        type="button"
        className="button"
        disabled={move.isPending || move.isSuccess}
        onClick={() => place({ beforeId: null }, 'at the bottom of the order')}
      >
        Place at bottom
      </button>
      <select
        aria-label={`Place #${entry.number} after`}
        value=""
        disabled={move.isPending || move.isSuccess}
        onFocus={() => setListed(true)}
        onChange={(event) => {
          const after = top.data?.find((it) => it.id === event.target.value);
          if (after) place({ afterId: after.id }, `after #${after.number}`);
        }}
      >
        <option value="">{top.isFetching ? 'Loading the order…' : 'Place after…'}</option>
        {top.data
          ?.filter((it) => it.id !== entry.itemId)
          .map((it) => (
            <option key={it.id} value={it.id}>
              #{it.number} {it.title}
            </option>
          ))}
      </select>
    </div>
  );
}

/** Opens the estimate form or the scope answers; the item is loaded only then, for its version. */
function ItemAnswer({ entry }: { entry: InboxEntry }) {
  const { workspace } = useWorkspace();
  const [open, setOpen] = useState(false);
  const item = useItem(workspace.id, open ? entry.itemId : null);
  const close = () => setOpen(false);
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {entry.kind === 'estimate' ? 'Estimate…' : entry.kind === 'review' ? 'Review…' : 'Answer…'}
      </button>
    );
  }
  if (item.isPending) return <Loading label={`Loading #${entry.number}`} />;
  if (item.isError) return <ErrorState error={item.error} onRetry={() => void item.refetch()} />;
  if (entry.kind === 'review') {
    const idea = { itemId: item.data.id, title: item.data.title, version: item.data.version };
    return <DecideIdeaForm ws={workspace.id} idea={idea} onDecided={close} />;
  }
  return entry.kind === 'estimate' ? (
    <EstimateForm item={item.data} onSaved={close} />
  ) : (
    <ScopeAnswers item={item.data} onSaved={close} />
  );
}

/**
 * The answers to a scope question: keep the item in scope (the question is cleared) or cut it.
 * Both are logged as scope decisions; a stale version opens the conflict dialog.
 */
function ScopeAnswers({ item, onSaved }: { item: Item; onSaved: () => void }) {
  const save = useSaveItem();
  const [busy, setBusy] = useState(false);
  const answer = (patch: Parameters<typeof save>[1]) => {
    setBusy(true);
    void save(item, patch).then((saved) => {
      setBusy(false);
      if (saved) onSaved();
    });
  };
  return (
    <div className="proposal-actions">
      <button
        type="button"
        className="button button-primary"
        disabled={busy}
        onClick={() => answer({ scopeQuestion: null })}
      >
        Keep in scope
      </button>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => answer({ scopeQuestion: null, state: 'cancelled' })}
      >
        Cut from scope
      </button>
    </div>
  );
}
