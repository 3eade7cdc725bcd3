/**
 * The evidence import under generated files: files through the checks (no throw, every row
 * either read or refused with its row number), then files through the whole import on the
 * database (all or nothing: refused files change no row, written ones add exactly what they
 * report). 5,000 and 120 by default; HEADWAY_EVIDENCE_FUZZ_RUNS=50000 is the full run.
 */
import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_COLUMNS } from '../../src/contract';
import type { Database } from '../../src/db/client';
import { companies, evidence, items } from '../../src/db/schema';
import { checkEvidenceImport, importEvidence } from '../../src/server/commands/evidence-import';
import { type Actor, findActor } from '../../src/server/policies/access';
import { createTestDatabase } from '../support/database';
import { buildUser, buildWorkspace } from '../support/factories';
import { HOSTILE_STRINGS } from '../support/hostile-strings';

const RUNS = Number(process.env.HEADWAY_EVIDENCE_FUZZ_RUNS ?? 5_000);
const WRITES = Number(process.env.HEADWAY_EVIDENCE_FUZZ_WRITES ?? 120);

const cell = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom('', ' ', '2026-10-01', '9999-12-31', '0000-01-01', 'sales', 'portal', 'https://x.io/a'),
  fc.constantFrom(
    'ana@acme.com',
    'acme',
    'Acme',
    '#1',
    '#999999999999',
    'IDEA-1',
    '0',
    '3',
    '4',
    '-1',
    '1e308',
  ),
  fc.constantFrom('=SUM(A1:A9)', '+cmd', '"quoted"', 'line\nbreak', 'a,b', '\u0000', '\ud800', '日本語 ✓'),
  fc.string({ maxLength: 30 }),
);

/** A header from the known columns (always with text) plus, sometimes, an unknown one. */
const header = fc.subarray([...EVIDENCE_COLUMNS], { minLength: 0 }).chain((columns) =>
  fc.boolean().map((extra) => {
    const withText = columns.includes('text') ? columns : [...columns, 'text'];
    return extra ? [...withText, 'Notes'] : withText;
  }),
);

/** A CSV file: a header and up to four rows, quoted by papaparse so any cell round-trips. */
const evidenceFile = header.chain((columns) =>
  fc
    .array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), { maxLength: 4 })
    .map((rows) => ({ columns, rows, csv: Papa.unparse({ fields: columns, data: rows }) })),
);

describe('evidence import checks under generated files', () => {
  it('should never throw, and read or refuse every row with its number', () => {
    fc.assert(
      fc.property(evidenceFile, ({ rows, csv }) => {
        const checked = checkEvidenceImport({ evidenceCsv: csv });
        const refused = new Set(
          checked.problems.filter((p) => p.severity === 'error' && p.row !== null).map((p) => p.row),
        );
        for (const problem of checked.problems) {
          expect(problem.message.length).toBeGreaterThan(0);
          if (problem.row !== null) expect(problem.row).toBeLessThanOrEqual(rows.length + 1);
        }
        const read = checked.evidence.rows.map((r) => r.row);
        for (let row = 2; row <= rows.length + 1; row++) {
          // Each row is read, refused, or the whole file is refused at its header; a row of one
          // empty cell is a blank line, which holds nothing to import.
          const blank = rows[row - 2]?.every((value) => value === '') ?? false;
          expect(read.includes(row) || refused.has(row) || refused.has(1) || blank).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  }, 900_000);
});

describe('evidence import on the database under generated files', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Database;
  let actor: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    const founder = await buildUser(db, { name: 'Fuzz' });
    const workspace = await buildWorkspace(db, founder.id, 'Fuzz Co');
    const found = await findActor(db, founder.id, workspace.id);
    if (!found) throw new Error('the founder is not a member');
    actor = found;
  });
  afterAll(() => handle.close());

  async function rowCounts() {
    const of = async (table: typeof evidence | typeof companies | typeof items) =>
      (await db.select({ n: count() }).from(table).where(eq(table.workspaceId, actor.workspaceId)))[0]?.n ??
      0;
    return { evidence: await of(evidence), companies: await of(companies), items: await of(items) };
  }

  it('should write all of a file or none of it', async () => {
    await fc.assert(
      fc.asyncProperty(evidenceFile, fc.boolean(), async ({ csv }, dryRun) => {
        const before = await rowCounts();
        const report = await importEvidence({ db, actor }, { evidenceCsv: csv, dryRun });
        const after = await rowCounts();
        if (!report.written) {
          expect(after).toEqual(before);
        } else {
          expect(report.problems.every((p) => p.severity === 'warning')).toBe(true);
          expect(after).toEqual({
            evidence: before.evidence + report.evidenceCreated,
            companies: before.companies + report.companiesCreated,
            items: before.items + report.ideasCreated,
          });
        }
      }),
      { numRuns: WRITES },
    );
  }, 300_000);
});
