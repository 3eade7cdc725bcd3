import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { GettingStartedStep } from '../../../contract';
import { describeError } from '../../api/client';
import { useToast } from '../../components/toast';
import { useWorkspace } from '../workspaces/workspace-context';
import { useAddSampleData, useGettingStarted } from './getting-started-api';
import './getting-started.css';

/** What each step asks, and where to take it (a page of the workspace, or null: right here). */
const STEPS: Record<GettingStartedStep, { title: string; hint: string; page: string | null; link?: string }> =
  {
    items: { title: 'Bring work in', hint: 'Type a title above, or add sample data.', page: null },
    team: { title: 'Invite the team', hint: 'Roles, time and skills.', page: 'team', link: 'Invite' },
    decision_rights: {
      title: 'Set who decides what',
      hint: 'Check the decision rights and save them.',
      page: 'team',
      link: 'Decision rights',
    },
    order: { title: 'Order the backlog', hint: 'Drag a row, or press ↑ and ↓.', page: null },
    estimates: {
      title: 'Estimate the work',
      hint: 'Open an item, or run a session.',
      page: 'estimation',
      link: 'Estimate',
    },
    forecast: {
      title: 'See the plan and a forecast',
      hint: 'When will the next ten items be done?',
      page: 'forecasts?mode=next&n=10',
      link: 'Forecast',
    },
  };

const hiddenKey = (ws: string) => `headway:getting-started-hidden:${ws}`;

/**
 * A new workspace's checklist: each step ticks itself off from what the workspace holds, and an
 * empty workspace can be filled with sample data by its founder. Hidden once every step is done,
 * or when its reader hides it.
 * @param props.refreshKey changes whenever the backlog changed, so the ticks follow at once
 */
export function GettingStarted(props: { refreshKey: number }) {
  const { workspace } = useWorkspace();
  const checklist = useGettingStarted(workspace.id);
  const sample = useAddSampleData(workspace.id);
  const { notify } = useToast();
  const [hidden, setHidden] = useState(() => localStorage.getItem(hiddenKey(workspace.id)) === '1');
  const { refetch } = checklist;

  useEffect(() => {
    if (props.refreshKey) void refetch();
  }, [props.refreshKey, refetch]);

  if (hidden || !checklist.data) return null;
  const { steps, itemCount } = checklist.data;
  const done = steps.filter((s) => s.done).length;
  if (done === steps.length) return null;
  const founder = workspace.role === 'founder';
  const base = `/w/${workspace.slug}`;

  return (
    <section
      className="getting-started"
      aria-labelledby="getting-started-title"
      data-testid="getting-started"
    >
      <header className="getting-started-head">
        <h2 id="getting-started-title">Get started</h2>
        <span className="muted" data-testid="getting-started-progress">
          {done} of {steps.length} done
        </span>
        <span className="getting-started-actions">
          {itemCount === 0 && (
            <>
              <button
                type="button"
                className="button"
                aria-disabled={!founder || sample.isPending || undefined}
                aria-describedby={founder ? undefined : 'sample-data-reason'}
                onClick={() => {
                  if (!founder || sample.isPending) return;
                  sample.mutate(undefined, {
                    onSuccess: (result) => notify(`Added ${result.added} sample items`),
                    onError: (error) => notify(describeError(error), 'error'),
                  });
                }}
              >
                {sample.isPending ? 'Adding sample data…' : 'Add sample data'}
              </button>
              {!founder && (
                <span id="sample-data-reason" className="muted small">
                  Only the founder can add sample data
                </span>
              )}
            </>
          )}
          <button
            type="button"
            className="button button-ghost"
            onClick={() => {
              localStorage.setItem(hiddenKey(workspace.id), '1');
              setHidden(true);
            }}
          >
            Hide
          </button>
        </span>
      </header>
      <ol className="getting-started-steps">
        {steps.map((step) => {
          const info = STEPS[step.id];
          return (
            <li key={step.id} className={step.done ? 'is-done' : undefined} data-testid={`step-${step.id}`}>
              <span className="step-mark" aria-hidden="true">
                {step.done ? '✓' : ''}
              </span>
              <span className="step-text">
                <strong>{info.title}</strong>
                <span className="sr-only">{step.done ? ' (done)' : ' (to do)'}</span>{' '}
                <span className="muted">{info.hint}</span>{' '}
                {info.page && info.link && <Link to={`${base}/${info.page}`}>{info.link}</Link>}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
