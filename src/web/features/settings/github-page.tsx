import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ShownOnce } from '../../components/shown-once';
import { ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { useWorkspace } from '../workspaces/workspace-context';
import {
  type ConnectedGithub,
  type GithubConnection,
  useConnectGithub,
  useDisconnectGithub,
  useGithubConnection,
  useSyncGithub,
} from './github-api';

const ADMINS = ['founder', 'cto', 'ctpo'];
const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : 'never';

/** Settings → GitHub: connect a repository with a token, the webhook to add, status, sync, disconnect. */
export function GithubPage() {
  const { workspace } = useWorkspace();
  const connection = useGithubConnection(workspace.id);
  const [created, setCreated] = useState<ConnectedGithub | null>(null);
  const mayAdmin = ADMINS.includes(workspace.role);
  return (
    <div className="page page-github">
      <header className="page-header">
        <h1>GitHub</h1>
      </header>
      <p className="muted">
        Connect a repository to bring its issues and pull requests in as items with their history (so
        throughput, cycle time and forecasts count them) and its deployments and releases in as delivery
        events for the DORA measures. A pull request that names <code>#12</code> (an issue) or{' '}
        <code>HW-12</code> (Headway item 12) in its branch, title or body starts that item.
      </p>
      {!mayAdmin && (
        <p className="muted" data-testid="github-rights">
          Only the founder, the CTO or the CTPO can connect, sync or disconnect GitHub.
        </p>
      )}
      {created && <NewConnection connection={created} onDone={() => setCreated(null)} />}
      {connection.isPending ? (
        <Loading label="Loading the GitHub connection" />
      ) : connection.isError ? (
        <ErrorState error={connection.error} onRetry={() => void connection.refetch()} />
      ) : connection.data === null ? (
        mayAdmin && <ConnectForm workspaceId={workspace.id} onConnected={setCreated} />
      ) : (
        <Status workspaceId={workspace.id} connection={connection.data} mayAdmin={mayAdmin} />
      )}
    </div>
  );
}

function ConnectForm({
  workspaceId,
  onConnected,
}: {
  workspaceId: string;
  onConnected: (c: ConnectedGithub) => void;
}) {
  const connect = useConnectGithub(workspaceId);
  const sync = useSyncGithub(workspaceId);
  const [repository, setRepository] = useState('');
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    connect.mutate(
      { repository, token },
      {
        onSuccess: (created) => {
          setToken('');
          onConnected(created);
          sync.mutate();
        },
      },
    );
  };
  return (
    <section className="card-section" aria-labelledby="github-connect-heading">
      <h2 id="github-connect-heading">Connect a repository</h2>
      <form className="inline-form" onSubmit={submit}>
        <label className="field">
          <span>Repository</span>
          <input
            required
            placeholder="owner/name"
            value={repository}
            onChange={(e) => setRepository(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Token</span>
          <input
            required
            type="password"
            autoComplete="off"
            placeholder="github_pat_… or ghs_…"
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
        </label>
        <button type="submit" className="button button-primary" disabled={connect.isPending}>
          Connect
        </button>
      </form>
      <p className="muted">
        A fine-grained token with read access to issues, pull requests, deployments and contents, or a GitHub
        App installation token. It is stored sealed and never shown again.
      </p>
      {connect.isError && (
        <p className="form-error" role="alert">
          {describeError(connect.error)}
        </p>
      )}
    </section>
  );
}

/** The webhook to add on GitHub: its URL, and its secret shown this once. */
function NewConnection({ connection, onDone }: { connection: ConnectedGithub; onDone: () => void }) {
  return (
    <section className="card-section" aria-labelledby="github-created-heading">
      <h2 id="github-created-heading">Connected to {connection.repository}: add the webhook</h2>
      <p>
        On GitHub, under the repository’s Settings → Webhooks, add <code>{connection.webhookUrl}</code> with
        content type <code>application/json</code>, this secret, and the events Issues, Pull requests,
        Deployment statuses and Releases.
      </p>
      <ShownOnce
        noun="secret"
        label="Webhook secret"
        value={connection.webhookSecret}
        testId="github-webhook-secret"
        notice="Copy it now: it will not be shown again. A new secret needs a new connection."
        onDone={onDone}
      />
    </section>
  );
}

function Status({
  workspaceId,
  connection,
  mayAdmin,
}: {
  workspaceId: string;
  connection: GithubConnection;
  mayAdmin: boolean;
}) {
  const sync = useSyncGithub(workspaceId);
  const [disconnecting, setDisconnecting] = useState(false);
  const { counts } = connection;
  return (
    <section className="card-section" aria-labelledby="github-status-heading" data-testid="github-status">
      <h2 id="github-status-heading">{connection.repository}</h2>
      <dl className="facts">
        <dt>Connected</dt>
        <dd>
          {when(connection.connectedAt)}
          {connection.connectedBy ? ` by ${connection.connectedBy}` : ''}
        </dd>
        <dt>Webhook URL</dt>
        <dd>
          <code>{connection.webhookUrl}</code>
        </dd>
        <dt>Last sync</dt>
        <dd>{when(connection.lastSyncAt)}</dd>
        <dt>Last webhook</dt>
        <dd>{when(connection.lastWebhookAt)}</dd>
        <dt>Read so far</dt>
        <dd>
          {counts.issues} issues, {counts.pullRequests} pull requests, {counts.deployments} deployments,{' '}
          {counts.releases} releases
        </dd>
      </dl>
      {connection.lastSyncError && (
        <p className="form-error" role="alert">
          The last sync failed: {connection.lastSyncError}
        </p>
      )}
      {mayAdmin && (
        <div className="inline-form">
          <button type="button" className="button" disabled={sync.isPending} onClick={() => sync.mutate()}>
            {sync.isPending ? 'Syncing…' : 'Sync now'}
          </button>
          <button type="button" className="button" onClick={() => setDisconnecting(true)}>
            Disconnect
          </button>
        </div>
      )}
      {sync.isError && (
        <p className="form-error" role="alert">
          {describeError(sync.error)}
        </p>
      )}
      {disconnecting && (
        <DisconnectDialog
          workspaceId={workspaceId}
          connection={connection}
          onClose={() => setDisconnecting(false)}
        />
      )}
    </section>
  );
}

function DisconnectDialog({
  workspaceId,
  connection,
  onClose,
}: {
  workspaceId: string;
  connection: GithubConnection;
  onClose: () => void;
}) {
  const disconnect = useDisconnectGithub(workspaceId);
  const { notify } = useToast();
  return (
    <ConfirmDialog
      title={`Disconnect ${connection.repository}?`}
      confirmLabel="Disconnect"
      pending={disconnect.isPending}
      error={disconnect.error}
      onClose={onClose}
      onConfirm={() =>
        disconnect.mutate(undefined, {
          onSuccess: () => {
            notify(`${connection.repository} disconnected`);
            onClose();
          },
        })
      }
    >
      <p>
        The token and the webhook secret are deleted and its webhook is refused from now on. Synced items
        stay.
      </p>
    </ConfirmDialog>
  );
}
