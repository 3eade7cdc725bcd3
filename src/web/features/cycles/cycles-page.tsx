import './cycles.css';
import { type FormEvent, useState } from 'react';
import { addDays } from '../../../domain/shared/calendar';
import { describeError } from '../../api/client';
import { useItems } from '../../api/item-hooks';
import type { Item } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { STATE_LABELS } from '../backlog/labels';
import { formatShortDate } from '../roadmap/dates';
import { type Gate, useGate, useWorkspace } from '../workspaces/workspace-context';
import { type Cycle, useCloseCycle, useCreateCycle, useCycles } from './cycles-api';
import { findNextOpenCycle, formatWork, groupCycles } from './cycles-format';

const CYCLE_DAYS = 14;

/**
 * /w/:slug/cycles: the workspace's cycles (current, upcoming, past) with their capacity,
 * committed and finished work and carry-over; create one, close one.
 */
export function CyclesPage() {
  const { workspace } = useWorkspace();
  const cycles = useCycles(workspace.id);
  const items = useItems(workspace.id, {});
  const gate = useGate('roadmap');
  const today = new Date().toISOString().slice(0, 10);
  const [closing, setClosing] = useState<Cycle | null>(null);

  return (
    <div className="page page-cycles">
      <header className="page-header">
        <h1>Cycles</h1>
      </header>
      <p className="muted">
        Time boxes for features, tasks and bugs. Capacity is the person-days of the people the plan counts on
        (FTE × working days, holidays and time off taken out). Closing a cycle carries its unfinished items
        over to the next open cycle.
      </p>
      {cycles.isPending ? (
        <Loading label="Loading the cycles" />
      ) : cycles.isError ? (
        <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : (
        <>
          <CreateCycleForm cycles={cycles.data} today={today} gate={gate} />
          {(['current', 'upcoming', 'past'] as const).map((group) => (
            <CycleGroup
              key={group}
              group={group}
              cycles={groupCycles(cycles.data, today)[group]}
              all={cycles.data}
              items={items.data ?? []}
              gate={gate}
              onClose={setClosing}
            />
          ))}
        </>
      )}
      {closing && (
        <CloseCycleDialog
          cycle={closing}
          next={findNextOpenCycle(cycles.data ?? [], closing)}
          unfinished={(items.data ?? []).filter(
            (i) => i.cycleId === closing.id && i.state !== 'done' && i.state !== 'cancelled',
          )}
          onClose={() => setClosing(null)}
        />
      )}
    </div>
  );
}

const GROUP_TITLES = { current: 'Current', upcoming: 'Upcoming', past: 'Past' } as const;

function CycleGroup(props: {
  group: keyof typeof GROUP_TITLES;
  cycles: Cycle[];
  all: Cycle[];
  items: Item[];
  gate: Gate;
  onClose: (cycle: Cycle) => void;
}) {
  const id = `cycles-${props.group}`;
  return (
    <section className="card-section" aria-labelledby={id}>
      <h2 id={id}>{GROUP_TITLES[props.group]}</h2>
      {props.cycles.length === 0 ? (
        <p className="muted">
          {props.group === 'current' ? 'No cycle runs today.' : `No ${props.group} cycle.`}
        </p>
      ) : (
        props.cycles.map((cycle) => (
          <CycleCard
            key={cycle.id}
            cycle={cycle}
            all={props.all}
            items={props.items.filter((i) => i.cycleId === cycle.id)}
            gate={props.gate}
            onClose={() => props.onClose(cycle)}
          />
        ))
      )}
    </section>
  );
}

function CycleCard(props: { cycle: Cycle; all: Cycle[]; items: Item[]; gate: Gate; onClose: () => void }) {
  const { cycle, gate } = props;
  const carriedTo = props.all.find((c) => c.id === cycle.carriedOver.toCycleId);
  return (
    <article className="cycle-card" data-testid="cycle" aria-label={cycle.name}>
      <div className="cycle-head">
        <h3>{cycle.name}</h3>
        <span className="muted">
          {formatShortDate(cycle.startDate)} – {formatShortDate(cycle.endDate)}
        </span>
        {cycle.closedAt ? (
          <span className="badge badge-muted">closed</span>
        ) : (
          <button
            type="button"
            className="button button-ghost"
            disabled={!gate.allowed}
            title={gate.reason ?? undefined}
            onClick={props.onClose}
          >
            Close cycle
          </button>
        )}
      </div>
      <dl className="cycle-figures">
        <div>
          <dt>Capacity</dt>
          <dd>{Math.round(cycle.capacityDays * 10) / 10} person-days</dd>
        </div>
        <div>
          <dt>Committed</dt>
          <dd>{formatWork(cycle.committed)}</dd>
        </div>
        <div>
          <dt>Done</dt>
          <dd>{formatWork(cycle.completed)}</dd>
        </div>
        <div>
          <dt>Carried over</dt>
          <dd>
            {cycle.closedAt
              ? `${cycle.carriedOver.items} item${cycle.carriedOver.items === 1 ? '' : 's'}${carriedTo ? ` to ${carriedTo.name}` : ''}`
              : '—'}
          </dd>
        </div>
      </dl>
      {cycle.committed.estimateDays > cycle.capacityDays && !cycle.closedAt && (
        <p className="notice small" role="note">
          Committed work exceeds the capacity by{' '}
          {Math.round((cycle.committed.estimateDays - cycle.capacityDays) * 10) / 10} person-days.
        </p>
      )}
      {props.items.length > 0 && (
        <ul className="cycle-items" aria-label={`Items in ${cycle.name}`}>
          {props.items.map((item) => (
            <li key={item.id}>
              <span className="muted">#{item.number}</span> {item.title}{' '}
              <span className="muted small">{STATE_LABELS[item.state]}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function CreateCycleForm({ cycles, today, gate }: { cycles: Cycle[]; today: string; gate: Gate }) {
  const { workspace } = useWorkspace();
  const create = useCreateCycle(workspace.id);
  const { notify } = useToast();
  // The next cycle starts the day after the last one ends, or today.
  const last = cycles.at(-1);
  const start = last && last.endDate >= today ? addDays(last.endDate, 1) : today;
  const [name, setName] = useState('');
  const [startDate, setStartDate] = useState(start);
  const [endDate, setEndDate] = useState(addDays(start, CYCLE_DAYS - 1));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, startDate, endDate },
      {
        onSuccess: (created) => {
          notify(`Cycle “${created.name}” created`);
          setName('');
          const next = addDays(created.endDate, 1);
          setStartDate(next);
          setEndDate(addDays(next, CYCLE_DAYS - 1));
        },
      },
    );
  };
  return (
    <section className="card-section" aria-labelledby="new-cycle">
      <h2 id="new-cycle">New cycle</h2>
      <form className="inline-form" onSubmit={submit}>
        <label className="field grow">
          <span>Cycle name</span>
          <input
            required
            maxLength={80}
            placeholder="Cycle 12"
            value={name}
            disabled={!gate.allowed}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="field">
          <span>First day</span>
          <input
            type="date"
            required
            value={startDate}
            disabled={!gate.allowed}
            onChange={(e) => setStartDate(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Last day</span>
          <input
            type="date"
            required
            value={endDate}
            disabled={!gate.allowed}
            onChange={(e) => setEndDate(e.target.value)}
          />
        </label>
        <button type="submit" className="button button-primary" disabled={!gate.allowed || create.isPending}>
          Create cycle
        </button>
      </form>
      {gate.reason && <p className="muted small">{gate.reason}</p>}
      {create.isError && (
        <p className="form-error" role="alert">
          {describeError(create.error)}
        </p>
      )}
    </section>
  );
}

function CloseCycleDialog(props: {
  cycle: Cycle;
  next: Cycle | undefined;
  unfinished: Item[];
  onClose: () => void;
}) {
  const { workspace } = useWorkspace();
  const close = useCloseCycle(workspace.id);
  const { notify } = useToast();
  const count = props.unfinished.length;
  return (
    <ConfirmDialog
      title={`Close ${props.cycle.name}`}
      confirmLabel="Close cycle"
      pending={close.isPending}
      error={close.error}
      onClose={props.onClose}
      onConfirm={() =>
        close.mutate(
          { id: props.cycle.id, version: props.cycle.version },
          {
            onSuccess: (closed) => {
              notify(`Cycle “${closed.name}” closed`);
              props.onClose();
            },
          },
        )
      }
    >
      <p>
        {count === 0
          ? 'Everything in it is finished: nothing carries over.'
          : props.next
            ? `${count} unfinished item${count === 1 ? '' : 's'} will carry over to ${props.next.name}.`
            : `${count} unfinished item${count === 1 ? '' : 's'} and no later open cycle: create the next cycle first.`}
      </p>
    </ConfirmDialog>
  );
}
