import { useState } from 'react';
import { describeError } from '../../api/client';
import { Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { useGate } from '../workspaces/workspace-context';
import { describeDayDifference, formatShortDate } from './dates';
import type { RoadmapComparison } from './roadmap-api';
import { usePublishSnapshot, useSnapshots } from './roadmap-api';

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

interface VersionsPanelProps {
  workspaceId: string;
  compareTo: string | null;
  onCompare: (snapshotId: string | null) => void;
}

/**
 * Published plan versions: publish the current plan (the roadmap decision, disabled with the
 * reason for those who do not hold it), list versions and pick one to compare against.
 */
export function VersionsPanel({ workspaceId, compareTo, onCompare }: VersionsPanelProps) {
  const snapshots = useSnapshots(workspaceId);
  const publish = usePublishSnapshot(workspaceId);
  const gate = useGate('roadmap');
  const { notify } = useToast();
  const [note, setNote] = useState('');

  return (
    <section className="roadmap-section versions" aria-labelledby="versions-title">
      <h2 id="versions-title">Plan versions</h2>
      <form
        className="versions-publish"
        onSubmit={(e) => {
          e.preventDefault();
          publish.mutate(note.trim() ? { note: note.trim() } : {}, {
            onSuccess: (v) => {
              setNote('');
              notify(`Version ${v.version} published`);
            },
          });
        }}
      >
        <label className="field grow">
          <span>Note for this version</span>
          <input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={2000}
            placeholder="What changed, what was decided"
            disabled={!gate.allowed}
          />
        </label>
        <button
          type="submit"
          className="button button-primary"
          disabled={!gate.allowed || publish.isPending}
          aria-describedby={gate.reason ? 'publish-reason' : undefined}
        >
          {publish.isPending ? 'Publishing…' : 'Publish this plan'}
        </button>
      </form>
      {gate.reason && (
        <p id="publish-reason" className="muted small">
          {gate.reason}
        </p>
      )}
      {publish.isError && (
        <p className="form-error" role="alert">
          {describeError(publish.error)}
        </p>
      )}
      {snapshots.isPending ? (
        <Loading label="Loading versions" />
      ) : snapshots.isError ? (
        <p className="form-error">{describeError(snapshots.error)}</p>
      ) : snapshots.data.length === 0 ? (
        <p className="muted small">
          No version published yet. Publishing keeps today’s dates so later changes show as slips.
        </p>
      ) : (
        <ul className="versions-list">
          {snapshots.data.map((s) => (
            <li key={s.id} className={compareTo === s.id ? 'is-selected' : ''}>
              <div>
                <strong>Version {s.version}</strong>{' '}
                <span className="muted small">
                  {DATE_TIME.format(new Date(s.publishedAt))} · {s.items} items · ends{' '}
                  {s.endDate ? formatShortDate(s.endDate) : '—'}
                </span>
                {s.note && <p className="versions-note">{s.note}</p>}
              </div>
              {compareTo === s.id ? (
                <button type="button" className="button" onClick={() => onCompare(null)}>
                  Stop comparing
                </button>
              ) : (
                <button type="button" className="button" onClick={() => onCompare(s.id)}>
                  Compare with version {s.version}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Slips since a published version: milestones, then the items that moved. */
export function ComparisonPanel(props: {
  comparison: RoadmapComparison;
  onOpen: (itemId: string) => void;
  onClose: () => void;
}) {
  const { comparison } = props;
  const moved = comparison.items.filter((i) => i.status !== 'same');
  const statusText = (s: RoadmapComparison['items'][number]) =>
    s.status === 'added'
      ? 'new in the plan'
      : s.status === 'removed'
        ? 'no longer planned'
        : describeDayDifference(s.slipDays);
  const cls = (s: RoadmapComparison['items'][number]) =>
    s.status === 'later' || s.status === 'removed'
      ? 'diff-later'
      : s.status === 'earlier'
        ? 'diff-earlier'
        : 'diff-same';
  return (
    <section
      className="roadmap-section comparison"
      aria-labelledby="comparison-title"
      data-testid="comparison"
    >
      <div className="comparison-head">
        <h2 id="comparison-title">Since version {comparison.version}</h2>
        <button type="button" className="button button-ghost" onClick={props.onClose}>
          Stop comparing
        </button>
      </div>
      <p>{comparison.summary}</p>
      <div className="table-scroll">
        <table className="scenario-table">
          <caption className="sr-only">Milestones since version {comparison.version}</caption>
          <thead>
            <tr>
              <th scope="col">Milestone</th>
              <th scope="col">Then</th>
              <th scope="col">Now</th>
              <th scope="col">Slip</th>
            </tr>
          </thead>
          <tbody>
            {comparison.milestones.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.title}</th>
                <td>{m.before ? formatShortDate(m.before) : '—'}</td>
                <td>{m.after ? formatShortDate(m.after) : '—'}</td>
                <td className={cls(m)}>{statusText(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {moved.length === 0 ? (
        <p className="muted small">No item moved since then.</p>
      ) : (
        <details className="scenario-moved" open={moved.length <= 12}>
          <summary>
            {moved.length} {moved.length === 1 ? 'item' : 'items'} moved
          </summary>
          <ul>
            {moved.map((s) => (
              <li key={s.id}>
                {s.status === 'removed' ? (
                  <span>{s.title}</span>
                ) : (
                  <button type="button" className="link-button" onClick={() => props.onOpen(s.id)}>
                    {s.title}
                  </button>
                )}{' '}
                <span className={cls(s)}>{statusText(s)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
