import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { describeError, isApiError } from '../../api/client';
import { storeItem } from '../../api/item-hooks';
import { usePatchItem } from '../../api/item-write-hooks';
import { useMembers } from '../../api/team-hooks';
import type { Item, ItemPatch } from '../../api/types';
import { Dialog } from '../../components/dialog';
import { useToast } from '../../components/toast';
import { useWorkspace } from '../workspaces/workspace-context';
import { describeConflict } from './conflict';

interface Conflict {
  base: Item;
  patch: ItemPatch;
  current: Item;
}

type SaveItem = (item: Item, patch: ItemPatch) => Promise<boolean>;

const SaveContext = createContext<SaveItem | null>(null);

/**
 * Saves item edits for the whole workspace. A 409 opens the conflict dialog (reapply on top of
 * the current item, or discard); a refused decision shows who decides. Nothing is lost silently.
 */
export function ItemSaveProvider({ children }: { children: ReactNode }) {
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const patchItem = usePatchItem(workspace.id);
  const { notify } = useToast();
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const save = useCallback<SaveItem>(
    async (item, patch) => {
      try {
        await patchItem.mutateAsync({ id: item.id, version: item.version, patch });
        return true;
      } catch (error) {
        if (isApiError(error, 'version_conflict')) {
          const current = (error.details as { current?: Item } | undefined)?.current;
          if (current) {
            setConflict({ base: item, patch, current });
            return false;
          }
        }
        notify(describeError(error), 'error');
        return false;
      }
    },
    [patchItem, notify],
  );

  const reapply = async () => {
    if (!conflict) return;
    const { current, patch } = conflict;
    setConflict(null);
    await save(current, patch);
  };

  const discard = () => {
    if (!conflict) return;
    storeItem(client, workspace.id, conflict.current);
    setConflict(null);
    notify('Your change was discarded; you see the item as it is now');
  };

  const value = useMemo(() => save, [save]);
  return (
    <SaveContext.Provider value={value}>
      {children}
      {conflict && <ConflictDialog conflict={conflict} onReapply={reapply} onDiscard={discard} />}
    </SaveContext.Provider>
  );
}

function ConflictDialog(props: {
  conflict: Conflict;
  onReapply: () => Promise<void>;
  onDiscard: () => void;
}) {
  const { workspace } = useWorkspace();
  const members = useMembers(workspace.id);
  const nameOf = (id: string) => members.data?.find((m) => m.userId === id)?.name;
  const { mine, theirs } = describeConflict({ ...props.conflict, nameOf });
  const { current } = props.conflict;
  return (
    <Dialog title="Someone changed this item while you were editing" onClose={props.onDiscard} wide>
      <p className="muted">
        #{current.number} {current.title} is now at version {current.version}. Your change was not saved yet.
      </p>
      <table className="table conflict-table">
        <caption className="sr-only">Your change compared with the item now</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">When you started</th>
            <th scope="col">Your change</th>
            <th scope="col">Now</th>
          </tr>
        </thead>
        <tbody>
          {mine.map((c) => (
            <tr key={c.field}>
              <th scope="row">{c.label}</th>
              <td>{c.was}</td>
              <td className="mine">{c.mine}</td>
              <td className="theirs">{c.now}</td>
            </tr>
          ))}
          {theirs.map((c) => (
            <tr key={c.field}>
              <th scope="row">{c.label}</th>
              <td>{c.was}</td>
              <td className="muted">unchanged by you</td>
              <td className="theirs">{c.now}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onDiscard}>
          Discard my change
        </button>
        <button type="button" className="button button-primary" onClick={() => void props.onReapply()}>
          Reapply my change
        </button>
      </div>
    </Dialog>
  );
}

/** Saves an item edit with conflict and refusal handling; resolves true when saved. */
export function useSaveItem(): SaveItem {
  const save = useContext(SaveContext);
  if (!save) throw new Error('useSaveItem needs an ItemSaveProvider');
  return save;
}
