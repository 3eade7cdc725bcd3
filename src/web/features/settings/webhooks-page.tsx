import { useState } from 'react';
import { WEBHOOK_EVENT_KINDS, type WebhookEventKind } from '../../../contract/webhooks';
import { CreateNamedForm } from '../../components/create-named-form';
import { RevokeDialog } from '../../components/revoke-dialog';
import { ShownOnce } from '../../components/shown-once';
import { ErrorState, Loading } from '../../components/states';
import { useWorkspace } from '../workspaces/workspace-context';
import {
  type CreatedWebhookEndpoint,
  useCreateWebhookEndpoint,
  useDeleteWebhookEndpoint,
  useFailedJobs,
  useReplayDelivery,
  useRetryFailedJob,
  useWebhookDeliveries,
  useWebhookEndpoints,
  type WebhookEndpoint,
} from './webhooks-api';

const timeOf = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const MANAGERS = ['founder', 'cto', 'ctpo'];

/** Settings → Webhooks: endpoints (secret shown once), their delivery log with replay, failed jobs. */
export function WebhooksPage() {
  const { workspace } = useWorkspace();
  const manages = MANAGERS.includes(workspace.role);
  return (
    <div className="page page-webhooks">
      <header className="page-header">
        <h1>Webhooks</h1>
      </header>
      <p className="muted">
        Headway posts this workspace’s changes to your endpoints, signed: verify the{' '}
        <code>Headway-Signature</code> header (<code>v1=</code> the hex HMAC-SHA256 of{' '}
        <code>&lt;Headway-Timestamp&gt;.&lt;body&gt;</code> with the endpoint’s secret). Failed deliveries are
        retried with growing delays.
      </p>
      {manages ? (
        <Endpoints workspaceId={workspace.id} />
      ) : (
        <p className="muted">Only the founder, the CTO and the CTPO manage webhooks.</p>
      )}
      {workspace.role === 'founder' && <FailedJobs workspaceId={workspace.id} />}
    </div>
  );
}

function Endpoints({ workspaceId }: { workspaceId: string }) {
  const endpoints = useWebhookEndpoints(workspaceId);
  const create = useCreateWebhookEndpoint(workspaceId);
  const [kinds, setKinds] = useState<WebhookEventKind[]>([...WEBHOOK_EVENT_KINDS]);
  const [created, setCreated] = useState<CreatedWebhookEndpoint | null>(null);
  const toggle = (kind: WebhookEventKind) =>
    setKinds((now) => (now.includes(kind) ? now.filter((k) => k !== kind) : [...now, kind]));
  return (
    <section className="card-section" aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">Endpoints</h2>
      <CreateNamedForm
        create={create}
        toInput={(url) => ({ url, kinds })}
        onCreated={setCreated}
        type="url"
        maxLength={2000}
        label="Endpoint URL"
        placeholder="https://hooks.example.com/headway"
        submitLabel="Add endpoint"
      >
        <fieldset className="field">
          <legend>Events</legend>
          {WEBHOOK_EVENT_KINDS.map((kind) => (
            <label key={kind}>
              <input type="checkbox" checked={kinds.includes(kind)} onChange={() => toggle(kind)} /> {kind}
            </label>
          ))}
        </fieldset>
      </CreateNamedForm>
      {created && (
        <ShownOnce
          noun="secret"
          label="Signing secret"
          value={created.secret}
          testId="webhook-secret"
          notice={`Copy the signing secret of ${created.url} now: it will not be shown again.`}
          onDone={() => setCreated(null)}
        />
      )}
      {endpoints.isPending ? (
        <Loading label="Loading the endpoints" />
      ) : endpoints.isError ? (
        <ErrorState error={endpoints.error} onRetry={() => void endpoints.refetch()} />
      ) : endpoints.data.length === 0 ? (
        <p className="muted">No endpoints yet.</p>
      ) : (
        endpoints.data.map((endpoint) => (
          <Endpoint key={endpoint.id} workspaceId={workspaceId} endpoint={endpoint} />
        ))
      )}
    </section>
  );
}

function Endpoint({ workspaceId, endpoint }: { workspaceId: string; endpoint: WebhookEndpoint }) {
  const [open, setOpen] = useState(false);
  const [removing, setRemoving] = useState(false);
  const remove = useDeleteWebhookEndpoint(workspaceId);
  return (
    <div className="webhook-endpoint">
      <p>
        <strong>{endpoint.url}</strong> <span className="muted small">{endpoint.kinds.join(', ')}</span>{' '}
        <button type="button" className="button" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? 'Hide deliveries' : 'Deliveries'}
        </button>{' '}
        <button
          type="button"
          className="button"
          aria-label={`Remove ${endpoint.url}`}
          onClick={() => setRemoving(true)}
        >
          Remove
        </button>
      </p>
      {open && <DeliveryLog workspaceId={workspaceId} endpointId={endpoint.id} />}
      {removing && (
        <RevokeDialog
          title={`Remove ${endpoint.url}?`}
          confirmLabel="Remove endpoint"
          revoke={remove}
          id={endpoint.id}
          doneNotice={`Endpoint ${endpoint.url} removed`}
          onClose={() => setRemoving(false)}
        >
          <p>Nothing more is sent to it, and its delivery log goes with it. This cannot be undone.</p>
        </RevokeDialog>
      )}
    </div>
  );
}

function DeliveryLog({ workspaceId, endpointId }: { workspaceId: string; endpointId: string }) {
  const deliveries = useWebhookDeliveries(workspaceId, endpointId);
  const replay = useReplayDelivery(workspaceId);
  if (deliveries.isPending) return <Loading label="Loading the deliveries" />;
  if (deliveries.isError)
    return <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  if (deliveries.data.length === 0) return <p className="muted">Nothing sent yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Delivery log">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Tries</th>
            <th scope="col">Response</th>
            <th scope="col">Duration</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.map((d) => (
            <tr key={d.id}>
              <td>{timeOf(d.createdAt)}</td>
              <td>{d.event}</td>
              <td title={d.error ?? undefined}>{d.status}</td>
              <td>{d.attempts}</td>
              <td>{d.responseCode ?? '—'}</td>
              <td>{d.durationMs === null ? '—' : `${d.durationMs} ms`}</td>
              <td>
                <button
                  type="button"
                  className="button"
                  onClick={() => replay.mutate({ endpointId, id: d.id })}
                >
                  Replay
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FailedJobs({ workspaceId }: { workspaceId: string }) {
  const jobs = useFailedJobs(workspaceId, true);
  const retry = useRetryFailedJob(workspaceId);
  return (
    <section className="card-section" aria-labelledby="failed-jobs-heading">
      <h2 id="failed-jobs-heading">Failed background jobs</h2>
      {jobs.isPending ? (
        <Loading label="Loading the failed jobs" />
      ) : jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : jobs.data.length === 0 ? (
        <p className="muted">No job has failed every retry.</p>
      ) : (
        <ul aria-label="Failed jobs">
          {jobs.data.map((job) => (
            <li key={job.id}>
              <strong>{job.queue}</strong> after {job.attempts} tries, {timeOf(job.failedAt)}:{' '}
              <span className="muted">{job.error}</span>{' '}
              <button
                type="button"
                className="button"
                disabled={retry.isPending}
                onClick={() => retry.mutate(job.id)}
              >
                Retry
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
