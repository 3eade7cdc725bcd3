/**
 * From an import plan to a Headway JSON document, so a Jira, Linear, GitHub or CSV file is
 * written by the same all-or-nothing import as a Headway export: the same checks, the same
 * invitations instead of accounts, the same imported attribution. Pure: the caller validates the
 * document against the contract's schema and imports it.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import { defaultDecisionMatrix, type Role } from '../decision-rights';
import { IMPORT_LIMITS, type ImportPlan, type PlannedItem, type PlannedPerson } from './plan-types';
import type { ImportFormat, ImportItemState, ImportItemType, ImportProblem } from './types';

/** A member of the document: the importer (founder) or someone the file named with an e-mail. */
export interface HeadwayDocumentMember {
  email: string;
  name: string;
  role: Role;
  fte: number;
  skills: string[];
  joinedAt: string;
}

/** One item of the document, numbered in the file's order. */
export interface HeadwayDocumentItem {
  number: number;
  type: ImportItemType;
  title: string;
  description: string;
  parent: number | null;
  state: ImportItemState;
  rank: string;
  orderedAt: null;
  estimate: {
    optimistic: number;
    likely: number;
    pessimistic: number;
    estimatedBy: null;
    estimatedAt: null;
  } | null;
  actualEffort: number | null;
  storyPoints: number | null;
  scores: Record<string, number | string>;
  skills: string[];
  labels: string[];
  assignee: string | null;
  targetDate: string | null;
  scopeQuestion: null;
  scopeQuestionAt: null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  version: number;
  /** The tool the item came from and its key there, so a later import of that tool's file finds it. */
  external: { source: ImportFormat; key: string };
}

/** The parts of Headway JSON (formatVersion 1) an import from another tool fills. */
export interface HeadwayDocument {
  format: 'headway';
  formatVersion: 1;
  workspace: { name: string; decisionRights: Record<string, Record<string, string>>; nextItemNumber: number };
  members: HeadwayDocumentMember[];
  items: HeadwayDocumentItem[];
  dependencies: { item: number; dependsOn: number; lagDays: number; createdAt: string }[];
  stateHistory: { item: number; from: ImportItemState | null; to: ImportItemState; by: null; at: string }[];
  decisions: never[];
  comments: never[];
}

/** Who imports and what the new workspace is called. */
export interface PlanToHeadwayOptions {
  workspaceName: string;
  /** The account importing: founder of the new workspace. */
  importer: { email: string; name: string };
  /** The time of the import (ISO 8601), for joining dates and items the file gives no time. */
  now: string;
  /** Roles by e-mail (lower case) for the people the file names; developer otherwise. */
  roles?: Readonly<Record<string, Role>>;
}

export type PlanToHeadwayResult =
  | { ok: true; document: HeadwayDocument }
  | { ok: false; problems: ImportProblem[] };

const NAME_CHARS = 100;

/** The e-mail a person is known by in the document, if any. */
function emailOf(person: PlannedPerson): string | null {
  const match = person.match;
  if (match.kind === 'member' || match.kind === 'invite') return match.email.toLowerCase();
  return person.email?.toLowerCase() ?? null;
}

/** The file's people with an e-mail who are not unmatched become members; the importer is founder. */
function buildMembers(plan: ImportPlan, options: PlanToHeadwayOptions): HeadwayDocumentMember[] {
  const importerEmail = options.importer.email.toLowerCase();
  const members: HeadwayDocumentMember[] = [
    {
      email: importerEmail,
      name: options.importer.name.trim().slice(0, NAME_CHARS) || importerEmail,
      role: 'founder',
      fte: 1,
      skills: [],
      joinedAt: options.now,
    },
  ];
  const seen = new Set([importerEmail]);
  for (const person of plan.people) {
    if (person.match.kind === 'unmatched') continue;
    const email = emailOf(person);
    if (!email || seen.has(email)) continue;
    seen.add(email);
    const name = person.name?.trim().slice(0, NAME_CHARS) || email;
    members.push({
      email,
      name,
      role: options.roles?.[email] ?? 'developer',
      fte: 1,
      skills: [],
      joinedAt: options.now,
    });
  }
  return members;
}

/** Labels as Headway keeps them: trimmed, at most 40 characters, no repeats, at most 30. */
function cleanLabels(labels: readonly string[]): string[] {
  const out: string[] = [];
  for (const label of labels) {
    const clean = label.trim().slice(0, IMPORT_LIMITS.labelChars);
    if (clean && !out.includes(clean)) out.push(clean);
  }
  return out.slice(0, IMPORT_LIMITS.labelsPerItem);
}

/** Names of people without a membership, kept in the description so the file's words survive. */
function attributionNote(
  item: PlannedItem,
  people: ReadonlyMap<string, PlannedPerson>,
  members: ReadonlySet<string>,
): string {
  const parts: string[] = [];
  const note = (key: string | null, role: string, attributedByEmail: boolean) => {
    if (key === null) return;
    const person = people.get(key);
    const email = person ? emailOf(person) : null;
    if (email && (members.has(email) || attributedByEmail)) return;
    const name = person?.name ?? person?.email ?? key;
    if (name) parts.push(`${role}: ${name}`);
  };
  note(item.assignee, 'assignee', false);
  note(item.creator, 'created by', true);
  return parts.length > 0 ? `_Imported — ${parts.join('; ')}_` : '';
}

function latest(times: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const t of times) if (t !== null && (best === null || Date.parse(t) > Date.parse(best))) best = t;
  return best;
}

/**
 * Turns an import plan into a Headway JSON document for a new workspace. Items are numbered
 * from 1 in the file's order, which is also their backlog order; history entries are sorted by
 * time within each item; dependencies and parents refer to created items only. People with an
 * e-mail become members (invited by the import), people with a name only are kept as text in
 * the item's description.
 * @param plan the import plan (see applyImportMapping)
 * @param options the workspace's name, the importer, the time now and roles by e-mail
 * @returns the document, or the plan's errors when it has any (nothing should be written)
 */
export function planToHeadway(plan: ImportPlan, options: PlanToHeadwayOptions): PlanToHeadwayResult {
  const errors = plan.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: errors };
  if (plan.items.length === 0) {
    return {
      ok: false,
      problems: [
        {
          row: null,
          column: null,
          message: 'the file has no items to import',
          why: 'check that it is the export you meant and that --from names its format',
          severity: 'error',
        },
      ],
    };
  }
  const numbers = new Map<string, number>();
  plan.items.forEach((item, i) => {
    if (!numbers.has(item.key)) numbers.set(item.key, i + 1);
  });
  const members = buildMembers(plan, options);
  const memberEmails = new Set(members.map((m) => m.email));
  const people = new Map(plan.people.map((p) => [p.key, p]));
  const emailFor = (key: string | null): string | null => {
    const person = key === null ? undefined : people.get(key);
    return person ? emailOf(person) : null;
  };
  const ranks = generateNKeysBetween(null, null, plan.items.length);
  const firstHistory = new Map<string, string>();
  for (const h of plan.history) {
    const seen = firstHistory.get(h.item);
    if (seen === undefined || Date.parse(h.at) < Date.parse(seen)) firstHistory.set(h.item, h.at);
  }
  const created = new Map<string, string>();
  const items = plan.items.map((item, i): HeadwayDocumentItem => {
    const createdAt = item.createdAt ?? firstHistory.get(item.key) ?? options.now;
    created.set(item.key, createdAt);
    const assigneeEmail = emailFor(item.assignee);
    const note = attributionNote(item, people, memberEmails);
    const description =
      note && item.description.length + note.length + 2 <= IMPORT_LIMITS.descriptionChars
        ? item.description
          ? `${item.description}\n\n${note}`
          : note
        : item.description;
    return {
      number: i + 1,
      type: item.type,
      title: item.title,
      description,
      parent: item.parentKey === null ? null : (numbers.get(item.parentKey) ?? null),
      state: item.state,
      rank: ranks[i] as string,
      orderedAt: null,
      estimate: item.estimate
        ? {
            optimistic: item.estimate.optimistic,
            likely: item.estimate.likely,
            pessimistic: item.estimate.pessimistic,
            estimatedBy: null,
            estimatedAt: null,
          }
        : null,
      actualEffort: item.actualEffortDays,
      storyPoints: item.storyPoints,
      scores: {},
      skills: [],
      labels: cleanLabels(item.labels),
      assignee: assigneeEmail && memberEmails.has(assigneeEmail) ? assigneeEmail : null,
      targetDate: item.targetDate?.slice(0, 10) ?? null,
      scopeQuestion: null,
      scopeQuestionAt: null,
      createdBy: emailFor(item.creator),
      createdAt,
      updatedAt: latest([createdAt, item.updatedAt, item.startedAt, item.closedAt]) ?? createdAt,
      completedAt: item.state === 'done' ? (item.closedAt ?? item.updatedAt ?? createdAt) : null,
      version: 1,
      external: { source: plan.format, key: item.key },
    };
  });
  const pairs = new Set<string>();
  const dependencies = plan.dependencies.flatMap((d) => {
    const item = numbers.get(d.item);
    const dependsOn = numbers.get(d.dependsOn);
    if (item === undefined || dependsOn === undefined || item === dependsOn) return [];
    if (pairs.has(`${item}>${dependsOn}`)) return [];
    pairs.add(`${item}>${dependsOn}`);
    const createdAt = latest([created.get(d.item) ?? null, created.get(d.dependsOn) ?? null]);
    return [{ item, dependsOn, lagDays: 0, createdAt: createdAt ?? options.now }];
  });
  const stateHistory = plan.history
    .flatMap((h) => {
      const item = numbers.get(h.item);
      return item === undefined ? [] : [{ item, from: h.from, to: h.to, by: null, at: h.at }];
    })
    // Stable: entries at the same time keep the plan's order (created before started).
    .sort((a, b) => a.item - b.item || Date.parse(a.at) - Date.parse(b.at));
  return {
    ok: true,
    document: {
      format: 'headway',
      formatVersion: 1,
      workspace: {
        name: options.workspaceName,
        decisionRights: defaultDecisionMatrix(),
        nextItemNumber: items.length + 1,
      },
      members,
      items,
      dependencies,
      stateHistory,
      decisions: [],
      comments: [],
    },
  };
}
