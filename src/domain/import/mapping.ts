/**
 * The mapping: how the file's vocabulary becomes Headway's (their statuses → our states, types,
 * priorities, people → members, estimates, extra fields → labels). It is plain data the user can
 * read and edit before anything is written; `deriveDefaultMapping` proposes one from the file.
 */
import { buildCalibrationProfile, type CompletedEstimate } from '../estimation';
import type { GenericColumns } from './generic-csv';
import type {
  ExtraLabelField,
  ImportFormat,
  ImportItemState,
  ImportItemType,
  SourceItem,
  SourceParse,
  SourcePerson,
  StateCategory,
} from './types';
import { setOwn } from './types';

/** Who a person of the file becomes. Unknown people are invited by email, never given accounts. */
export type PersonMatch =
  | { kind: 'member'; email: string }
  | { kind: 'invite'; email: string }
  | { kind: 'unmatched' };

/** How an original time estimate becomes a three-point estimate in days. */
export type TimeEstimateRule =
  | { mode: 'likely-only'; basis: string }
  | { mode: 'spread'; optimisticRatio: number; pessimisticRatio: number; basis: string };

/** Everything the user can change about how a file is read and mapped. */
export interface ImportMapping {
  format: ImportFormat;
  /** Date format of the file (null: detected); see ./dates.ts for the tokens. */
  dateFormat: string | null;
  /** Time zone of times written without one, such as "+02:00" (null: UTC). */
  timeZone: string | null;
  /** Hours in a working day, to turn time estimates and time spent into days. */
  hoursPerDay: number;
  /** Their status name → our state ("" for rows without a status). */
  states: Record<string, ImportItemState>;
  /** Their resolution → whether a finished item was done or cancelled (Jira's "Won't Do" → cancelled). */
  resolutions: Record<string, 'done' | 'cancelled'>;
  /** Their type name → our type ("" for rows without a type). */
  types: Record<string, ImportItemType>;
  /** Their priority → a label, or null to drop it (Headway orders the backlog by rank instead). */
  priorities: Record<string, string | null>;
  /** Person key (email, or the name as found) → member, invitation, or unmatched. */
  people: Record<string, PersonMatch>;
  /** Story points stay story points, or are ignored. */
  points: 'story-points' | 'ignore';
  timeEstimates: TimeEstimateRule;
  /** Extra fields whose values become labels ("sprint:Sprint 4", "project:Web"; components as they are). */
  labelsFrom: ExtraLabelField[];
  /** GitHub milestones: initiatives with a target date (Headway's milestones), labels, or nothing. */
  milestones: 'initiatives' | 'labels' | 'ignore';
  /** Generic CSV: which header holds each field. Null for the other formats. */
  columns: GenericColumns | null;
}

/** A member of the workspace, for matching people. */
export interface WorkspaceMember {
  email: string;
  name: string;
}

/** The key a person is known by in the mapping: their email, or the name as found. */
export function personKey(person: SourcePerson): string {
  return person.email ? person.email.toLowerCase() : (person.name ?? '').trim();
}

const CANCELLED_WORDS =
  /won'?t|wont|not[ _-]?planned|cancel|reject|declin|duplicate|obsolete|invalid|cannot reproduce|can'?t reproduce|incomplete|abandon|out of scope/i;

/** The category a status name suggests when the file states none. */
export function guessCategoryFromName(name: string): StateCategory {
  if (CANCELLED_WORDS.test(name)) return 'cancelled';
  if (/done|closed|resolved|complete|shipped|released|deployed|finished|merged|fixed/i.test(name))
    return 'done';
  if (
    /progress|doing|review|develop|test|qa|started|active|implement|blocked|verif|deploying|coding/i.test(
      name,
    )
  )
    return 'in_progress';
  return 'todo';
}

/** Our state for a category, refined by the status name (Ready, In Review). */
export function stateForCategory(category: StateCategory, name: string): ImportItemState {
  switch (category) {
    case 'todo':
      return /ready|selected|^to ?do$|todo|planned|next|committed/i.test(name) ? 'ready' : 'new';
    case 'in_progress':
      return /review|qa|test|verif/i.test(name) ? 'in_review' : 'in_progress';
    case 'done':
      return 'done';
    case 'cancelled':
      return 'cancelled';
  }
}

/** Our type for a type name. */
export function guessType(name: string): ImportItemType {
  if (/initiative|theme|objective|program/i.test(name)) return 'initiative';
  if (/epic/i.test(name)) return 'epic';
  if (/bug|defect|incident|problem|error/i.test(name)) return 'bug';
  if (/story|feature|improvement|enhancement|requirement/i.test(name)) return 'feature';
  return 'task';
}

/** The category a row's own facts show: the file's category, or its timestamps. */
export function evidenceCategory(item: SourceItem): StateCategory | null {
  if (item.statusCategory) return item.statusCategory;
  if (item.cancelledAt) return 'cancelled';
  if (item.completedAt || item.resolution) return 'done';
  if (item.startedAt) return 'in_progress';
  return null;
}

const CATEGORY_NAMES: Readonly<Record<StateCategory, string>> = {
  todo: 'to do',
  in_progress: 'in progress',
  done: 'done',
  cancelled: 'cancelled',
};

function deriveStates(items: readonly SourceItem[], notes: string[]): Record<string, ImportItemState> {
  const votes = new Map<string, Map<StateCategory, number>>();
  for (const item of items) {
    const tally = votes.get(item.status) ?? new Map<StateCategory, number>();
    votes.set(item.status, tally);
    const category = evidenceCategory(item);
    if (category) tally.set(category, (tally.get(category) ?? 0) + 1);
  }
  const states: Record<string, ImportItemState> = {};
  for (const [status, tally] of votes) {
    const ranked = [...tally].sort((a, b) => b[1] - a[1]);
    let category = ranked[0]?.[0];
    if (!category) {
      category = guessCategoryFromName(status);
      notes.push(
        `Status "${status || '(none)'}" has no category in the file; guessed ${CATEGORY_NAMES[category]} from its name.`,
      );
    }
    setOwn(states, status, stateForCategory(category, status));
  }
  return states;
}

function deriveTimeRule(items: readonly SourceItem[], hoursPerDay: number): TimeEstimateRule {
  const records: CompletedEstimate[] = [];
  for (const item of items) {
    if (!(item.timeEstimateHours && item.timeSpentHours && item.completedAt)) continue;
    records.push({
      itemId: item.key,
      estimate: { kind: 'point', value: item.timeEstimateHours / hoursPerDay },
      actual: item.timeSpentHours / hoursPerDay,
      estimator: '',
      itemType: item.type,
      completedOn: item.completedAt.slice(0, 10),
    });
  }
  const anyEstimate = items.some((item) => item.timeEstimateHours);
  if (!anyEstimate) return { mode: 'likely-only', basis: 'the file has no time estimates' };
  const profile = buildCalibrationProfile({ records });
  if (profile.ok && profile.p10.ok && profile.p90.ok) {
    const round = (x: number) => Math.round(x * 100) / 100;
    const optimisticRatio = Math.min(1, round(profile.p10.value / profile.median));
    const pessimisticRatio = Math.max(1, round(profile.p90.value / profile.median));
    return {
      mode: 'spread',
      optimisticRatio,
      pessimisticRatio,
      basis: `range ×${optimisticRatio}–×${pessimisticRatio} of the estimate: the P10–P90 spread of time spent ÷ estimate over ${profile.count} finished items in this file`,
    };
  }
  return {
    mode: 'likely-only',
    basis: `likely value only: ${records.length} finished items have both an estimate and time spent, and a calibrated range needs 30`,
  };
}

/**
 * Proposes a mapping from the file: states from the file's own categories (Jira's Status
 * Category, Linear's Started/Completed/Canceled times, GitHub's state), resolutions, types,
 * priorities, people matched to members by email then by unique name, and a time-estimate rule
 * from the file's own estimate-vs-time-spent history.
 * @param parse what the parser read
 * @param options.members the workspace's members; options.columns the generic CSV columns in use
 * @returns the mapping and notes on what was guessed
 */
export function deriveDefaultMapping(
  parse: SourceParse,
  options: {
    members?: readonly WorkspaceMember[];
    columns?: GenericColumns | null;
    hoursPerDay?: number;
  } = {},
): { mapping: ImportMapping; notes: string[] } {
  const notes: string[] = [];
  const hoursPerDay = options.hoursPerDay ?? 8;
  const resolutions: Record<string, 'done' | 'cancelled'> = {};
  const types: Record<string, ImportItemType> = {};
  const priorities: Record<string, string | null> = {};
  const people: Record<string, PersonMatch> = {};
  const members = options.members ?? [];
  const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m]));
  const byName = new Map<string, WorkspaceMember[]>();
  for (const member of members) {
    const key = member.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), member]);
  }
  const matchPerson = (person: SourcePerson | null) => {
    if (!person) return;
    const key = personKey(person);
    if (key === '' || Object.hasOwn(people, key)) return;
    const member =
      (person.email ? byEmail.get(person.email.toLowerCase()) : undefined) ??
      (person.name && byName.get(person.name.trim().toLowerCase())?.length === 1
        ? byName.get(person.name.trim().toLowerCase())?.[0]
        : undefined);
    if (member) setOwn(people, key, { kind: 'member', email: member.email.toLowerCase() });
    else if (person.email) setOwn(people, key, { kind: 'invite', email: person.email.toLowerCase() });
    else setOwn(people, key, { kind: 'unmatched' });
  };
  for (const item of parse.items) {
    if (item.resolution && !Object.hasOwn(resolutions, item.resolution))
      setOwn(resolutions, item.resolution, CANCELLED_WORDS.test(item.resolution) ? 'cancelled' : 'done');
    if (!Object.hasOwn(types, item.type)) setOwn(types, item.type, guessType(item.type));
    if (item.priority !== null && !Object.hasOwn(priorities, item.priority)) {
      const label = `priority:${item.priority.toLowerCase()}`.slice(0, 40);
      setOwn(priorities, item.priority, /^(no priority|none|-|0)$/i.test(item.priority) ? null : label);
    }
    matchPerson(item.assignee);
    matchPerson(item.creator);
  }
  const labelsFrom: ExtraLabelField[] =
    parse.format === 'jira' ? ['components'] : parse.format === 'linear' ? ['project'] : [];
  return {
    mapping: {
      format: parse.format,
      dateFormat: null,
      timeZone: null,
      hoursPerDay,
      states: deriveStates(parse.items, notes),
      resolutions,
      types,
      priorities,
      people,
      points: 'story-points',
      timeEstimates: deriveTimeRule(parse.items, hoursPerDay),
      labelsFrom,
      milestones: parse.milestones.length > 0 ? 'initiatives' : 'ignore',
      columns: options.columns ?? null,
    },
    notes,
  };
}

/**
 * Lays the user's edits over the proposed mapping: each table entry the user gives wins, the
 * rest stay as proposed (so a mapping file may hold only the lines that change).
 */
export function mergeMapping(base: ImportMapping, edits: Partial<ImportMapping>): ImportMapping {
  return {
    ...base,
    ...Object.fromEntries(Object.entries(edits).filter(([, value]) => value !== undefined)),
    states: { ...base.states, ...edits.states },
    resolutions: { ...base.resolutions, ...edits.resolutions },
    types: { ...base.types, ...edits.types },
    priorities: { ...base.priorities, ...edits.priorities },
    people: { ...base.people, ...edits.people },
    format: base.format,
  };
}
