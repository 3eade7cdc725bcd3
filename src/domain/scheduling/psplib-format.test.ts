import { describe, expect, it } from 'vitest';
import { parsePsplib } from './psplib-format';

const sample = `************************************************************************
jobs (incl. supersource/sink ):  4
RESOURCES
  - renewable                 :  2   R
  - nonrenewable              :  0   N
************************************************************************
PRECEDENCE RELATIONS:
jobnr.    #modes  #successors   successors
   1        1          2           2   3
   2        1          1           4
   3        1          1           4
   4        1          0
************************************************************************
REQUESTS/DURATIONS:
jobnr. mode duration  R 1  R 2
------------------------------------------------------------------------
  1      1     0       0    0
  2      1     3       2    1
  3      1     5       0    4
  4      1     0       0    0
************************************************************************
RESOURCEAVAILABILITIES:
  R 1  R 2
    3    4
************************************************************************
`;

describe('parsePsplib', () => {
  it('should read jobs, successors, durations, demands and capacities when the file is well formed', () => {
    const result = parsePsplib(sample);
    expect(result).toEqual({
      ok: true,
      value: {
        jobCount: 4,
        resourceCount: 2,
        instance: {
          durations: [0, 3, 5, 0],
          demands: [
            [0, 0],
            [2, 1],
            [0, 4],
            [0, 0],
          ],
          capacities: [3, 4],
          successors: [[1, 2], [3], [3], []],
        },
      },
    });
  });

  it('should say which job is missing when a request line is absent', () => {
    const result = parsePsplib(sample.replace('  3      1     5       0    4\n', ''));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContain('job 3 is missing from REQUESTS/DURATIONS');
  });

  it('should refuse a file without a job count when given unrelated text', () => {
    const result = parsePsplib('hello');
    expect(result.ok).toBe(false);
  });

  it('should report a successor outside the job range when one is listed', () => {
    const result = parsePsplib(
      sample.replace('   2        1          1           4', '   2        1          1           9'),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/successor 9 outside 1\.\.4/);
  });
});
