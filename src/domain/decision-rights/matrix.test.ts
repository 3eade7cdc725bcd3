import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECISIONS, type Decision, LETTERS, ROLES, type Role } from './catalogue';
import { describeRefusal } from './holders';
import {
  accountableRole,
  canDecide,
  defaultDecisionMatrix,
  findHolders,
  findMatrixProblems,
  isDecisionMatrix,
} from './matrix';

const productDecisions: Decision[] = ['backlog_order', 'scope', 'delivery_dates', 'roadmap'];
const techDecisions: Decision[] = ['estimates', 'technical_approach', 'dependencies'];

describe('defaultDecisionMatrix', () => {
  it('should have no problems when checked', () => {
    expect(findMatrixProblems(defaultDecisionMatrix())).toEqual([]);
  });

  it('should never make the CTO accountable for ordering or delivery dates', () => {
    const matrix = defaultDecisionMatrix();
    expect(matrix.backlog_order.cto).not.toBe('A');
    expect(matrix.delivery_dates.cto).not.toBe('A');
    expect(canDecide(matrix, 'cto', 'backlog_order')).toBe(false);
    expect(canDecide(matrix, 'cto', 'delivery_dates')).toBe(false);
  });

  it('should give product decisions to product roles and tech decisions to the CTO', () => {
    const matrix = defaultDecisionMatrix();
    for (const d of productDecisions) {
      expect(['product_manager', 'cpo']).toContain(accountableRole(matrix, d));
    }
    for (const d of techDecisions) expect(accountableRole(matrix, d)).toBe('cto');
  });

  it('should let a CTPO act on both sides', () => {
    const matrix = defaultDecisionMatrix();
    for (const d of [...productDecisions, ...techDecisions]) expect(canDecide(matrix, 'ctpo', d)).toBe(true);
  });

  it('should let a viewer decide nothing', () => {
    const matrix = defaultDecisionMatrix();
    for (const d of DECISIONS) expect(canDecide(matrix, 'viewer', d)).toBe(false);
  });
});

describe('findMatrixProblems', () => {
  it('should report a decision with two accountable roles', () => {
    const matrix = defaultDecisionMatrix();
    matrix.estimates.developer = 'A';
    const problems = findMatrixProblems(matrix);
    expect(problems).toEqual([
      { decision: 'estimates', message: 'Estimates need exactly one accountable (A) role, found 2' },
    ]);
  });

  it('should report unknown decisions, roles and letters', () => {
    const matrix: Record<string, Record<string, string>> = defaultDecisionMatrix();
    matrix.coffee = { founder: 'A' };
    matrix.scope = { ...matrix.scope, intern: 'R', viewer: 'X' };
    const messages = findMatrixProblems(matrix).map((p) => p.message);
    expect(messages.some((m) => m.startsWith('unknown decision "coffee"'))).toBe(true);
    expect(messages.some((m) => m.startsWith('unknown role "intern"'))).toBe(true);
    expect(messages).toContain('"X" for viewer is not one of R, A, C, I');
  });

  it('should accept exactly the matrices with one A per row', () => {
    const letter = fc.constantFrom(...LETTERS);
    const rowArb = fc.tuple(...ROLES.map(() => letter));
    fc.assert(
      fc.property(fc.tuple(...DECISIONS.map(() => rowArb)), (rows) => {
        const candidate: Record<string, Record<string, string>> = {};
        DECISIONS.forEach((d, i) => {
          candidate[d] = Object.fromEntries(ROLES.map((r, j) => [r, rows[i]![j]!]));
        });
        const valid = rows.every((r) => r.filter((l) => l === 'A').length === 1);
        expect(findMatrixProblems(candidate).length === 0).toBe(valid);
      }),
      { numRuns: 200 },
    );
  });
});

describe('isDecisionMatrix', () => {
  it('should accept the default matrix', () => {
    expect(isDecisionMatrix(defaultDecisionMatrix())).toBe(true);
  });

  it('should refuse a matrix missing a role, or naming an unknown one', () => {
    const missing: Record<string, Record<string, string>> = defaultDecisionMatrix();
    const { viewer: _, ...withoutViewer } = defaultDecisionMatrix().scope;
    missing.scope = withoutViewer;
    expect(isDecisionMatrix(missing)).toBe(false);
    const extra: Record<string, Record<string, string>> = defaultDecisionMatrix();
    extra.scope = { ...extra.scope, intern: 'I' };
    expect(isDecisionMatrix(extra)).toBe(false);
  });
});

describe('findHolders and describeRefusal', () => {
  const team = [
    { userId: 'u1', name: 'Dana', role: 'product_manager' as Role },
    { userId: 'u2', name: 'Sam', role: 'cto' as Role },
    { userId: 'u3', name: 'Priya', role: 'designer' as Role },
  ];

  it('should name the accountable person when the team has one', () => {
    const matrix = defaultDecisionMatrix();
    const holders = findHolders(matrix, 'backlog_order', team);
    expect(holders.map((h) => h.name)).toEqual(['Dana']);
    expect(describeRefusal(matrix, 'backlog_order', holders)).toBe(
      'Ordering the backlog belongs to the product function: ask Dana (product manager)',
    );
  });

  it('should fall back to responsible people when nobody holds the accountable role', () => {
    const matrix = defaultDecisionMatrix();
    const noPm = team.filter((m) => m.role !== 'product_manager');
    const holders = findHolders(matrix, 'backlog_order', noPm);
    expect(holders.map((h) => h.name)).toEqual(['Priya']);
  });

  it('should say nobody holds it when the team has no one for it', () => {
    const matrix = defaultDecisionMatrix();
    expect(describeRefusal(matrix, 'roadmap', [])).toBe(
      'The roadmap belongs to the product function, and nobody on the team holds it yet: the founder can assign it on the Team page',
    );
  });

  it('should list several holders with "or"', () => {
    const matrix = defaultDecisionMatrix();
    const devs = [
      { userId: 'a', name: 'Jo', role: 'developer' as Role },
      { userId: 'b', name: 'Kim', role: 'developer' as Role },
    ];
    expect(describeRefusal(matrix, 'estimates', devs)).toBe(
      'Estimates belong to the tech side: ask Jo (developer) or Kim (developer)',
    );
  });
});
