/**
 * Invariants of evidence counting and reach on random evidence. HEADWAY_DISCOVERY_RUNS raises the
 * run count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Company,
  countAccounts,
  type EvidenceNote,
  type Importance,
  mergeEvidence,
  summarizeDemand,
} from './accounts';
import { estimateReach, REACH_WEIGHTINGS } from './reach';

const RUNS = Number(process.env.HEADWAY_DISCOVERY_RUNS ?? 100);
const COMPANY_IDS = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];

const companies = new Map<string, Company>(
  COMPANY_IDS.map((id, index) => [
    id,
    { id, arr: index === 0 ? null : index * 1_000, tier: index % 2 ? 'pro' : 'free', segment: null },
  ]),
);

const evidence = (ideaId: string) =>
  fc
    .array(
      fc.record({
        companyId: fc.option(fc.constantFrom(...COMPANY_IDS), { nil: null }),
        requesterEmail: fc.option(fc.constantFrom('a@x.io', 'b@y.io'), { nil: null }),
        importance: fc.constantFrom<Importance>(0, 1, 2, 3),
        givenAt: fc.integer({ min: 0, max: 1_000 }),
      }),
      { maxLength: 25 },
    )
    .map((rows) => rows.map((row, index): EvidenceNote => ({ ...row, id: `${ideaId}-${index}`, ideaId })));

describe('discovery properties', () => {
  it('should never raise reach when an already counted account adds evidence', () => {
    fc.assert(
      fc.property(
        evidence('i'),
        fc.constantFrom(...REACH_WEIGHTINGS),
        fc.constantFrom<Importance>(0, 1, 2, 3),
        fc.nat(),
        (notes, weighting, importance, pick) => {
          const heard = [...COMPANY_IDS.map((id) => `company:${id}`), 'person:a@x.io'];
          const before = estimateReach({
            asked: countAccounts(notes),
            heard,
            companies,
            population: 100,
            weighting,
          });
          const named = notes.filter((n) => n.companyId !== null || n.requesterEmail !== null);
          // An anonymous note is an account of its own: a second one is a new account.
          fc.pre(named.length > 0);
          const source = named[pick % named.length] as EvidenceNote;
          const again: EvidenceNote = { ...source, id: 'again', importance, givenAt: 2_000 };
          const after = estimateReach({
            asked: countAccounts([...notes, again]),
            heard,
            companies,
            population: 100,
            weighting,
          });
          expect(after.share).toBeLessThanOrEqual(before.share);
          expect(after.asked).toBe(before.asked);
          expect(after.high).toBeLessThanOrEqual(before.high);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('should conserve evidence when two ideas are merged', () => {
    fc.assert(
      fc.property(evidence('a'), evidence('b'), (first, second) => {
        const merged = mergeEvidence('a', [...first, ...second]);
        const a = summarizeDemand('a', first, companies);
        const b = summarizeDemand('b', second, companies);
        const both = summarizeDemand('a', merged, companies);
        expect(merged.every((note) => note.ideaId === 'a')).toBe(true);
        expect(both.evidence).toBe(a.evidence + b.evidence);
        expect(both.accounts).toBeLessThanOrEqual(a.accounts + b.accounts);
        expect(both.accounts).toBeGreaterThanOrEqual(Math.max(a.accounts, b.accounts));
        expect(new Set(merged.map((note) => note.id)).size).toBe(first.length + second.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('should keep the share inside its interval and the interval inside [0, 1]', () => {
    fc.assert(
      fc.property(
        evidence('i'),
        fc.constantFrom(...REACH_WEIGHTINGS),
        fc.integer({ min: 0, max: 40 }),
        (notes, weighting, extraHeard) => {
          const heard = Array.from({ length: extraHeard }, (_, i) => `person:p${i}@z.io`);
          const estimate = estimateReach({
            asked: countAccounts(notes),
            heard,
            companies,
            population: 50,
            weighting,
          });
          expect(estimate.low).toBeGreaterThanOrEqual(0);
          expect(estimate.high).toBeLessThanOrEqual(1);
          expect(estimate.low).toBeLessThanOrEqual(estimate.share + 1e-12);
          expect(estimate.high).toBeGreaterThanOrEqual(estimate.share - 1e-12);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
