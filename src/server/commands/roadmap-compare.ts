/** Comparing a plan with a published snapshot: slips per item and milestone. */
import { and, eq } from 'drizzle-orm';
import { describeDocumentProblem, type Roadmap, StoredSnapshotPlanSchema } from '../../contract';
import type { Database } from '../../db/client';
import { roadmapSnapshots } from '../../db/schema';
import { countDaysBetween } from '../../domain/shared';
import { notFound } from '../errors';
import { isUuid } from '../policies/access';

/** Calendar days from one ISO date to another (positive when `to` is later); null if either is missing. */
export function daysBetween(from: string | null, to: string | null): number | null {
  return from === null || to === null ? null : countDaysBetween(from, to);
}

/** A frozen roadmap as stored in a snapshot. */
export interface SnapshotPlan {
  endDate: string | null;
  items: Array<{
    itemId: string;
    number: number;
    title: string;
    personId: string | null;
    start: string;
    finish: string;
  }>;
  milestones: Array<{ id: string; title: string; date: string | null; targetDate: string | null }>;
}

export function freeze(roadmap: Roadmap): SnapshotPlan {
  return {
    endDate: roadmap.status === 'planned' ? roadmap.endDate : null,
    items: roadmap.items.map((it) => ({
      itemId: it.itemId,
      number: it.number,
      title: it.title,
      personId: it.personId,
      start: it.start,
      finish: it.finish,
    })),
    milestones: roadmap.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      date: m.date,
      targetDate: m.targetDate,
    })),
  };
}

export type Slip = NonNullable<Roadmap['comparison']>['items'][number];

export function compareDates(
  before: Map<string, { title: string; date: string | null }>,
  after: Map<string, { title: string; date: string | null }>,
): Slip[] {
  const out: Slip[] = [];
  for (const [id, now] of after) {
    const then = before.get(id);
    if (!then) {
      out.push({ id, title: now.title, before: null, after: now.date, slipDays: null, status: 'added' });
      continue;
    }
    const slipDays = daysBetween(then.date, now.date);
    const status = slipDays === null ? 'same' : slipDays > 0 ? 'later' : slipDays < 0 ? 'earlier' : 'same';
    out.push({ id, title: now.title, before: then.date, after: now.date, slipDays, status });
  }
  for (const [id, then] of before) {
    if (!after.has(id))
      out.push({ id, title: then.title, before: then.date, after: null, slipDays: null, status: 'removed' });
  }
  return out;
}

export function describeComparison(items: Slip[], milestones: Slip[], version: number): string {
  const later = items.filter((s) => s.status === 'later').length;
  const earlier = items.filter((s) => s.status === 'earlier').length;
  const lateMilestones = milestones
    .filter((s) => s.status === 'later')
    .map((s) => `${s.title} (+${s.slipDays} days)`);
  return (
    `Since version ${version}: ${later} item${later === 1 ? '' : 's'} later, ${earlier} earlier, ` +
    `${items.filter((s) => s.status === 'added').length} added, ${items.filter((s) => s.status === 'removed').length} no longer planned` +
    (lateMilestones.length > 0
      ? `; milestones later: ${lateMilestones.join(', ')}`
      : '; no milestone is later')
  );
}

/**
 * A stored plan checked against the schema it was written with, or the reason it cannot be read
 * (a version stored by an older Headway, or written by an older import that trusted its file).
 */
export function readSnapshotPlan(plan: unknown): { plan: SnapshotPlan } | { problem: string } {
  const parsed = StoredSnapshotPlanSchema.safeParse(plan);
  return parsed.success ? { plan: parsed.data } : { problem: describeDocumentProblem('plan', parsed.error) };
}

export async function loadSnapshot(db: Database, workspaceId: string, snapshotId: string) {
  if (!isUuid(snapshotId)) throw notFound('Roadmap snapshot');
  const [row] = await db
    .select()
    .from(roadmapSnapshots)
    .where(and(eq(roadmapSnapshots.workspaceId, workspaceId), eq(roadmapSnapshots.id, snapshotId)))
    .limit(1);
  if (!row) throw notFound('Roadmap snapshot');
  return row;
}
