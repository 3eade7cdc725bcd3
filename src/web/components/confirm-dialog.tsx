import type { ReactNode } from 'react';
import { describeError } from '../api/client';
import { Dialog } from './dialog';

interface ConfirmDialogProps {
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  /** The confirming button's label, naming the act ("Revoke token"). */
  confirmLabel: string;
  /** The mutation's state: the button waits while it runs, and its error is shown here. */
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before something that cannot be undone; the error of a failed attempt stays in view. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      {props.children}
      {props.error ? (
        <p className="form-error" role="alert">
          {describeError(props.error)}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={props.pending}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
