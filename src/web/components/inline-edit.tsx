import { type KeyboardEvent, useRef, useState } from 'react';
import { useToast } from './toast';

interface InlineEditProps {
  value: string;
  /** Accessible name of the edit button and the field, e.g. "Title of #12". */
  label: string;
  onSave: (value: string) => void;
  /** Called when the field opens, e.g. to remember the version the edit starts from. */
  onBegin?: () => void;
  type?: 'text' | 'number';
  disabled?: boolean;
  disabledReason?: string | null;
  className?: string;
  display?: string;
}

/**
 * A value shown as text that turns into a field on click; Enter saves, Escape cancels. When the
 * edit is not the person's to make, pressing it says why (who decides) instead of doing nothing.
 */
export function InlineEdit(props: InlineEditProps) {
  const { notify } = useToast();
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
      className={`inline-value ${props.className ?? ''}${props.disabled ? ' is-refused' : ''}`}
      title={props.disabled ? (props.disabledReason ?? undefined) : `Edit ${props.label}`}
      aria-disabled={props.disabled || undefined}
      onClick={() => {
        if (props.disabled) {
          notify(props.disabledReason ?? `You cannot change the ${props.label}`, 'error');
          return;
        }
        setDraft(props.value);
        props.onBegin?.();
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
