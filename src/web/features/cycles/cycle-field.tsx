import { LEAF_TYPES } from '../../../domain/planning';
import { describeError } from '../../api/client';
import type { Item } from '../../api/types';
import { formatShortDate } from '../roadmap/dates';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import { useAssignCycleItems, useCycles } from './cycles-api';

/**
 * The item's cycle in its panel, settable among the open cycles (the roadmap decision). Only
 * features, tasks and bugs go into cycles.
 */
export function CycleField({ item }: { item: Item }) {
  const { workspace } = useWorkspace();
  const cycles = useCycles(workspace.id);
  const assign = useAssignCycleItems(workspace.id);
  const gate = useGate('roadmap');
  if (!LEAF_TYPES.has(item.type)) return null;
  const all = cycles.data ?? [];
  const current = all.find((c) => c.id === item.cycleId);
  // A closed cycle keeps its items' history; only open ones take new work.
  const choices = all.filter((c) => c.closedAt === null || c.id === item.cycleId);
  const choose = (cycleId: string) => {
    if (cycleId === (item.cycleId ?? '')) return;
    if (cycleId) assign.mutate({ cycleId, add: [item.id] });
    else if (current) assign.mutate({ cycleId: current.id, remove: [item.id] });
  };
  return (
    <>
      <dt>Cycle</dt>
      <dd>
        <select
          aria-label="Cycle"
          value={item.cycleId ?? ''}
          disabled={!gate.allowed || assign.isPending || current?.closedAt != null}
          title={gate.reason ?? undefined}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">No cycle</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id} disabled={c.closedAt !== null}>
              {c.name} ({formatShortDate(c.startDate)} – {formatShortDate(c.endDate)})
            </option>
          ))}
        </select>
        {assign.isError && (
          <p className="form-error" role="alert">
            {describeError(assign.error)}
          </p>
        )}
      </dd>
    </>
  );
}
