import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { StartedPlan } from '../../../contract';
import { describeError, requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import type { Report } from './assessment-api';
import { HORIZON_LABELS, type Horizon } from './labels';

function useStartPlan(ws: string, number: number) {
  return useMutation({
    mutationFn: (horizon: Horizon) =>
      requestApi<StartedPlan>(`/workspaces/${ws}/assessments/${number}/start-plan`, {
        method: 'POST',
        body: { horizon },
      }),
    meta: { invalidates: invalidates.itemCreated(ws) },
  });
}

/** "Start this plan": a horizon's actions become tasks under a growth initiative, owned by their roles. */
export function StartPlan({ number, plan }: { number: number; plan: Report['plan'] }) {
  const { workspace } = useWorkspace();
  const gate = useGate('roadmap');
  const start = useStartPlan(workspace.id, number);
  const horizons = plan.horizons.filter((h) => h.actions.length > 0);
  if (horizons.length === 0) return null;
  return (
    <section className="card-section" aria-labelledby="start-plan-heading">
      <h2 id="start-plan-heading">Start this plan</h2>
      <p className="muted">
        A horizon’s actions become tasks under a growth initiative, each assigned to the member in its owner
        role, so progress shows in the backlog; a re-assessment then shows what changed.
      </p>
      <div className="report-actions">
        {horizons.map((h) => (
          <button
            key={h.horizon}
            type="button"
            className="button"
            disabled={!gate.allowed || start.isPending}
            title={gate.reason ?? undefined}
            onClick={() => start.mutate(h.horizon)}
          >
            Start “{HORIZON_LABELS[h.horizon]}” ({h.actions.length} actions)
          </button>
        ))}
      </div>
      {start.isError && (
        <p className="form-error" role="alert">
          {describeError(start.error)}
        </p>
      )}
      {start.data && (
        <p role="status">
          Started as initiative #{start.data.initiative.number} with {start.data.items.length} tasks
          {start.data.unowned.length > 0
            ? `; ${start.data.unowned.length} wait unassigned until someone holds their owner role`
            : ''}
          . <Link to={`/w/${workspace.slug}/backlog`}>Open the backlog</Link>
        </p>
      )}
      {!gate.allowed && <p className="muted small">{gate.reason}.</p>}
    </section>
  );
}
