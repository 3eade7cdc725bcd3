import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/client';
import { useItems } from '../../api/item-hooks';
import { useAddDependency, useRemoveDependency } from '../../api/item-write-hooks';
import type { Item } from '../../api/types';
import { useGate, useWorkspace } from '../workspaces/workspace-context';

/** What an item waits for: add by number, remove, and the server's cycle error shown as is. */
export function DependenciesPanel({ item, onOpen }: { item: Item; onOpen: (id: string) => void }) {
  const { workspace } = useWorkspace();
  const gate = useGate('dependencies');
  const all = useItems(workspace.id, {});
  const add = useAddDependency(workspace.id, item.id);
  const remove = useRemoveDependency(workspace.id, item.id);
  const [number, setNumber] = useState('');
  const [lag, setLag] = useState('0');
  const [problem, setProblem] = useState<string | null>(null);
  const byId = new Map((all.data ?? []).map((it) => [it.id, it] as const));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = Number(number.replace('#', ''));
    const target = (all.data ?? []).find((it) => it.number === wanted);
    if (!target) {
      setProblem(`There is no item #${number.replace('#', '')} in this workspace`);
      return;
    }
    setProblem(null);
    add.mutate(
      { dependsOnId: target.id, lagDays: Number(lag) || 0 },
      { onSuccess: () => setNumber(''), onError: (error) => setProblem(describeError(error)) },
    );
  };

  return (
    <section className="panel-section" aria-labelledby="deps-heading">
      <h3 id="deps-heading">Depends on</h3>
      {item.dependsOn.length === 0 ? (
        <p className="muted">Nothing: this item can start any time.</p>
      ) : (
        <ul className="plain-list">
          {item.dependsOn.map((d) => {
            const other = byId.get(d.itemId);
            const name = other ? `#${other.number} ${other.title}` : d.itemId.slice(0, 8);
            return (
              <li key={d.itemId} className="dep-row">
                <button type="button" className="link-button" onClick={() => onOpen(d.itemId)}>
                  {name}
                </button>
                {d.lagDays > 0 && <span className="muted"> +{d.lagDays}d</span>}
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove dependency on ${name}`}
                  disabled={!gate.allowed}
                  title={gate.reason ?? undefined}
                  onClick={() =>
                    remove.mutate(d.itemId, { onError: (error) => setProblem(describeError(error)) })
                  }
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="inline-form" onSubmit={submit}>
        <fieldset disabled={!gate.allowed} className="inline-fields">
          <legend className="sr-only">Add a dependency</legend>
          <input
            aria-label="Item number this depends on"
            placeholder="#number"
            value={number}
            required
            onChange={(e) => setNumber(e.target.value)}
          />
          <input
            aria-label="Lag in days"
            type="number"
            min={0}
            max={365}
            value={lag}
            onChange={(e) => setLag(e.target.value)}
            className="narrow"
          />
          <button type="submit" className="button">
            Add dependency
          </button>
        </fieldset>
      </form>
      {!gate.allowed && (
        <p className="notice small" role="note">
          {gate.reason}.
        </p>
      )}
      {problem && (
        <p className="form-error" role="alert" data-testid="dependency-error">
          {problem}
        </p>
      )}
    </section>
  );
}
