import { type FormEvent, useState } from 'react';
import type { ItemState } from '../../../contract/items';
import { describeError } from '../../api/client';
import { useToast } from '../../components/toast';
import { ITEM_STATES, STATE_LABELS } from '../backlog/labels';
import {
  useCreateWorkflowState,
  useRemoveWorkflowState,
  useUpdateWorkflowState,
  type WorkflowState,
} from './workflow-api';

/**
 * The workflow behind the board: rename, reorder, add and remove states, and set WIP limits. The
 * server decides who may (the technical approach decision) and says who holds it otherwise.
 */
export function WorkflowEditor({ workspaceId, states }: { workspaceId: string; states: WorkflowState[] }) {
  const create = useCreateWorkflowState(workspaceId);
  const { notify } = useToast();
  const [name, setName] = useState('');
  const [builtin, setBuiltin] = useState<ItemState>('in_review');

  const add = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), builtinState: builtin },
      { onSuccess: () => setName(''), onError: (e) => notify(describeError(e), 'error') },
    );
  };

  return (
    <details className="workflow-editor card-section" data-testid="workflow-editor">
      <summary>Workflow: states, order and WIP limits</summary>
      <p className="muted small">
        Each state stands for one of Headway’s built-in states, whose category (backlog, unstarted, started,
        done, cancelled) the metrics read, whatever the state is called. A started state can be marked waiting
        (flow efficiency counts its time as waiting) or blocked (the Delivery page measures its time as
        blocked time, and flow efficiency as waiting).
      </p>
      <table className="workflow-table">
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">Category</th>
            <th scope="col">WIP limit</th>
            <th scope="col">Items</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {states.map((state, index) => (
            <StateRow
              key={`${state.id}:${state.version}`}
              workspaceId={workspaceId}
              states={states}
              state={state}
              index={index}
            />
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={add}>
        <label className="field">
          <span>New state</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} required />
        </label>
        <label className="field">
          <span>Stands for</span>
          <select value={builtin} onChange={(e) => setBuiltin(e.target.value as ItemState)}>
            {ITEM_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={create.isPending}>
          Add state
        </button>
      </form>
    </details>
  );
}

/** The flags a started state can carry, and what each tells the Delivery page. */
const FLAGS = ['waiting', 'blocked'] as const;
const FLAG_HELP: Record<(typeof FLAGS)[number], string> = {
  waiting: 'Work here waits on someone: flow efficiency counts the time as waiting, not worked.',
  blocked:
    'Work here is blocked: the Delivery page measures the time as blocked time, and flow efficiency counts it as waiting.',
};

function StateRow(props: {
  workspaceId: string;
  states: WorkflowState[];
  state: WorkflowState;
  index: number;
}) {
  const { state, states, index } = props;
  const update = useUpdateWorkflowState(props.workspaceId);
  const remove = useRemoveWorkflowState(props.workspaceId);
  const { notify } = useToast();
  const [name, setName] = useState(state.name);
  const [limit, setLimit] = useState(state.wipLimit === null ? '' : String(state.wipLimit));
  const siblings = states.filter((s) => s.id !== state.id && s.builtinState === state.builtinState);
  const [moveTo, setMoveTo] = useState(siblings[0]?.id ?? '');
  const onError = (e: unknown) => notify(describeError(e), 'error');

  const save = (event: FormEvent) => {
    event.preventDefault();
    const wipLimit = limit.trim() === '' ? null : Number(limit);
    update.mutate(
      {
        id: state.id,
        version: state.version,
        ...(name.trim() !== state.name ? { name: name.trim() } : {}),
        ...(wipLimit !== state.wipLimit ? { wipLimit } : {}),
      },
      { onError },
    );
  };
  const move = (position: number) =>
    update.mutate({ id: state.id, version: state.version, position }, { onError });
  const formId = `workflow-state-${state.id}`;

  return (
    <tr data-testid="workflow-state" data-state-name={state.name}>
      <td>
        <form id={formId} onSubmit={save} />
        <input
          form={formId}
          aria-label={`Name of ${state.name}`}
          value={name}
          maxLength={40}
          onChange={(e) => setName(e.target.value)}
        />
      </td>
      <td className="muted small">
        {state.category} ({STATE_LABELS[state.builtinState]})
        {state.category === 'started' &&
          FLAGS.map((flag) => (
            <label key={flag} title={FLAG_HELP[flag]}>
              {' '}
              <input
                type="checkbox"
                aria-label={`${state.name} is a ${flag} state`}
                checked={state[flag]}
                onChange={(e) =>
                  update.mutate(
                    { id: state.id, version: state.version, [flag]: e.target.checked },
                    { onError },
                  )
                }
              />{' '}
              {flag}
            </label>
          ))}
      </td>
      <td>
        <input
          form={formId}
          aria-label={`WIP limit of ${state.name}`}
          type="number"
          min={1}
          placeholder="none"
          value={limit}
          onChange={(e) => setLimit(e.target.value)}
          className="wip-input"
        />
      </td>
      <td>{state.itemCount}</td>
      <td className="workflow-actions">
        <button type="submit" form={formId} className="button" disabled={update.isPending}>
          Save
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Move ${state.name} left`}
          disabled={index === 0}
          onClick={() => move(index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Move ${state.name} right`}
          disabled={index === states.length - 1}
          onClick={() => move(index + 1)}
        >
          ↓
        </button>
        {siblings.length > 0 && (
          <>
            {state.itemCount > 0 && (
              <select
                aria-label={`Where the items of ${state.name} go`}
                value={moveTo}
                onChange={(e) => setMoveTo(e.target.value)}
              >
                {siblings.map((s) => (
                  <option key={s.id} value={s.id}>
                    items to {s.name}
                  </option>
                ))}
              </select>
            )}
            <button
              type="button"
              className="button"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(
                  { id: state.id, version: state.version, ...(state.itemCount > 0 ? { moveTo } : {}) },
                  { onError },
                )
              }
            >
              Remove
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
