import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSavedViews } from '../../api/saved-view-hooks';
import type { Member, SavedView } from '../../api/types';
import { useToast } from '../../components/toast';
import { useWorkspace } from '../workspaces/workspace-context';
import { DeleteViewDialog, RenameViewDialog, SaveViewDialog } from './saved-view-dialogs';
import { changesFor, describeQuery, queryFromParams, showsView } from './saved-view-query';
import './saved-views.css';

const UNSAVED = 'unsaved';

interface SavedViewsProps {
  members: Member[];
  onApply: (changes: Record<string, string | null>) => void;
}

/** Who may rename or delete a view the caller cannot change, in words. */
function describeRights(view: SavedView): string {
  return `Only ${view.ownerName}, who saved it, or a founder can rename or delete “${view.name}”`;
}

/**
 * The backlog's saved views: pick one to apply its filters to the URL, save the current ones,
 * and rename or delete a view you own. The view whose query the URL shows is the active one.
 */
export function SavedViews({ members, onApply }: SavedViewsProps) {
  const { workspace } = useWorkspace();
  const [params] = useSearchParams();
  const views = useSavedViews(workspace.id);
  const { notify } = useToast();
  const [dialog, setDialog] = useState<'save' | 'rename' | 'delete' | null>(null);
  const list = views.data ?? [];
  const active = list.find((view) => showsView(params, view));
  const query = queryFromParams(params);
  const filtered = Object.keys(query).length > 0;
  const memberName = useMemo(() => {
    const names = new Map(members.map((m) => [m.userId, m.name] as const));
    return (id: string) => names.get(id);
  }, [members]);
  const shared = list.filter((view) => view.shared);
  const personal = list.filter((view) => !view.shared);
  const refusal = active && !active.mayChange ? describeRights(active) : null;

  const pick = (id: string) => {
    if (id === '') onApply(changesFor({ query: {} }));
    const view = list.find((v) => v.id === id);
    if (view) onApply(changesFor(view));
  };
  // Controls a person may not use stay visible, and say who may instead.
  const openIfAllowed = (which: 'rename' | 'delete') => {
    if (refusal) notify(refusal, 'error');
    else setDialog(which);
  };

  return (
    <fieldset className="saved-views">
      <legend className="sr-only">Saved views</legend>
      <label className="saved-views-pick">
        <span>Saved view</span>
        <select
          value={active?.id ?? (filtered ? UNSAVED : '')}
          disabled={views.isPending}
          onChange={(event) => pick(event.target.value)}
        >
          <option value="">All items</option>
          {filtered && !active && (
            <option value={UNSAVED} disabled>
              Unsaved filters
            </option>
          )}
          {shared.length > 0 && (
            <optgroup label="Shared with the workspace">
              {shared.map((view) => (
                <option key={view.id} value={view.id}>
                  {view.name}
                </option>
              ))}
            </optgroup>
          )}
          {personal.length > 0 && (
            <optgroup label="Only me">
              {personal.map((view) => (
                <option key={view.id} value={view.id}>
                  {view.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      {views.isError && <span className="form-error small">Saved views could not be loaded</span>}
      <button type="button" className="button button-ghost" onClick={() => setDialog('save')}>
        Save view…
      </button>
      {active && (
        <>
          <span className="saved-views-active" data-testid="active-view">
            {active.shared ? `Shared by ${active.ownerName}` : 'Only you see this view'}
          </span>
          <button
            type="button"
            className="button button-ghost"
            aria-label={`Rename the view “${active.name}”`}
            aria-disabled={refusal ? true : undefined}
            onClick={() => openIfAllowed('rename')}
          >
            Rename…
          </button>
          <button
            type="button"
            className="button button-ghost"
            aria-label={`Delete the view “${active.name}”`}
            aria-disabled={refusal ? true : undefined}
            onClick={() => openIfAllowed('delete')}
          >
            Delete…
          </button>
          {refusal && (
            <span className="muted small" role="note" data-testid="saved-view-rights">
              {refusal}
            </span>
          )}
        </>
      )}
      {dialog === 'save' && (
        <SaveViewDialog
          ws={workspace.id}
          workspaceName={workspace.name}
          query={query}
          summary={describeQuery(query, memberName)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'rename' && active && (
        <RenameViewDialog ws={workspace.id} view={active} onClose={() => setDialog(null)} />
      )}
      {dialog === 'delete' && active && (
        <DeleteViewDialog ws={workspace.id} view={active} onClose={() => setDialog(null)} />
      )}
    </fieldset>
  );
}
