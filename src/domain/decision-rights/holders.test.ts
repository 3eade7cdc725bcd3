import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECISIONS, type Decision, type Letter, ROLES, type Role } from './catalogue';
import {
  describeInterimHold,
  describeRefusal,
  findDecisionsHeld,
  findEffectiveHolders,
  holdsDecision,
  rolesThatHold,
} from './holders';
import { canDecide, type DecisionMatrix, defaultDecisionMatrix, type Holder } from './matrix';

const alex: Holder = { userId: 'u-alex', name: 'Alex', role: 'founder' };
const member = (userId: string, role: Role): Holder => ({ userId, name: userId, role });

describe('findEffectiveHolders', () => {
  it('should make the founder the interim holder of ordering when the founder is alone', () => {
    const holders = findEffectiveHolders(defaultDecisionMatrix(), 'backlog_order', [alex]);
    expect(holders).toEqual([{ ...alex, interim: true }]);
  });

  it('should hand ordering back to the product manager once one joins', () => {
    const pm = member('dana', 'product_manager');
    const holders = findEffectiveHolders(defaultDecisionMatrix(), 'backlog_order', [alex, pm]);
    expect(holders).toEqual([{ ...pm, interim: false }]);
  });

  it('should give estimates to the founder until a CTO or developer joins', () => {
    const designer = member('priya', 'designer');
    const matrix = defaultDecisionMatrix();
    expect(findEffectiveHolders(matrix, 'estimates', [alex, designer])).toEqual([{ ...alex, interim: true }]);
    const dev = member('jo', 'developer');
    expect(findEffectiveHolders(matrix, 'estimates', [alex, designer, dev])).toEqual([
      { ...dev, interim: false },
    ]);
  });

  it('should not mark a founder interim where the matrix already makes the founder responsible', () => {
    expect(findEffectiveHolders(defaultDecisionMatrix(), 'scope', [alex])).toEqual([
      { ...alex, interim: false },
    ]);
  });

  it('should name every founder when there are several and nobody else holds it', () => {
    const other = { userId: 'u-bo', name: 'Bo', role: 'founder' as Role };
    const holders = findEffectiveHolders(defaultDecisionMatrix(), 'delivery_dates', [alex, other]);
    expect(holders.map((h) => h.name)).toEqual(['Alex', 'Bo']);
    expect(holders.every((h) => h.interim)).toBe(true);
  });
});

describe('holdsDecision', () => {
  it('should let a lone founder order, estimate and set dates', () => {
    const matrix = defaultDecisionMatrix();
    for (const d of ['backlog_order', 'estimates', 'delivery_dates'] as Decision[]) {
      expect(holdsDecision(matrix, d, alex, [alex])).toBe(true);
    }
  });

  it('should take the interim hold away once a CPO joins', () => {
    const matrix = defaultDecisionMatrix();
    const cpo = member('chris', 'cpo');
    expect(holdsDecision(matrix, 'backlog_order', alex, [alex, cpo])).toBe(false);
    expect(holdsDecision(matrix, 'backlog_order', cpo, [alex, cpo])).toBe(true);
  });

  it('should never give an interim hold to anyone but a founder', () => {
    const viewer = member('vic', 'viewer');
    expect(holdsDecision(defaultDecisionMatrix(), 'backlog_order', viewer, [viewer])).toBe(false);
  });

  it('should list what a lone founder holds: every decision', () => {
    expect(findDecisionsHeld(defaultDecisionMatrix(), alex, [alex])).toEqual([...DECISIONS]);
  });
});

describe('describeInterimHold and describeRefusal', () => {
  it('should say which roles take the decision over', () => {
    expect(rolesThatHold(defaultDecisionMatrix(), 'backlog_order')).toEqual([
      'product_manager',
      'ctpo',
      'cpo',
      'designer',
    ]);
    expect(describeInterimHold(defaultDecisionMatrix(), 'backlog_order')).toBe(
      'until a product manager, CTPO, CPO or designer joins',
    );
  });

  it('should name the interim founder in a refusal', () => {
    const matrix = defaultDecisionMatrix();
    const holders = findEffectiveHolders(matrix, 'estimates', [alex]);
    expect(describeRefusal(matrix, 'estimates', holders)).toBe(
      'Estimates belong to the tech side: ask Alex (founder, until a CTO, CTPO or developer joins)',
    );
  });

  it('should make the verb agree with every decision label, plural or singular', () => {
    const matrix = defaultDecisionMatrix();
    const jo = member('u-jo', 'viewer');
    const verbs = Object.fromEntries(
      DECISIONS.map((d) => [d, describeRefusal(matrix, d, [jo]).match(/ (belongs?) to /)?.[1]]),
    );
    expect(verbs).toEqual({
      backlog_order: 'belongs',
      scope: 'belongs',
      requirements: 'belong',
      delivery_dates: 'belong',
      roadmap: 'belongs',
      prioritization_method: 'belongs',
      assignment: 'belongs',
      estimates: 'belong',
      technical_approach: 'belongs',
      dependencies: 'belong',
      team: 'belongs',
    });
  });
});

// Any matrix with exactly one A per decision, the shape findMatrixProblems accepts.
const matrixArb: fc.Arbitrary<DecisionMatrix> = fc
  .tuple(
    ...DECISIONS.map(() =>
      fc.tuple(
        fc.constantFrom(...ROLES),
        fc.tuple(...ROLES.map(() => fc.constantFrom<Letter>('R', 'C', 'I'))),
      ),
    ),
  )
  .map((rows) => {
    const matrix = {} as DecisionMatrix;
    DECISIONS.forEach((d, i) => {
      const [accountable, letters] = rows[i]!;
      matrix[d] = Object.fromEntries(
        ROLES.map((r, j) => [r, r === accountable ? 'A' : letters[j]!]),
      ) as Record<Role, Letter>;
    });
    return matrix;
  });

const teamArb = fc
  .array(fc.constantFrom(...ROLES), { maxLength: 8 })
  .map((roles) => [alex, ...roles.map((role, i) => member(`m${i}`, role))]);

describe('properties', () => {
  it('should leave no decision without a present holder in any team with a founder', () => {
    fc.assert(
      fc.property(matrixArb, teamArb, (matrix, team) => {
        for (const d of DECISIONS) {
          const holders = findEffectiveHolders(matrix, d, team);
          expect(holders.length).toBeGreaterThan(0);
          for (const h of holders) expect(holdsDecision(matrix, d, h, team)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('should end the founder’s interim hold when a member holding the decision joins', () => {
    fc.assert(
      fc.property(matrixArb, teamArb, fc.constantFrom(...DECISIONS), (matrix, team, decision) => {
        const joiner = ROLES.find((r) => r !== 'founder' && canDecide(matrix, r, decision));
        fc.pre(joiner !== undefined);
        const before = findEffectiveHolders(matrix, decision, team);
        const after = findEffectiveHolders(matrix, decision, [...team, member('joiner', joiner as Role)]);
        expect(after.some((h) => h.interim)).toBe(false);
        if (!canDecide(matrix, 'founder', decision)) {
          expect(holdsDecision(matrix, decision, alex, [...team, member('joiner', joiner as Role)])).toBe(
            false,
          );
        }
        // Only founders ever hold in the interim.
        expect(before.filter((h) => h.interim).every((h) => h.role === 'founder')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('should give exactly the matrix answer to anyone who is not a founder', () => {
    fc.assert(
      fc.property(matrixArb, teamArb, (matrix, team) => {
        for (const m of team.filter((x) => x.role !== 'founder')) {
          for (const d of DECISIONS)
            expect(holdsDecision(matrix, d, m, team)).toBe(canDecide(matrix, m.role, d));
        }
      }),
      { numRuns: 200 },
    );
  });
});
