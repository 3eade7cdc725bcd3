import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CreateNamedForm } from '../../components/create-named-form';
import { ShownOnce } from '../../components/shown-once';
import { ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import {
  type CreatedIngestToken,
  type IngestToken,
  useCreateIngestToken,
  useIngestTokens,
  useRevokeIngestToken,
} from './dora-api';

const dateOf = (iso: string) => new Date(iso).toLocaleDateString();

/**
 * "Event ingest tokens": what a deployment pipeline or an incident tool sends events with. A
 * token posts events to this workspace and can do nothing else; its secret is shown once.
 */
export function IngestTokensPanel({ workspaceId }: { workspaceId: string }) {
  const tokens = useIngestTokens(workspaceId);
  const create = useCreateIngestToken(workspaceId);
  const [created, setCreated] = useState<CreatedIngestToken | null>(null);
  const [revoking, setRevoking] = useState<IngestToken | null>(null);
  return (
    <section className="card-section" aria-labelledby="ingest-tokens-heading">
      <h2 id="ingest-tokens-heading">Event ingest tokens</h2>
      <p className="muted">
        Your deployment pipeline and incident tool send events with a token made here, as{' '}
        <code>Authorization: Bearer hwi_…</code> to{' '}
        <code>/api/workspaces/{workspaceId}/events/deployments</code> and <code>…/events/incidents</code>. A
        token can send this workspace’s events and nothing else.
      </p>
      <CreateNamedForm
        create={create}
        onCreated={setCreated}
        label="Token name"
        placeholder="e.g. deploy pipeline"
        submitLabel="Create ingest token"
      />
      {created && (
        <div className="new-token">
          <ShownOnce
            noun="token"
            label="Ingest token"
            value={created.token}
            testId="ingest-token"
            copied="Ingest token copied"
            notice={`Copy the token “${created.name}” now and store it as a secret of your pipeline: it will not be shown again.`}
            onDone={() => setCreated(null)}
          />
        </div>
      )}
      {tokens.isPending ? (
        <Loading label="Loading the ingest tokens" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <p className="muted">This workspace has no ingest tokens.</p>
      ) : (
        <ul className="ingest-token-list" aria-label="Ingest tokens">
          {tokens.data.map((token) => (
            <li key={token.id}>
              <span>
                <strong>{token.name}</strong>{' '}
                <span className="muted small">
                  since {dateOf(token.createdAt)}
                  {token.lastUsedAt ? `, last used ${dateOf(token.lastUsedAt)}` : ', never used'}
                </span>
              </span>
              <button
                type="button"
                className="button"
                aria-label={`Revoke ${token.name}`}
                onClick={() => setRevoking(token)}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      {revoking && (
        <RevokeTokenDialog workspaceId={workspaceId} token={revoking} onClose={() => setRevoking(null)} />
      )}
    </section>
  );
}

function RevokeTokenDialog(props: { workspaceId: string; token: IngestToken; onClose: () => void }) {
  const revoke = useRevokeIngestToken(props.workspaceId);
  const { notify } = useToast();
  return (
    <ConfirmDialog
      title={`Revoke “${props.token.name}”?`}
      confirmLabel="Revoke token"
      pending={revoke.isPending}
      error={revoke.error}
      onClose={props.onClose}
      onConfirm={() =>
        revoke.mutate(props.token.id, {
          onSuccess: () => {
            notify(`Ingest token “${props.token.name}” revoked`);
            props.onClose();
          },
        })
      }
    >
      <p>
        Events sent with this token are refused from now on. Events already recorded stay. This cannot be
        undone.
      </p>
    </ConfirmDialog>
  );
}
