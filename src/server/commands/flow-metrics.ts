import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import {
  BUILTIN_STATE_CATEGORIES,
  CYCLE_TIME_DEFINITION,
  type FlowMetricsView,
  ITEM_STATES,
  type ItemState,
  type ItemType,
  METRICS_DEFAULTS,
  type MetricsQuery,
  todayIso,
} from '../../contract';
import type { Database } from '../../db/client';
import { itemStateChanges, items, memberships, users } from '../../db/schema';
import {
  computeFlowMetrics,
  type FlowCategory,
  type FlowItem,
  type FlowWorkflow,
  resolveWorkflowState,
} from '../../domain/flow';
import { formatIsoDay, MS_PER_DAY, toDayNumber } from '../../domain/shared';
import { AppError } from '../errors';
import { loadWorkflowStates } from './workflow-states';

/** Flow metrics count the work that flows: features, tasks and bugs, as throughput forecasts do. */
const FLOW_TYPES: ItemType[] = ['feature', 'task', 'bug'];

/** Headway's built-in states in board order, each in its category: the workflow before a team changes it. */
export const HEADWAY_WORKFLOW: FlowWorkflow = {
  states: Object.entries(BUILTIN_STATE_CATEGORIES).map(([name, category]) => ({ name, category })),
};

/** A workflow state as the metrics read it: the engine knows it by id. */
type MetricState = {
  id: string;
  name: string;
  builtinState: ItemState;
  category: FlowCategory;
  position: number;
  wipLimit: number | null;
  waiting: boolean;
  blocked: boolean;
};

/**
 * The states the metrics count in: the workspace's workflow in board order, and for a built-in
 * state no workflow state stands for (a workspace written before workflows), the built-in one.
 */
async function loadMetricStates(db: Database, workspaceId: string): Promise<MetricState[]> {
  const states: MetricState[] = await loadWorkflowStates(db, workspaceId);
  for (const builtinState of ITEM_STATES) {
    if (states.some((s) => s.builtinState === builtinState)) continue;
    const category = BUILTIN_STATE_CATEGORIES[builtinState];
    const position = states.length;
    states.push({
      id: builtinState,
      name: builtinState,
      builtinState,
      category,
      position,
      wipLimit: null,
      waiting: false,
      blocked: false,
    });
  }
  return states;
}

/** Counts per built-in state, in the order each first appears (two workflow states may share one). */
function sumByBuiltinState(
  counts: { state: ItemState; count: number }[],
): { state: ItemState; count: number }[] {
  const sums = new Map<ItemState, number>();
  for (const { state, count } of counts) sums.set(state, (sums.get(state) ?? 0) + count);
  return [...sums].map(([state, count]) => ({ state, count }));
}

type Person = { key: string; name: string };

/** A flow item with what the presenter shows of it. */
type LoadedItem = FlowItem & {
  number: number;
  title: string;
  state: ItemState;
  workflowStateId: string | null;
};

/**
 * The people items can be assigned to: members by e-mail, and names imported files gave.
 * @param db the database
 * @param workspaceId the workspace
 * @returns by lower-cased key
 */
async function loadPeople(db: Database, workspaceId: string): Promise<Map<string, Person>> {
  const members = await db
    .select({ email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId));
  const imported = await db
    .selectDistinct({ name: items.importedAssignee })
    .from(items)
    .where(and(eq(items.workspaceId, workspaceId), inArray(items.type, FLOW_TYPES)));
  const people = new Map<string, Person>();
  for (const { name } of imported) if (name) people.set(name.toLowerCase(), { key: name, name });
  for (const { email, name } of members) people.set(email.toLowerCase(), { key: email, name });
  return people;
}

/**
 * Features, tasks and bugs of a workspace with their state history up to a moment.
 * @param db the database
 * @param workspaceId the workspace
 * @param states the states the metrics count in; each change enters the workflow state it names,
 *   or when it names none (an import, a state since removed) the first standing for its built-in state
 * @param asOf the last moment read
 * @returns the items, transitions (by state id) oldest first
 */
async function loadFlowItems(
  db: Database,
  workspaceId: string,
  states: readonly MetricState[],
  asOf: Date,
): Promise<LoadedItem[]> {
  const rows = await db
    .select({
      id: items.id,
      number: items.number,
      title: items.title,
      state: items.state,
      workflowStateId: items.workflowStateId,
      email: users.email,
      imported: items.importedAssignee,
    })
    .from(items)
    .leftJoin(users, eq(users.id, items.assigneeId))
    .where(and(eq(items.workspaceId, workspaceId), inArray(items.type, FLOW_TYPES)));
  const byId = new Map<string, LoadedItem & { transitions: { state: string; at: number }[] }>();
  for (const row of rows) {
    const assignee = row.email ?? row.imported;
    byId.set(row.id, {
      id: row.id,
      number: row.number,
      title: row.title,
      state: row.state,
      workflowStateId: row.workflowStateId,
      assignee,
      transitions: [],
    });
  }
  const changes = await db
    .select({
      itemId: itemStateChanges.itemId,
      state: itemStateChanges.toState,
      workflowStateId: itemStateChanges.toWorkflowStateId,
      at: itemStateChanges.changedAt,
    })
    .from(itemStateChanges)
    .where(and(eq(itemStateChanges.workspaceId, workspaceId), lte(itemStateChanges.changedAt, asOf)))
    .orderBy(asc(itemStateChanges.changedAt), asc(itemStateChanges.id));
  for (const change of changes) {
    const entered = resolveWorkflowState(states, change)!;
    byId.get(change.itemId)?.transitions.push({ state: entered.id, at: change.at.getTime() });
  }
  return [...byId.values()];
}

/**
 * The flow metrics of a workspace over a period, optionally for one person's items.
 * @param db the database
 * @param workspaceId the workspace
 * @param query the period (default: the 90 days up to today) and the person (e-mail)
 * @param now the current moment (a period ending today is read up to it)
 * @returns the metrics as the API shows them; a person nobody in the workspace is gives a 400
 */
export async function buildFlowMetrics(
  db: Database,
  workspaceId: string,
  query: MetricsQuery,
  now = new Date(),
): Promise<FlowMetricsView> {
  const to = query.to ?? todayIso(now);
  const toDay = toDayNumber(to);
  const fromDay = query.from ? toDayNumber(query.from) : toDay - (METRICS_DEFAULTS.periodDays - 1);
  const asOf = Math.min(now.getTime(), (toDay + 1) * MS_PER_DAY - 1);
  const people = await loadPeople(db, workspaceId);
  const person = query.person === undefined ? null : people.get(query.person.trim().toLowerCase());
  if (person === undefined) {
    throw new AppError(
      'validation_failed',
      `person: nobody in this workspace is ${query.person}; give the e-mail of a member or an assignee name from an import`,
      { details: { field: 'person' } },
    );
  }
  const workflow = await loadMetricStates(db, workspaceId);
  const all = await loadFlowItems(db, workspaceId, workflow, new Date(asOf));
  const chosen = person ? all.filter((i) => i.assignee?.toLowerCase() === person.key.toLowerCase()) : all;
  // The engine knows states by id and reads only their categories and flags, never their names.
  // Nobody works on blocked work, so flow efficiency counts its time as waiting too; but only once
  // a started state is marked waiting: with blocked states alone, time in queues would pass for work.
  const queues = workflow.some((s) => s.waiting && s.category === 'started');
  const metrics = computeFlowMetrics({
    items: chosen,
    workflow: {
      states: workflow.map((s) => ({
        name: s.id,
        category: s.category,
        waiting: s.waiting || (queues && s.blocked),
        blocked: s.blocked,
      })),
    },
    period: { fromDay, toDay, asOf },
  });
  const stateOf = new Map(workflow.map((s) => [s.id, s]));
  const builtinOf = (id: string) => stateOf.get(id)!.builtinState;
  const itemOf = new Map(chosen.map((i) => [i.id, i]));
  const startedNow = new Map<string, number>();
  for (const item of chosen) {
    const state = resolveWorkflowState(workflow, item);
    if (state?.category === 'started') startedNow.set(state.id, (startedNow.get(state.id) ?? 0) + 1);
  }
  const ref = (id: string) => ({ itemId: id, number: itemOf.get(id)!.number, title: itemOf.get(id)!.title });
  const personOf = (key: string | null): Person | null =>
    key === null ? null : (people.get(key.toLowerCase()) ?? { key, name: key });
  const iso = (ms: number) => new Date(ms).toISOString();
  const p = metrics.cycleTime.percentiles;
  return {
    from: formatIsoDay(fromDay),
    to,
    asOf: iso(asOf),
    person,
    definition: CYCLE_TIME_DEFINITION,
    cycleTimeDays: {
      count: metrics.cycleTime.count,
      '50': p?.[50] ?? null,
      '70': p?.[70] ?? null,
      '85': p?.[85] ?? null,
      '95': p?.[95] ?? null,
    },
    cycleTimes: metrics.cycleTime.items.map((f) => ({
      ...ref(f.id),
      startedAt: iso(f.startedAt),
      finishedAt: iso(f.finishedAt),
      days: f.cycleTimeDays,
    })),
    finishedWithoutStart: metrics.cycleTime.finishedWithoutStart,
    throughput: {
      total: metrics.throughput.total,
      daily: metrics.throughput.daily.map((d) => ({ date: formatIsoDay(d.day), count: d.count })),
      weekly: metrics.throughput.weekly.map((w) => ({
        weekStart: formatIsoDay(w.weekStart),
        days: w.days,
        count: w.count,
      })),
    },
    cumulativeFlow: {
      states: metrics.cumulativeFlow.states.map(builtinOf),
      names: metrics.cumulativeFlow.states.map((id) => stateOf.get(id)!.name),
      days: metrics.cumulativeFlow.days.map((d) => ({ date: formatIsoDay(d.day), counts: d.counts })),
    },
    aging: metrics.aging.map((a) => ({
      ...ref(a.id),
      state: builtinOf(a.state),
      stateName: stateOf.get(a.state)!.name,
      assignee: personOf(a.assignee),
      startedAt: iso(a.startedAt),
      ageDays: a.ageDays,
      olderThanPercent: a.olderThanPercent,
    })),
    wip: {
      total: metrics.wip.total,
      byState: sumByBuiltinState(
        metrics.wip.byState.map((s) => ({ state: builtinOf(s.state), count: s.count })),
      ),
      byWorkflowState: workflow
        .filter((s) => s.category === 'started')
        .map((s) => ({
          stateId: s.id,
          name: s.name,
          builtinState: s.builtinState,
          count: startedNow.get(s.id) ?? 0,
          wipLimit: s.wipLimit,
        })),
      byPerson: metrics.wip.byPerson.map((p) => ({ person: personOf(p.assignee), count: p.count })),
    },
    blockedTime: metrics.blockedTime.available
      ? {
          available: true,
          items: metrics.blockedTime.items,
          blockedDays: metrics.blockedTime.flaggedDays,
          share: metrics.blockedTime.share,
        }
      : metrics.blockedTime,
    flowEfficiency: metrics.flowEfficiency,
    people: [...people.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
