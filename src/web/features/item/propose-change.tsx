import { useId, useState } from 'react';
import { describeError } from '../../api/client';
import { useCreateProposal } from '../../api/proposal-hooks';
import type { Item, ProposalChange } from '../../api/types';
import { useToast } from '../../components/toast';
import { useGate, useWorkspace } from '../workspaces/workspace-context';

/**
 * For a member who may not order or cut this item: propose the change, with a reason, to whoever
 * decides. It waits in their inbox.
 */
export function ProposeChange({ item }: { item: Item }) {
  const { workspace } = useWorkspace();
  const order = useGate('backlog_order');
  const scope = useGate('scope');
  const propose = useCreateProposal(workspace.id);
  const { notify } = useToast();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'top' | 'scope'>(order.allowed ? 'scope' : 'top');
  const [reason, setReason] = useState('');
  const ids = { kind: useId(), reason: useId() };
  if (workspace.role === 'viewer' || (order.allowed && scope.allowed)) return null;
  const cut = item.state !== 'cancelled';
  const change: ProposalChange =
    kind === 'top' ? { kind: 'order', afterId: null } : cut ? { kind: 'cut' } : { kind: 'restore' };

  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Propose a change…
      </button>
    );
  }
  return (
    <form
      className="proposal-form panel-section"
      onSubmit={(event) => {
        event.preventDefault();
        propose.mutate(
          { itemId: item.id, change, reason },
          {
            onSuccess: (p) => {
              notify(`Proposed: ${p.summary}. It waits on ${p.holders.map((h) => h.name).join(' or ')}.`);
              setOpen(false);
              setReason('');
            },
            onError: (error) => notify(describeError(error), 'error'),
          },
        );
      }}
    >
      <label htmlFor={ids.kind}>Propose</label>
      <select id={ids.kind} value={kind} onChange={(event) => setKind(event.target.value as 'top' | 'scope')}>
        {!order.allowed && <option value="top">Move it to the top of the order</option>}
        {!scope.allowed && (
          <option value="scope">{cut ? 'Cut it from scope' : 'Bring it back into scope'}</option>
        )}
      </select>
      <label htmlFor={ids.reason}>Why? The person who decides reads it.</label>
      <input
        id={ids.reason}
        value={reason}
        maxLength={2000}
        required
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="proposal-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={propose.isPending || !reason.trim()}
        >
          Propose
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
