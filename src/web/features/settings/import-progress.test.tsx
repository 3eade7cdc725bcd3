// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportProgress, LARGE_FILE_BYTES } from './import-progress';

afterEach(cleanup);

const large = { size: 4 * 1024 * 1024, rows: 50_000 };

describe('ImportProgress', () => {
  it('should show a spinner, not a progress bar, for a small file', () => {
    render(
      <ImportProgress file={{ size: LARGE_FILE_BYTES - 1, rows: null }} progress={null} importing={false} />,
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Reading the file');
  });

  it('should show how much of a large file is uploaded', () => {
    render(
      <ImportProgress
        file={large}
        progress={{ loaded: 1024 * 1024, total: 4 * 1024 * 1024 }}
        importing={false}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Uploading the file' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(bar.getAttribute('aria-valuetext')).toBe('Uploading 1.0 MB of 4.0 MB…');
  });

  it('should say the rows are being checked once the upload is done', () => {
    render(<ImportProgress file={large} progress={{ loaded: 4, total: 4 }} importing={false} />);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(screen.getByRole('status').textContent).toBe('Checking 50,000 rows…');
  });

  it('should start at nought while the browser has not said the upload size', () => {
    render(<ImportProgress file={large} progress={{ loaded: 0, total: 0 }} importing />);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');
    expect(screen.getByRole('status').textContent).toBe('Uploading 0 B of 4.0 MB…');
  });
});
