/**
 * The parts of Headway JSON that came after items and history: custom formulas, assessments,
 * published roadmap versions and stored forecasts. Their JSON documents refer to items and
 * people by id; in the file those become "item:#<number>" and "user:<email>", so a file imports
 * into any server and the round trip is lossless.
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
type Json = Record<string, unknown>;

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
  const email = (id: string | null) => (id ? (emails.get(id) ?? null) : null);
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
    kind: r.kind as HeadwayExport['forecasts'][number]['kind'],
    subject: portable(r.subject),
    method: r.method,
    inputs: portable(r.inputs),
    startDate: r.startDate,
    percentiles: portable(r.percentiles),
    distribution: r.distribution ? portable(r.distribution) : null,
    madeBy: email(r.madeBy),
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
      createdBy: email(r.createdBy),
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
      createdBy: email(r.createdBy),
      createdAt: r.createdAt.toISOString(),
    })),
    roadmapSnapshots: snapshotRows.map((r) => ({
      version: r.version,
      note: r.note,
      startDate: r.startDate,
      plan: portable(r.plan),
      publishedBy: email(r.publishedBy),
      publishedAt: r.publishedAt.toISOString(),
    })),
    forecasts: keyed.map((k) => k.f),
  };
  return { extras, portable };
}

/** People the extras name, so the import can create those it does not know. */
export function extrasPeople(doc: Extras): string[] {
  const out: string[] = [];
  for (const f of doc.formulas) if (f.createdBy) out.push(f.createdBy);
  for (const a of doc.assessments) if (a.createdBy) out.push(a.createdBy);
  for (const s of doc.roadmapSnapshots) if (s.publishedBy) out.push(s.publishedBy);
  for (const f of doc.forecasts) if (f.madeBy) out.push(f.madeBy);
  return out;
}

/**
 * Writes the extras into a new workspace inside the import's transaction.
 * @returns the reference → id mapping, for other JSON (decision details)
 */
export async function importExtras(
  tx: Database,
  workspaceId: string,
  doc: Extras,
  refs: { itemId: (n: number) => string | undefined; userId: (email: string | null) => string | null },
): Promise<<T>(value: T) => T> {
  const formulaIds = new Map<string, string>();
  const snapshotIds = new Map<number, string>();
  const local = <T>(value: T): T =>
    mapStrings(value, (s) => {
      const item = /^item:#(\d+)$/.exec(s);
      if (item) return refs.itemId(Number(item[1])) ?? s;
      const user = /^user:(.+@.+)$/.exec(s);
      if (user) return refs.userId(user[1] ?? null) ?? s;
      const formula = /^formula:(.+)$/.exec(s);
      if (formula) return formulaIds.get(formula[1] ?? '') ?? s;
      const snapshot = /^roadmap:v(\d+)$/.exec(s);
      if (snapshot) return snapshotIds.get(Number(snapshot[1])) ?? s;
      return s;
    });
  if (doc.formulas.length) {
    const created = await tx
      .insert(scoringFormulas)
      .values(
        doc.formulas.map((f) => ({
          workspaceId,
          name: f.name,
          expression: f.expression,
          createdBy: refs.userId(f.createdBy),
          version: f.version,
          createdAt: new Date(f.createdAt),
          updatedAt: new Date(f.updatedAt),
        })),
      )
      .returning({ id: scoringFormulas.id, name: scoringFormulas.name });
    for (const f of created) formulaIds.set(f.name, f.id);
  }
  if (doc.assessments.length) {
    await tx.insert(assessments).values(
      doc.assessments.map((a) => ({
        workspaceId,
        number: a.number,
        questionnaireVersion: a.questionnaireVersion,
        variant: a.variant,
        doraYear: a.doraYear,
        answers: local(a.answers) as Json,
        report: local(a.report) as Json,
        createdBy: refs.userId(a.createdBy),
        createdAt: new Date(a.createdAt),
      })),
    );
  }
  if (doc.roadmapSnapshots.length) {
    const created = await tx
      .insert(roadmapSnapshots)
      .values(
        doc.roadmapSnapshots.map((s) => ({
          workspaceId,
          version: s.version,
          note: s.note,
          startDate: s.startDate,
          plan: local(s.plan) as Json,
          publishedBy: refs.userId(s.publishedBy),
          publishedAt: new Date(s.publishedAt),
        })),
      )
      .returning({ id: roadmapSnapshots.id, version: roadmapSnapshots.version });
    for (const r of created) snapshotIds.set(r.version, r.id);
  }
  for (let i = 0; i < doc.forecasts.length; i += 200) {
    await tx.insert(forecasts).values(
      doc.forecasts.slice(i, i + 200).map((f) => ({
        workspaceId,
        kind: f.kind,
        subject: local(f.subject) as Json,
        method: f.method,
        inputs: local(f.inputs) as Json,
        startDate: f.startDate,
        percentiles: local(f.percentiles) as Json[],
        distribution: f.distribution ? (local(f.distribution) as Json) : null,
        madeBy: refs.userId(f.madeBy),
        madeAt: new Date(f.madeAt),
        outcome: f.outcome ? (local(f.outcome) as Json) : null,
        scoredAt: f.scoredAt ? new Date(f.scoredAt) : null,
      })),
    );
  }
  return local;
}
