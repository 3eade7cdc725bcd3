import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type {
  EvidenceNoteList,
  EvidenceNoteView,
  Idea,
  MergedIdea,
  SplitEvidenceNote,
} from '../../../contract';
import { describeError, isApiError, requestApi } from '../../api/client';
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

function useSplitNote(ws: string) {
  return useMutation({
    mutationFn: (input: { note: EvidenceNoteView; parts: SplitEvidenceNote['parts'] }) =>
      requestApi<EvidenceNoteList>(`/workspaces/${ws}/evidence/${input.note.id}/split`, {
        method: 'POST',
        body: { version: input.note.version, parts: input.parts },
      }),
    // The ideas the parts go to gain a note (count, reach); their notes live under the ideas' key.
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

/**
 * Splits a note that speaks of two ideas: the note keeps the first part, the second becomes a
 * new note from the same requester, on the idea chosen. A note changed meanwhile is refused (409)
 * and the list is offered for a reload.
 */
function SplitNote({ ws, note, ideas }: { ws: string; note: EvidenceNoteView; ideas: readonly Idea[] }) {
  const split = useSplitNote(ws);
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [first, setFirst] = useState(note.text);
  const [second, setSecond] = useState('');
  const [target, setTarget] = useState(note.itemId ?? 'none');
  if (!open)
    return (
      <button type="button" className="button" aria-expanded={false} onClick={() => setOpen(true)}>
        Split
      </button>
    );
  return (
    <form
      className="idea-note-split"
      aria-label="Split the note"
      onSubmit={(e) => {
        e.preventDefault();
        split.mutate({
          note,
          parts: [
            { text: first, itemId: note.itemId },
            { text: second, itemId: target === 'none' ? null : target },
          ],
        });
      }}
    >
      <label className="field">
        First part (stays on this note)
        <textarea value={first} onChange={(e) => setFirst(e.target.value)} />
      </label>
      <label className="field">
        Second part (a new note)
        <textarea value={second} onChange={(e) => setSecond(e.target.value)} />
      </label>
      <label className="field">
        Second part is about
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          {ideas.map((other) => (
            <option key={other.itemId} value={other.itemId}>
              {other.ref} · {other.title}
            </option>
          ))}
          <option value="none">no idea yet</option>
        </select>
      </label>
      {split.isError && (
        <p className="form-error" role="alert">
          {isApiError(split.error, 'version_conflict')
            ? 'This note was changed by someone else since it was loaded: reload the notes and split it again.'
            : describeError(split.error)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={split.isPending}>
          Split note
        </button>
        {isApiError(split.error, 'version_conflict') && (
          <button
            type="button"
            className="button"
            onClick={() => void client.invalidateQueries({ queryKey: keys.ideas(ws) })}
          >
            Reload
          </button>
        )}
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** One note, with where to move it and how to split it. */
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
          {isApiError(move.error, 'version_conflict')
            ? 'This note was changed by someone else since it was loaded: reload the notes and move it again.'
            : describeError(move.error)}
        </p>
      )}
      <SplitNote ws={ws} note={note} ideas={ideas} />
    </li>
  );
}

/**
 * An idea's customer notes, each movable to another idea or split in two, and the idea merged into a duplicate
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
