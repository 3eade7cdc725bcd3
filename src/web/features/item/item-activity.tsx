import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/client';
import { useChildren, useComments, useItemDecisions, useItemHistory } from '../../api/item-hooks';
import { useAddComment } from '../../api/item-write-hooks';
import { SafeMarkdown } from '../../components/markdown';
import { STATE_LABELS, TYPE_LABELS } from '../backlog/labels';
import { useWorkspace } from '../workspaces/workspace-context';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function when(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** The items under this one (epics of an initiative, work of an epic). */
export function ChildrenSection({ itemId, onOpen }: { itemId: string; onOpen: (id: string) => void }) {
  const { workspace } = useWorkspace();
  const children = useChildren(workspace.id, itemId);
  if (!children.data || children.data.length === 0) return null;
  return (
    <section className="panel-section" aria-labelledby="children-heading">
      <h3 id="children-heading">Children ({children.data.length})</h3>
      <ul className="plain-list">
        {children.data.map((c) => (
          <li key={c.id}>
            <button type="button" className="link-button" onClick={() => onOpen(c.id)}>
              #{c.number} {c.title}
            </button>{' '}
            <span className="muted">
              {TYPE_LABELS[c.type]} · {STATE_LABELS[c.state]}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** State changes, oldest first. */
export function HistorySection({ itemId }: { itemId: string }) {
  const { workspace } = useWorkspace();
  const history = useItemHistory(workspace.id, itemId);
  return (
    <section className="panel-section" aria-labelledby="history-heading">
      <h3 id="history-heading">State history</h3>
      {history.isError && <p className="form-error">{describeError(history.error)}</p>}
      <ol className="timeline">
        {(history.data ?? []).map((h) => (
          <li key={h.id}>
            {h.fromState ? `${STATE_LABELS[h.fromState]} → ` : 'Created as '}
            {STATE_LABELS[h.toState]} <span className="muted">{when(h.changedAt)}</span>
            {h.importedChangedBy && (
              <span className="muted imported-attribution">
                {' '}
                · by {h.importedChangedBy} in the imported file
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The decision log for this item, newest first: who decided what, when and why. */
export function DecisionsSection({ itemId }: { itemId: string }) {
  const { workspace } = useWorkspace();
  const decisions = useItemDecisions(workspace.id, itemId);
  return (
    <section className="panel-section" aria-labelledby="decisions-heading">
      <h3 id="decisions-heading">Decisions</h3>
      {decisions.data?.length === 0 && <p className="muted">No decisions recorded yet.</p>}
      <ol className="timeline" data-testid="decision-log">
        {(decisions.data ?? []).map((d) => (
          <li key={d.id}>
            <strong className={d.importedActor ? 'imported-attribution' : undefined}>{d.actorName}</strong>{' '}
            {d.summary}
            {d.rationale && <span className="rationale"> — “{d.rationale}”</span>}{' '}
            <span className="muted">{when(d.createdAt)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Comments, oldest first, rendered as safe Markdown (no raw HTML). */
export function CommentsSection({ itemId }: { itemId: string }) {
  const { workspace } = useWorkspace();
  const comments = useComments(workspace.id, itemId);
  const add = useAddComment(workspace.id, itemId);
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    add.mutate(body, { onSuccess: () => setBody('') });
  };
  return (
    <section className="panel-section" aria-labelledby="comments-heading">
      <h3 id="comments-heading">Comments</h3>
      <ol className="comments">
        {(comments.data ?? []).map((c) => (
          <li key={c.id} className="comment">
            <div className="comment-meta">
              <strong className={c.importedAuthor ? 'imported-attribution' : undefined}>
                {c.authorName}
              </strong>{' '}
              <span className="muted">{when(c.createdAt)}</span>
            </div>
            <SafeMarkdown>{c.body}</SafeMarkdown>
          </li>
        ))}
      </ol>
      <form className="form" onSubmit={submit}>
        <label className="field">
          <span>Add a comment</span>
          <textarea rows={3} value={body} onChange={(e) => setBody(e.target.value)} maxLength={20000} />
        </label>
        {add.isError && (
          <p className="form-error" role="alert">
            {describeError(add.error)}
          </p>
        )}
        <button type="submit" className="button" disabled={add.isPending}>
          Comment
        </button>
      </form>
    </section>
  );
}
