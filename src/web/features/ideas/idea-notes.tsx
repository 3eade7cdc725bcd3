import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { EvidenceNoteList, EvidenceNoteView, Idea, MergedIdea } from '../../../contract';
import { describeError, requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

function useNotes(ws: string, itemId: string, open: boolean) {
  return useQuery({
    queryKey: keys.ideaNotes(ws, itemId),
    queryFn: ({ signal }) =>
      requestApi<EvidenceNoteList>(`/workspaces/${ws}/evidence?itemId=${itemId}`, { signal }),
    enabled: open,
  });
}

function useMoveNote(ws: string) {
  return useMutation({
    mutationFn: (input: { note: EvidenceNoteView; itemId: string | null }) =>
      requestApi<EvidenceNoteView>(`/workspaces/${ws}/evidence/${input.note.id}`, {
        method: 'PATCH',
        body: { version: input.note.version, itemId: input.itemId },
      }),
    // Both ideas' counts and reach change; their notes live under the ideas' key.
    meta: { invalidates: [keys.ideas(ws)] },
  });
}

function useMergeIdea(ws: string, idea: Idea) {
  return useMutation({
    mutationFn: (into: string) =>
      requestApi<MergedIdea>(`/workspaces/${ws}/ideas/${idea.itemId}/merge`, {
        method: 'POST',
        body: { into, version: idea.version },
      }),
    // The duplicate is cancelled: the backlog, the plans and the decision log change too.
    meta: { invalidates: [...invalidates.itemChanged(ws), keys.items(ws)] },
  });
}

/** One note, with where to move it. */
function NoteLine({ ws, note, ideas }: { ws: string; note: EvidenceNoteView; ideas: readonly Idea[] }) {
  const move = useMoveNote(ws);
  const [target, setTarget] = useState('');
  const who = [note.requesterEmail, note.company].filter(Boolean).join(', ') || 'unknown requester';
  return (
    <li className="idea-note">
      <span className="idea-note-text">{note.text}</span>{' '}
      <span className="muted">
        — {who}, {note.sourceType}, importance {note.importance}, {note.givenAt.slice(0, 10)}
      </span>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (target) move.mutate({ note, itemId: target === 'none' ? null : target });
        }}
      >
        <label>
          Move to
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">another idea…</option>
            {ideas
              .filter((other) => other.itemId !== note.itemId)
              .map((other) => (
                <option key={other.itemId} value={other.itemId}>
                  {other.ref} · {other.title}
                </option>
              ))}
            <option value="none">no idea (unlink)</option>
          </select>
        </label>
        <button type="submit" className="button" disabled={!target || move.isPending}>
          Move
        </button>
      </form>
      {move.isError && (
        <p className="form-error" role="alert">
          {describeError(move.error)}
        </p>
      )}
    </li>
  );
}

/**
 * An idea's customer notes, each movable to another idea, and the idea merged into a duplicate
 * (its notes, votes and follows go there; it is cancelled with the link in its history).
 */
export function IdeaNotes({ ws, idea, ideas }: { ws: string; idea: Idea; ideas: readonly Idea[] }) {
  const [open, setOpen] = useState(false);
  const notes = useNotes(ws, idea.itemId, open);
  const merge = useMergeIdea(ws, idea);
  const [into, setInto] = useState('');
  return (
    <details className="idea-notes" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Notes ({idea.evidence})</summary>
      {notes.isPending && open && <p className="muted">Loading the notes</p>}
      {notes.isError && <p className="form-error">{describeError(notes.error)}</p>}
      {notes.data && (
        <ul className="idea-note-list">
          {notes.data.data.map((note) => (
            <NoteLine key={`${note.id}-${note.version}`} ws={ws} note={note} ideas={ideas} />
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (into) merge.mutate(into);
        }}
      >
        <label>
          Duplicate of
          <select value={into} onChange={(e) => setInto(e.target.value)}>
            <option value="">choose the idea that stays…</option>
            {ideas
              .filter((other) => other.itemId !== idea.itemId && other.state !== 'cancelled')
              .map((other) => (
                <option key={other.itemId} value={other.itemId}>
                  {other.ref} · {other.title}
                </option>
              ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={!into || merge.isPending}>
          Merge into it
        </button>
      </form>
      {merge.isError && (
        <p className="form-error" role="alert">
          {describeError(merge.error)}
        </p>
      )}
    </details>
  );
}
