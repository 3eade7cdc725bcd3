import { type FormEvent, useEffect, useState } from 'react';
import { describeError } from '../../api/client';
import { useAmendRationale } from '../../api/decision-hooks';

interface MoveToastBodyProps {
  workspaceId: string;
  /** The decision-log entry the move made. */
  decision: { id: string; version: number };
  /** Puts the item back where it was; absent when there is nowhere to put it back. */
  onUndo?: (() => void) | undefined;
  close: () => void;
}

/**
 * Under "Moved #12": Undo, and "Why?" that opens a one-line field; the why is attached to the
 * move's entry in the decision log (as an amendment, so the log keeps when it was given).
 */
export function MoveToastBody({ workspaceId, decision, onUndo, close }: MoveToastBodyProps) {
  const amend = useAmendRationale(workspaceId);
  const [asking, setAsking] = useState(false);
  const [why, setWhy] = useState('');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!saved) return;
    const timer = window.setTimeout(close, 1500);
    return () => window.clearTimeout(timer);
  }, [saved, close]);

  if (saved) return <span className="toast-note">Why saved in the decision log.</span>;
  if (!asking) {
    return (
      <div className="toast-actions">
        {onUndo && (
          <button
            type="button"
            className="toast-button"
            onClick={() => {
              onUndo();
              close();
            }}
          >
            Undo
          </button>
        )}
        <button type="button" className="toast-button" onClick={() => setAsking(true)}>
          Why?
        </button>
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!why.trim()) return;
    amend.mutate({ ...decision, rationale: why.trim() }, { onSuccess: () => setSaved(true) });
  };
  return (
    <form className="toast-why" onSubmit={submit}>
      <input
        aria-label="Why this move?"
        placeholder="Why? e.g. three customers asked for it"
        value={why}
        maxLength={2000}
        // biome-ignore lint/a11y/noAutofocus: the field opens because the person asked to type a why
        autoFocus
        onChange={(e) => setWhy(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
          e.stopPropagation();
        }}
      />
      <button type="submit" className="toast-button" disabled={amend.isPending || !why.trim()}>
        Save why
      </button>
      {amend.isError && (
        <span className="toast-note" role="alert">
          {describeError(amend.error)}
        </span>
      )}
    </form>
  );
}
