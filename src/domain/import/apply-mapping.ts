/**
 * Applies a mapping to what a parser read and yields the import plan: the items, their parents,
 * dependencies, people and state history, with every problem and skipped row. Pure: the plan is
 * shown (dry run) and only then written, in one transaction, by the server.
 */
import { checkStoryPoints, MODIFIED_FIBONACCI_DECK } from '../estimation';
import {
  evidenceCategory,
  guessCategoryFromName,
  guessType,
  type ImportMapping,
  personKey,
  stateForCategory,
} from './mapping';
import { buildDependencies } from './plan-dependencies';
import { type ParentRequest, resolveParents } from './plan-hierarchy';
import { deriveHistory } from './plan-history';
import {
  IMPORT_LIMITS,
  type ImportPlan,
  type PlannedEstimate,
  type PlannedItem,
  type PlannedPerson,
} from './plan-types';
import {
  CATEGORY_OF_STATE,
  countSkipped,
  type ImportProblem,
  lookUp,
  type SourceItem,
  type SourceParse,
  type SourcePerson,
} from './types';

const EXTRA_PREFIX = {
  components: '',
  fixVersions: 'version:',
  sprints: 'sprint:',
  project: 'project:',
  cycle: 'cycle:',
  milestone: 'milestone:',
  team: 'team:',
} as const;

const round = (value: number) => Math.round(value * 1000) / 1000;

function planEstimate(hours: number | null, mapping: ImportMapping): PlannedEstimate | null {
  if (hours === null || !(hours > 0)) return null;
  const likely = round(hours / mapping.hoursPerDay);
  const rule = mapping.timeEstimates;
  if (rule.mode === 'likely-only')
    return { optimistic: likely, likely, pessimistic: likely, basis: rule.basis };
  return {
    optimistic: Math.min(likely, round(likely * rule.optimisticRatio)),
    likely,
    pessimistic: Math.max(likely, round(likely * rule.pessimisticRatio)),
    basis: rule.basis,
  };
}

function collectLabels(
  source: SourceItem,
  mapping: ImportMapping,
  milestoneTitles: ReadonlyMap<string, string>,
): string[] {
  const labels = [...source.labels];
  const priorityLabel = source.priority === null ? null : lookUp(mapping.priorities, source.priority);
  if (priorityLabel) labels.push(priorityLabel);
  for (const field of mapping.labelsFrom) {
    const value = source.extras[field];
    const values = Array.isArray(value)
      ? value
      : value
        ? [field === 'milestone' ? (milestoneTitles.get(value) ?? value) : value]
        : [];
    for (const v of values) labels.push(`${EXTRA_PREFIX[field]}${v}`);
  }
  if (
    mapping.milestones === 'labels' &&
    source.extras.milestone &&
    !mapping.labelsFrom.includes('milestone')
  ) {
    labels.push(`milestone:${milestoneTitles.get(source.extras.milestone) ?? source.extras.milestone}`);
  }
  return [...new Set(labels.map((l) => l.trim()).filter((l) => l !== ''))];
}

/**
 * Builds the import plan.
 * @param parse what the parser read
 * @param mapping the mapping (proposed by deriveDefaultMapping, possibly edited)
 * @returns the plan; problems are listed, never thrown
 */
export function applyImportMapping(parse: SourceParse, mapping: ImportMapping): ImportPlan {
  const problems: ImportProblem[] = [...parse.problems];
  const skipped: Record<string, number> = { ...parse.skipped };
  const assumptions = [...parse.assumptions];
  const warn = (row: number | null, column: string | null, message: string, why: string) =>
    problems.push({ row, column, message, why, severity: 'warning' });

  // Keys: the first row with a key wins; alternative keys (Jira's Issue id) resolve to it.
  const kept: SourceItem[] = [];
  const firstRow = new Map<string, number>();
  const byRef = new Map<string, string>();
  for (const source of parse.items) {
    if (source.title.trim() === '') {
      warn(source.row, 'title', `${source.key} has no title`, 'an item needs a title; the row is left out');
      countSkipped(skipped, 'no title');
      continue;
    }
    if (source.key.length > IMPORT_LIMITS.keyChars) {
      problems.push({
        row: source.row,
        column: null,
        message: `the key ${source.key.slice(0, 40)}… has ${source.key.length} characters`,
        why: `Headway keeps keys of up to ${IMPORT_LIMITS.keyChars} characters to find the item again on the next import: map a shorter column as the key`,
        severity: 'error',
      });
      continue;
    }
    const first = firstRow.get(source.key);
    if (first !== undefined) {
      warn(
        source.row,
        null,
        `${source.key} appears again (first at row ${first})`,
        'the first row is imported, this one is left out',
      );
      countSkipped(skipped, 'duplicate key');
      continue;
    }
    kept.push(source);
    firstRow.set(source.key, source.row);
    byRef.set(source.key, source.key);
  }
  for (const source of kept)
    for (const alt of source.altKeys) if (!byRef.has(alt)) byRef.set(alt, source.key);
  const milestoneTitles = new Map(parse.milestones.map((m) => [m.key, m.title]));
  const resolve = (ref: string) => byRef.get(ref) ?? byRef.get(ref.toUpperCase()) ?? null;

  const items: PlannedItem[] = [];
  const parents = new Map<string, ParentRequest>();
  const offDeck = new Map<number, { row: number; count: number }>();
  const people = new Map<string, { person: SourcePerson; items: number; row: number; column: string }>();
  const notePerson = (person: SourcePerson | null, row: number, column: string): string | null => {
    if (!person) return null;
    const key = personKey(person);
    if (key === '') return null;
    const entry = people.get(key) ?? { person, items: 0, row, column };
    entry.items += 1;
    if (!entry.person.name && person.name) entry.person = { ...entry.person, name: person.name };
    people.set(key, entry);
    return key;
  };

  if (mapping.milestones === 'initiatives') {
    for (const milestone of parse.milestones) {
      items.push({
        key: milestone.key,
        row: null,
        type: 'initiative',
        title: milestone.title.slice(0, IMPORT_LIMITS.titleChars),
        description: milestone.description,
        state: milestone.closed ? 'done' : 'new',
        category: milestone.closed ? 'done' : 'todo',
        parentKey: null,
        labels: [],
        storyPoints: null,
        estimate: null,
        actualEffortDays: null,
        assignee: null,
        creator: null,
        priority: null,
        createdAt: milestone.createdAt,
        updatedAt: null,
        startedAt: null,
        closedAt: null,
        targetDate: milestone.dueDate,
      });
    }
  }

  const unmappedStates = new Set<string>();
  for (const source of kept) {
    let state = lookUp(mapping.states, source.status);
    if (state === undefined) {
      const category = evidenceCategory(source) ?? guessCategoryFromName(source.status);
      state = stateForCategory(category, source.status);
      if (!unmappedStates.has(source.status)) {
        unmappedStates.add(source.status);
        warn(
          source.row,
          'status',
          `status "${source.status}" is not in the mapping`,
          `its items are imported as ${state}; add it to the mapping's states to choose`,
        );
      }
    }
    if (
      state === 'done' &&
      source.resolution &&
      lookUp(mapping.resolutions, source.resolution) === 'cancelled'
    )
      state = 'cancelled';
    const category = CATEGORY_OF_STATE[state];
    let title = source.title.trim();
    let description = source.description;
    if (title.length > IMPORT_LIMITS.titleChars) {
      warn(
        source.row,
        'title',
        `${source.key}'s title has ${title.length} characters`,
        `Headway titles hold ${IMPORT_LIMITS.titleChars}: the title is shortened and the full title starts the description`,
      );
      description = `${title}\n\n${description}`;
      title = `${title.slice(0, IMPORT_LIMITS.titleChars - 1)}…`;
    }
    if (description.length > IMPORT_LIMITS.descriptionChars) {
      warn(
        source.row,
        'description',
        `${source.key}'s description has ${description.length} characters`,
        `Headway descriptions hold ${IMPORT_LIMITS.descriptionChars}: the last ${description.length - IMPORT_LIMITS.descriptionChars} characters are cut`,
      );
      description = description.slice(0, IMPORT_LIMITS.descriptionChars);
    }
    let labels = collectLabels(source, mapping, milestoneTitles);
    const longLabels = labels.filter((l) => l.length > IMPORT_LIMITS.labelChars);
    if (longLabels.length > 0) {
      warn(
        source.row,
        'labels',
        `${source.key} has labels longer than ${IMPORT_LIMITS.labelChars} characters (${longLabels[0]?.slice(0, 60)}…)`,
        'they are shortened',
      );
      labels = [...new Set(labels.map((l) => l.slice(0, IMPORT_LIMITS.labelChars)))];
    }
    if (labels.length > IMPORT_LIMITS.labelsPerItem) {
      warn(
        source.row,
        'labels',
        `${source.key} has ${labels.length} labels`,
        `Headway keeps ${IMPORT_LIMITS.labelsPerItem} per item: the rest (${labels.slice(IMPORT_LIMITS.labelsPerItem).join(', ').slice(0, 120)}) are left out`,
      );
      labels = labels.slice(0, IMPORT_LIMITS.labelsPerItem);
    }
    const storyPoints = mapping.points === 'story-points' ? source.points : null;
    if (storyPoints !== null && !checkStoryPoints({ value: storyPoints, deck: MODIFIED_FIBONACCI_DECK }).ok) {
      const seen = offDeck.get(storyPoints) ?? { row: source.row, count: 0 };
      seen.count += 1;
      offDeck.set(storyPoints, seen);
    }
    const type = lookUp(mapping.types, source.type) ?? guessType(source.type);
    const closedAt =
      category === 'cancelled'
        ? (source.cancelledAt ?? source.completedAt)
        : category === 'done'
          ? (source.completedAt ?? source.cancelledAt)
          : null;
    items.push({
      key: source.key,
      row: source.row,
      type,
      title,
      description,
      state,
      category,
      parentKey: null,
      labels,
      storyPoints,
      estimate: planEstimate(source.timeEstimateHours, mapping),
      actualEffortDays:
        source.timeSpentHours !== null && source.timeSpentHours > 0
          ? round(source.timeSpentHours / mapping.hoursPerDay)
          : null,
      assignee: notePerson(source.assignee, source.row, 'assignee'),
      creator: notePerson(source.creator, source.row, 'creator'),
      priority: source.priority,
      createdAt: source.createdAt,
      updatedAt: source.updatedAt,
      startedAt: category === 'todo' ? null : source.startedAt,
      closedAt,
      targetDate: source.dueDate,
    });
    if (source.parentRef) {
      const parentKey = resolve(source.parentRef.ref);
      if (parentKey === null) {
        warn(
          source.row,
          source.parentRef.column,
          `${source.key}'s parent ${source.parentRef.ref} is not in this import`,
          'it is imported without a parent',
        );
      } else parents.set(source.key, { parentKey, row: source.row, column: source.parentRef.column });
    } else if (mapping.milestones === 'initiatives' && source.extras.milestone && type !== 'initiative') {
      parents.set(source.key, { parentKey: source.extras.milestone, row: source.row, column: 'milestone' });
    }
  }
  for (const [points, seen] of offDeck) {
    warn(
      seen.row,
      'points',
      `${seen.count} item(s) have ${points} story points, which is not a card of Headway's deck (${MODIFIED_FIBONACCI_DECK.join(', ')})`,
      'the points are kept as they are; re-estimating them on the deck keeps velocity comparable',
    );
  }
  problems.push(...resolveParents(items, parents));

  const links = buildDependencies(kept, resolve);
  problems.push(...links.problems);
  if (links.otherLinks > 0)
    assumptions.push(
      `${links.otherLinks} related or duplicate link(s) are not dependencies and are left out.`,
    );

  const planned: PlannedPerson[] = [];
  for (const [key, entry] of people) {
    const match = lookUp(mapping.people, key) ?? { kind: 'unmatched' as const };
    planned.push({ key, name: entry.person.name, email: entry.person.email, match, items: entry.items });
    if (match.kind === 'unmatched') {
      warn(
        entry.row,
        entry.column,
        `${key} has no email and matches no member by name`,
        `their items keep "${key}" as an imported name only; map them to a member or give an email to invite them`,
      );
    }
  }

  const unstarted = items.filter(
    (i) => i.row !== null && i.category !== 'todo' && i.startedAt === null,
  ).length;
  if (unstarted > 0) {
    assumptions.push(
      `${unstarted} item(s) in progress or finished have no start time in the file: throughput counts them, cycle time cannot.`,
    );
  }
  const history = [];
  for (const item of items) {
    const derived = deriveHistory(item);
    history.push(...derived.entries);
    problems.push(...derived.problems);
  }
  return {
    format: parse.format,
    mapping,
    items,
    dependencies: links.dependencies,
    people: planned,
    history,
    problems,
    skipped,
    assumptions,
  };
}
