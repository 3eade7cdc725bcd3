import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CreateNamedForm } from '../../components/create-named-form';
import { ShownOnce } from '../../components/shown-once';
import { ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import {
  type CalendarFeed,
  type CreatedCalendarFeed,
  useCalendarFeeds,
  useCreateCalendarFeed,
  useRevokeCalendarFeed,
} from './calendar-feeds-api';
import './calendar-feeds.css';

const dateOf = (iso: string) => new Date(iso).toLocaleDateString();

/**
 * "Subscribe in a calendar": my feeds of this workspace's milestones. A new feed's address is
 * shown once, with a copy button; revoking one stops it at once.
 */
export function CalendarFeedsPanel({ workspaceId }: { workspaceId: string }) {
  const feeds = useCalendarFeeds(workspaceId);
  const create = useCreateCalendarFeed(workspaceId);
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const [revoking, setRevoking] = useState<CalendarFeed | null>(null);
  return (
    <section className="card-section calendar-feeds" aria-labelledby="calendar-feeds-heading">
      <h2 id="calendar-feeds-heading">Subscribe in a calendar</h2>
      <p className="muted">
        Add the milestones of this roadmap to Google Calendar, Outlook or Apple Calendar: each milestone is an
        all-day event on its planned date, updated as the plan changes. The address works without signing in,
        so keep it to yourself; revoke it here when you no longer need it.
      </p>
      <CreateNamedForm
        create={create}
        onCreated={setCreated}
        label="Feed name"
        placeholder="e.g. work calendar"
        submitLabel="Create calendar feed"
      />
      {created && <NewFeed feed={created} onDone={() => setCreated(null)} />}
      {feeds.isPending ? (
        <Loading label="Loading your calendar feeds" />
      ) : feeds.isError ? (
        <ErrorState error={feeds.error} onRetry={() => void feeds.refetch()} />
      ) : feeds.data.length === 0 ? (
        <p className="muted">You have no calendar feeds of this workspace.</p>
      ) : (
        <ul className="calendar-feed-list" aria-label="Your calendar feeds">
          {feeds.data.map((feed) => (
            <li key={feed.id}>
              <span>
                <strong>{feed.name}</strong>{' '}
                <span className="muted small">since {dateOf(feed.createdAt)}</span>
              </span>
              <button
                type="button"
                className="button"
                aria-label={`Revoke ${feed.name}`}
                onClick={() => setRevoking(feed)}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      {revoking && (
        <RevokeFeedDialog workspaceId={workspaceId} feed={revoking} onClose={() => setRevoking(null)} />
      )}
    </section>
  );
}

/** The address of a feed just made: shown here once, with a copy button. */
function NewFeed({ feed, onDone }: { feed: CreatedCalendarFeed; onDone: () => void }) {
  return (
    <div className="new-token">
      <ShownOnce
        noun="address"
        label="Calendar address"
        value={`${window.location.origin}${feed.path}`}
        testId="calendar-feed-url"
        copied="Calendar address copied"
        notice={`Copy the address of “${feed.name}” now and paste it where your calendar subscribes to a calendar from a URL: it will not be shown again.`}
        onDone={onDone}
      />
    </div>
  );
}

function RevokeFeedDialog(props: { workspaceId: string; feed: CalendarFeed; onClose: () => void }) {
  const revoke = useRevokeCalendarFeed(props.workspaceId);
  const { notify } = useToast();
  return (
    <ConfirmDialog
      title={`Revoke “${props.feed.name}”?`}
      confirmLabel="Revoke feed"
      pending={revoke.isPending}
      error={revoke.error}
      onClose={props.onClose}
      onConfirm={() =>
        revoke.mutate(props.feed.id, {
          onSuccess: () => {
            notify(`Calendar feed “${props.feed.name}” revoked`);
            props.onClose();
          },
        })
      }
    >
      <p>Calendars subscribed to this address stop getting the milestones at once. This cannot be undone.</p>
    </ConfirmDialog>
  );
}
