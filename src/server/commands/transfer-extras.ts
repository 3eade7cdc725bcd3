/**
 * The parts of Headway JSON that came after items and history: custom formulas, assessments,
 * published roadmap versions and stored forecasts, as they are exported. Their JSON documents
 * refer to items and people by id; in the file those become "item:#<number>" and
 * "user:<email>", so a file imports into any server and the round trip is lossless (importing
 * is in transfer-plan.ts).
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { HeadwayExport } from '../../contract';
import type { Database } from '../../db/client';
import {
  assessments,
  forecasts,
  memberships,
  roadmapSnapshots,
  scoringFormulas,
  users,
} from '../../db/schema';

type Extras = Pick<HeadwayExport, 'formulas' | 'assessments' | 'roadmapSnapshots' | 'forecasts'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rewrites every string in a JSON value with `map`, keeping the structure. */
export function mapStrings<T>(value: T, map: (s: string) => string): T {
  if (typeof value === 'string') return map(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, map)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)])) as T;
  }
  return value;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Reads the extras of a workspace, with ids turned into portable references.
 * @returns the extras, and the same id → reference mapping for other JSON (decision details)
 */
export async function exportExtras(
  db: Database,
  workspaceId: string,
  itemNumbers: Map<string, number>,
): Promise<{ extras: Extras; portable: <T>(value: T) => T }> {
  const formulaRows = await db
    .select()
    .from(scoringFormulas)
    .where(eq(scoringFormulas.workspaceId, workspaceId))
    .orderBy(asc(scoringFormulas.name));
  const assessmentRows = await db
    .select()
    .from(assessments)
    .where(eq(assessments.workspaceId, workspaceId))
    .orderBy(asc(assessments.number));
  const snapshotRows = await db
    .select()
    .from(roadmapSnapshots)
    .where(eq(roadmapSnapshots.workspaceId, workspaceId))
    .orderBy(asc(roadmapSnapshots.version));
  const forecastRows = await db.select().from(forecasts).where(eq(forecasts.workspaceId, workspaceId));

  const people = new Set<string>();
  const members = await db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(eq(memberships.workspaceId, workspaceId));
  for (const m of members) people.add(m.id);
  for (const r of formulaRows) if (r.createdBy) people.add(r.createdBy);
  for (const r of assessmentRows) if (r.createdBy) people.add(r.createdBy);
  for (const r of snapshotRows) if (r.publishedBy) people.add(r.publishedBy);
  for (const r of forecastRows) if (r.madeBy) people.add(r.madeBy);
  const emailRows = people.size
    ? await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.id, [...people]))
    : [];
  const emails = new Map(emailRows.map((u) => [u.id, u.email]));
  // Imported attribution goes back out as the e-mail the file named.
  const email = (id: string | null, imported: string | null = null) =>
    id ? (emails.get(id) ?? imported) : imported;
  const formulaNames = new Map(formulaRows.map((r) => [r.id, r.name]));
  const snapshotVersions = new Map(snapshotRows.map((r) => [r.id, r.version]));
  const portable = <T>(value: T): T =>
    mapStrings(value, (s) => {
      if (!UUID.test(s)) return s;
      const n = itemNumbers.get(s);
      if (n !== undefined) return `item:#${n}`;
      const e = emails.get(s);
      if (e) return `user:${e}`;
      const f = formulaNames.get(s);
      if (f !== undefined) return `formula:${f}`;
      const v = snapshotVersions.get(s);
      return v !== undefined ? `roadmap:v${v}` : s;
    });

  const forecastList = forecastRows.map((r) => ({
    kind: r.kind,
    subject: portable(r.subject),
    method: r.method,
    inputs: portable(r.inputs),
    startDate: r.startDate,
    percentiles: portable(r.percentiles),
    distribution: r.distribution ? portable(r.distribution) : null,
    madeBy: email(r.madeBy, r.importedMadeBy),
    madeAt: r.madeAt.toISOString(),
    outcome: r.outcome ? portable(r.outcome) : null,
    scoredAt: iso(r.scoredAt),
  }));
  // Ids differ between servers, so order by content for a stable file.
  const keyed = forecastList.map((f) => ({ f, key: `${f.madeAt}|${JSON.stringify(f)}` }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const extras: Extras = {
    formulas: formulaRows.map((r) => ({
      name: r.name,
      expression: r.expression,
      createdBy: email(r.createdBy, r.importedCreatedBy),
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    assessments: assessmentRows.map((r) => ({
      number: r.number,
      questionnaireVersion: r.questionnaireVersion,
      variant: r.variant as 'short' | 'full',
      doraYear: r.doraYear,
      answers: portable(r.answers),
      report: portable(r.report),
      createdBy: email(r.createdBy, r.importedCreatedBy),
      createdAt: r.createdAt.toISOString(),
    })),
    roadmapSnapshots: snapshotRows.map((r) => ({
      version: r.version,
      note: r.note,
      startDate: r.startDate,
      plan: portable(r.plan),
      publishedBy: email(r.publishedBy, r.importedPublishedBy),
      publishedAt: r.publishedAt.toISOString(),
    })),
    forecasts: keyed.map((k) => k.f),
  };
  return { extras, portable };
}
