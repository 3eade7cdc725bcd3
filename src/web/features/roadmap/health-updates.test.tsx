// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HealthUpdate } from './health-api';
import { HealthCallLine } from './health-updates';

afterEach(cleanup);

const call = (status: HealthUpdate['status']): HealthUpdate => ({
  id: 'h1',
  itemId: 'm1',
  version: 3,
  status,
  note: 'Design signed off',
  authorId: 'u1',
  authorName: 'Dana',
  createdAt: '2027-01-04T10:00:00.000Z',
});

describe('HealthCallLine', () => {
  it('should set the forecast beside the call and point out an on-track call under 50 %', () => {
    render(<HealthCallLine update={call('on_track')} probabilityOnTime={0.42} />);
    expect(screen.getByTestId('health-call').textContent).toContain(
      'Dana: on track · forecast 42% by target',
    );
    expect(screen.getByTestId('health-mismatch').textContent).toContain('only 42 % by the target');
  });

  it('should not point out a call that agrees with the forecast or one made without a forecast', () => {
    render(<HealthCallLine update={call('off_track')} probabilityOnTime={0.42} />);
    render(<HealthCallLine update={call('on_track')} probabilityOnTime={null} />);
    expect(screen.getAllByTestId('health-call').map((el) => el.textContent)).toEqual([
      'Dana: off track · forecast 42% by target — “Design signed off”',
      'Dana: on track — “Design signed off”',
    ]);
    expect(screen.queryByTestId('health-mismatch')).toBeNull();
  });
});
