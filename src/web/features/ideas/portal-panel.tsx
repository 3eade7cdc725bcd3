import { useState } from 'react';
import type { PortalSettings, PortalSubmissionView } from '../../../contract';
import { describeError } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { useModeratePortal, usePortalQueue, usePortalSettings, useUpdatePortal } from '../portal/portal-api';
import { useWorkspace } from '../workspaces/workspace-context';

const KIND_LABELS: Record<PortalSubmissionView['kind'], string> = {
  idea: 'New idea',
  evidence: 'Note',
  vote: 'Vote',
  follow: 'Follow',
};

/** Publish or unpublish the portal at an address; the server refuses those without the roadmap decision. */
function PublishForm({ ws, settings }: { ws: string; settings: PortalSettings }) {
  const update = useUpdatePortal(ws);
  const [slug, setSlug] = useState(settings.slug ?? '');
  return (
    <form
      className="button-row companies-add"
      aria-label="Publish the ideas portal"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ published: !settings.published, slug, version: settings.version });
      }}
    >
      <label className="field-inline">
        Address /portal/
        <input
          aria-label="Portal address"
          value={slug}
          required
          maxLength={48}
          onChange={(e) => setSlug(e.target.value.trim().toLowerCase())}
        />
      </label>
      <button type="submit" className="button" disabled={update.isPending}>
        {settings.published ? 'Unpublish the portal' : 'Publish the portal'}
      </button>
      {update.isError && (
        <p className="alert alert-error" role="alert">
          {describeError(update.error)}
        </p>
      )}
    </form>
  );
}

/** One submission waiting for a member: what was sent, by whom, approve or reject. */
function QueueRow({ ws, item, readOnly }: { ws: string; item: PortalSubmissionView; readOnly: boolean }) {
  const moderate = useModeratePortal(ws);
  const act = (action: 'approve' | 'reject') =>
    moderate.mutate({ id: item.id, action, body: { version: item.version } });
  return (
    <tr>
      <td>{KIND_LABELS[item.kind]}</td>
      <td>
        {item.idea ? `#${item.idea.number} ${item.idea.title}` : item.title}
        {item.text !== null && <div className="idea-reason">{item.text}</div>}
      </td>
      <td>{item.importance ?? '—'}</td>
      <td>{item.email}</td>
      <td>
        {!readOnly && (
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={moderate.isPending}
              onClick={() => act('approve')}
            >
              Approve
            </button>
            <button
              type="button"
              className="button button-ghost"
              disabled={moderate.isPending}
              onClick={() => act('reject')}
            >
              Reject
            </button>
          </div>
        )}
        {moderate.isError && (
          <p className="alert alert-error" role="alert">
            {describeError(moderate.error)}
          </p>
        )}
      </td>
    </tr>
  );
}

/**
 * The public ideas portal for members: whether it is published and where, and the moderation
 * queue of what visitors sent and confirmed by e-mail. Everything shown is plain text.
 */
export function PortalPanel() {
  const { workspace } = useWorkspace();
  const settings = usePortalSettings(workspace.id);
  const queue = usePortalQueue(workspace.id);
  const readOnly = workspace.role === 'viewer';
  return (
    <section className="card companies-panel" aria-labelledby="portal-heading">
      <h2 id="portal-heading">Portal</h2>
      {settings.isPending ? (
        <Loading label="Loading the portal" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <>
          <p>
            {settings.data.published && settings.data.slug ? (
              <>
                Published at <a href={`/portal/${settings.data.slug}`}>/portal/{settings.data.slug}</a>:
                anyone can read the ideas with their decisions, and send ideas, notes and votes for you to
                approve.
              </>
            ) : (
              'Not published: nobody outside the team sees the ideas.'
            )}
          </p>
          {!readOnly && (
            <PublishForm key={settings.data.version} ws={workspace.id} settings={settings.data} />
          )}
        </>
      )}
      <h3>Waiting for approval</h3>
      {queue.isPending ? (
        <Loading label="Loading the moderation queue" />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.submissions.length === 0 ? (
        <p className="muted">Nothing waits for approval.</p>
      ) : (
        <table className="table companies-table" aria-label="Moderation queue">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Idea</th>
              <th scope="col">Importance</th>
              <th scope="col">From</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.submissions.map((item) => (
              <QueueRow key={item.id} ws={workspace.id} item={item} readOnly={readOnly} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
