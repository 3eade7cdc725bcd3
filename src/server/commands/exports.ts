/**
 * Files for people outside the app: a backlog view as CSV and the roadmap as Markdown. Both read
 * what the backlog and the roadmap pages read and hand it to the pure renderers of
 * domain/export, which neutralise spreadsheet formulas and escape Markdown.
 */
import { eq, inArray } from 'drizzle-orm';
import { type BacklogExportQuery, type Item, LIMITS, todayIso } from '../../contract';
import type { Database } from '../../db/client';
import { items, memberships, users, workspaces } from '../../db/schema';
import { type BacklogCsvItem, renderBacklogCsv, renderMarkdownRoadmap } from '../../domain/export';
import { notFound } from '../errors';
import { findItems } from './item-reads';
import { getRoadmap } from './roadmap';

/** A file to send: its text and the name a browser saves it under. */
export interface ExportFile {
  body: string;
  filename: string;
  /** True when the view held more rows than one file takes; the first ones were kept. */
  truncated: boolean;
}

/** Done and cancelled items: the backlog hides them unless asked, or unless a state is picked. */
const isClosed = (item: Item) => item.state === 'done' || item.state === 'cancelled';

/** A workspace's slug as a file name part: letters, digits and dashes only. */
async function fileSlugOf(db: Database, workspaceId: string): Promise<string> {
  const [row] = await db
    .select({ slug: workspaces.slug })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  if (!row) throw notFound('Workspace');
  return row.slug.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'workspace';
}

/** Every item of a backlog view in the product order, page after page, up to the export limit. */
async function findViewItems(
  db: Database,
  workspaceId: string,
  query: BacklogExportQuery,
): Promise<{ items: Item[]; truncated: boolean }> {
  const { closed, ...filter } = query;
  const showClosed = closed === 'show' || query.state !== undefined;
  const found: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await findItems(db, workspaceId, { ...filter, cursor, limit: LIMITS.pageSizeMax });
    found.push(...(showClosed ? page.data : page.data.filter((item) => !isClosed(item))));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && found.length < LIMITS.backlogExportRows);
  return {
    items: found.slice(0, LIMITS.backlogExportRows),
    truncated: found.length > LIMITS.backlogExportRows || cursor !== undefined,
  };
}

/** Names of the members and numbers of the parents that a set of items points at. */
async function loadReferences(db: Database, workspaceId: string, view: readonly Item[]) {
  const people = await db
    .select({ userId: memberships.userId, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId));
  const parentIds = [...new Set(view.flatMap((item) => (item.parentId ? [item.parentId] : [])))];
  const parents =
    parentIds.length === 0
      ? []
      : await db
          .select({ id: items.id, number: items.number })
          .from(items)
          .where(inArray(items.id, parentIds));
  return {
    names: new Map(people.map((p) => [p.userId, p.name])),
    parentNumbers: new Map(parents.map((p) => [p.id, p.number])),
  };
}

/**
 * A backlog view as CSV: the items the backlog shows with these filters, in the product order.
 * @param options.workspaceId the caller's workspace (membership already checked)
 * @param options.query the backlog filters, `closed` included
 * @param options.today the date in the file name (default today, UTC)
 * @returns the CSV, named `<workspace-slug>-backlog-YYYY-MM-DD.csv`
 */
export async function exportBacklogCsv(
  db: Database,
  options: { workspaceId: string; query: BacklogExportQuery; today?: string },
): Promise<ExportFile> {
  const { items: view, truncated } = await findViewItems(db, options.workspaceId, options.query);
  const { names, parentNumbers } = await loadReferences(db, options.workspaceId, view);
  const rows: BacklogCsvItem[] = view.map((item) => ({
    number: item.number,
    title: item.title,
    type: item.type,
    state: item.state,
    parentNumber: item.parentId ? (parentNumbers.get(item.parentId) ?? null) : null,
    labels: item.labels,
    assignee: item.assigneeId ? (names.get(item.assigneeId) ?? null) : (item.imported?.assignee ?? null),
    estimate: item.estimate,
    storyPoints: item.storyPoints,
    targetDate: item.targetDate,
    createdAt: item.createdAt,
    completedAt: item.completedAt,
  }));
  const slug = await fileSlugOf(db, options.workspaceId);
  return {
    body: renderBacklogCsv(rows),
    filename: `${slug}-backlog-${options.today ?? todayIso()}.csv`,
    truncated,
  };
}

/**
 * The roadmap as Markdown, from the very plan the roadmap page shows (`getRoadmap`).
 * @param options.workspaceId the caller's workspace; options.workspaceName its name for the title
 * @param options.start first plan day (default today, UTC), as on the roadmap page
 * @returns the Markdown, named `<workspace-slug>-roadmap-YYYY-MM-DD.md`
 */
export async function exportRoadmapMarkdown(
  db: Database,
  options: { workspaceId: string; workspaceName: string; start?: string | undefined },
): Promise<ExportFile> {
  const roadmap = await getRoadmap(db, options.workspaceId, { start: options.start });
  const body = renderMarkdownRoadmap({
    workspaceName: options.workspaceName,
    startDate: roadmap.startDate,
    endDate: roadmap.endDate,
    items: roadmap.items,
    milestones: roadmap.milestones,
  });
  const slug = await fileSlugOf(db, options.workspaceId);
  return { body, filename: `${slug}-roadmap-${roadmap.startDate}.md`, truncated: false };
}
