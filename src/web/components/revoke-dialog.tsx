import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ConfirmDialog } from './confirm-dialog';
import { useToast } from './toast';

/**
 * Asks before revoking or removing one of the secrets listed under a shown-once panel (a token,
 * a link, a webhook endpoint), runs the mutation with its id, and says so once it is gone.
 */
export function RevokeDialog(props: {
  title: string;
  /** The confirming button's label, naming the act ("Revoke token"). */
  confirmLabel: string;
  revoke: UseMutationResult<unknown, Error, string>;
  id: string;
  /** The toast once done, e.g. "Token “laptop” revoked". */
  doneNotice: string;
  /** What stops working, in plain words. */
  children: ReactNode;
  onClose: () => void;
}) {
  const { notify } = useToast();
  const { revoke } = props;
  return (
    <ConfirmDialog
      title={props.title}
      confirmLabel={props.confirmLabel}
      pending={revoke.isPending}
      error={revoke.error}
      onClose={props.onClose}
      onConfirm={() =>
        revoke.mutate(props.id, {
          onSuccess: () => {
            notify(props.doneNotice);
            props.onClose();
          },
        })
      }
    >
      {props.children}
    </ConfirmDialog>
  );
}
