import { type KeyboardEvent, useRef, useState } from 'react';

interface InlineEditProps {
  value: string;
  /** Accessible name of the edit button and the field, e.g. "Title of #12". */
  label: string;
  onSave: (value: string) => void;
  type?: 'text' | 'number';
  disabled?: boolean;
  disabledReason?: string | null;
  className?: string;
  display?: string;
}

/** A value shown as text that turns into a field on click; Enter saves, Escape cancels. */
export function InlineEdit(props: InlineEditProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(props.value);
  // Enter unmounts the field, which may also blur it: save once only.
  const open = useRef(false);

  const finish = (save: boolean) => {
    if (!open.current) return;
    open.current = false;
    setEditing(false);
    if (save && draft.trim() !== props.value) props.onSave(draft.trim());
  };

  if (editing) {
    return (
      <input
        className={`inline-input ${props.className ?? ''}`}
        aria-label={props.label}
        type={props.type ?? 'text'}
        step="any"
        // biome-ignore lint/a11y/noAutofocus: the field replaces the button the user just pressed
        autoFocus
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          e.stopPropagation();
          if (e.key === 'Enter') finish(true);
          if (e.key === 'Escape') finish(false);
        }}
      />
    );
  }
  return (
    <button
      type="button"
      className={`inline-value ${props.className ?? ''}`}
      title={props.disabled ? (props.disabledReason ?? undefined) : `Edit ${props.label}`}
      disabled={props.disabled}
      onClick={() => {
        setDraft(props.value);
        open.current = true;
        setEditing(true);
      }}
    >
      {props.display ?? (props.value || '—')}
      {/* The accessible name starts with the visible text, then says what pressing it does. */}
      <span className="sr-only">, edit {props.label}</span>
    </button>
  );
}
