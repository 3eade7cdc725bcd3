import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/client';
import { useCreateSavedView, useDeleteSavedView, useRenameSavedView } from '../../api/saved-view-hooks';
import type { SavedView, SavedViewQuery } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog } from '../../components/dialog';
import { useToast } from '../../components/toast';

interface SaveProps {
  ws: string;
  workspaceName: string;
  query: SavedViewQuery;
  /** What the view keeps, in words, so nobody saves the wrong filters. */
  summary: string;
  onClose: () => void;
}

/** Names the backlog's current filters, for the saver alone or for the whole workspace. */
export function SaveViewDialog({ ws, workspaceName, query, summary, onClose }: SaveProps) {
  const create = useCreateSavedView(ws);
  const { notify } = useToast();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), shared, query },
      {
        onSuccess: (view) => {
          notify(`Saved the view “${view.name}”${view.shared ? ` for everyone in ${workspaceName}` : ''}`);
          onClose();
        },
      },
    );
  };
  return (
    <Dialog title="Save view" onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <label className="field">
          <span>Name</span>
          <input
            autoFocus
            required
            maxLength={80}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <fieldset className="inline-fields saved-view-scope">
          <legend>Who sees it</legend>
          <label>
            <input type="radio" name="saved-view-scope" checked={!shared} onChange={() => setShared(false)} />{' '}
            Only me
          </label>
          <label>
            <input type="radio" name="saved-view-scope" checked={shared} onChange={() => setShared(true)} />{' '}
            Everyone in {workspaceName}
          </label>
        </fieldset>
        <p className="muted small" data-testid="saved-view-summary">
          Keeps: {summary}
        </p>
        {create.isError && (
          <p className="form-error" role="alert">
            {describeError(create.error)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            Save view
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface ViewProps {
  ws: string;
  view: SavedView;
  onClose: () => void;
}

/** Gives a view another name; a change made meanwhile by someone else answers with a conflict. */
export function RenameViewDialog({ ws, view, onClose }: ViewProps) {
  const rename = useRenameSavedView(ws);
  const { notify } = useToast();
  const [name, setName] = useState(view.name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate(
      { id: view.id, version: view.version, name: name.trim() },
      {
        onSuccess: (renamed) => {
          notify(`Renamed the view to “${renamed.name}”`);
          onClose();
        },
      },
    );
  };
  return (
    <Dialog title={`Rename “${view.name}”`} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <label className="field">
          <span>Name</span>
          <input
            autoFocus
            required
            maxLength={80}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        {rename.isError && (
          <p className="form-error" role="alert">
            {describeError(rename.error)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={rename.isPending}>
            Rename view
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Asks before a view goes: a shared one disappears for the whole workspace. */
export function DeleteViewDialog({ ws, view, onClose }: ViewProps) {
  const remove = useDeleteSavedView(ws);
  const { notify } = useToast();
  return (
    <ConfirmDialog
      title={`Delete the view “${view.name}”?`}
      confirmLabel="Delete view"
      pending={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(view.id, {
          onSuccess: () => {
            notify(`Deleted the view “${view.name}”`);
            onClose();
          },
        })
      }
    >
      <p>
        {view.shared
          ? 'It disappears for everyone in the workspace. The items it showed stay as they are.'
          : 'The items it showed stay as they are.'}
      </p>
    </ConfirmDialog>
  );
}
