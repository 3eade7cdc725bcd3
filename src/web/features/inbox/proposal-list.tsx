import { useId, useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../api/client';
import { useAcceptProposal, useDeclineProposal } from '../../api/proposal-hooks';
import type { Proposal } from '../../api/types';
import { useToast } from '../../components/toast';
import { useWorkspace } from '../workspaces/workspace-context';

/** Proposals waiting on my decision: accept applies the change, decline needs a reason. */
export function ProposalList({ proposals }: { proposals: readonly Proposal[] }) {
  if (proposals.length === 0) return null;
  return (
    <section className="inbox-group" aria-labelledby="inbox-proposals">
      <h2 id="inbox-proposals">
        Proposals <span className="badge badge-muted">{proposals.length}</span>
      </h2>
      <ul className="inbox-list">
        {proposals.map((p) => (
          <ProposalEntry key={p.id} proposal={p} />
        ))}
      </ul>
    </section>
  );
}

function ProposalEntry({ proposal }: { proposal: Proposal }) {
  const { workspace } = useWorkspace();
  const { notify } = useToast();
  const accept = useAcceptProposal(workspace.id);
  const decline = useDeclineProposal(workspace.id);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const busy = accept.isPending || decline.isPending;
  const fail = (error: unknown) => notify(describeError(error), 'error');

  return (
    <li className="inbox-entry proposal-entry">
      <div>
        <Link to={`/w/${workspace.slug}/backlog?item=${proposal.itemId}`}>{proposal.summary}</Link>
        <p className="inbox-question">
          {proposal.proposedByName}: “{proposal.reason}”
        </p>
      </div>
      <div className="proposal-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() =>
            accept.mutate(proposal, {
              onSuccess: () => notify(`Accepted: ${proposal.summary}`),
              onError: fail,
            })
          }
        >
          Accept
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setDeclining((d) => !d)}>
          Decline…
        </button>
      </div>
      {declining && (
        <form
          className="proposal-decline"
          onSubmit={(event) => {
            event.preventDefault();
            decline.mutate(
              { id: proposal.id, version: proposal.version, reason },
              { onSuccess: () => notify(`Declined: ${proposal.summary}`), onError: fail },
            );
          }}
        >
          <label htmlFor={reasonId}>Why decline? {proposal.proposedByName} reads it; it is logged.</label>
          <input
            id={reasonId}
            value={reason}
            maxLength={2000}
            required
            onChange={(event) => setReason(event.target.value)}
          />
          <button type="submit" className="button" disabled={busy || reason.trim() === ''}>
            Decline
          </button>
        </form>
      )}
    </li>
  );
}
