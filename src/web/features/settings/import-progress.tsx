import type { UploadProgress } from '../../api/upload';
import { Loading } from '../../components/states';
import { formatBytes } from './import-plan';

/** From this size on, an upload takes long enough for its progress to matter. */
export const LARGE_FILE_BYTES = 512 * 1024;

/**
 * What happens to a file sent for a dry run or an import: a spinner for a small file; for a large
 * one, a progress bar of the upload, then "Checking N rows…" while the server reads it.
 */
export function ImportProgress({
  file,
  progress,
  importing,
}: {
  file: { size: number; rows: number | null };
  progress: UploadProgress | null;
  importing: boolean;
}) {
  if (file.size < LARGE_FILE_BYTES) return <Loading label={importing ? 'Importing' : 'Reading the file'} />;
  const loaded = progress?.loaded ?? 0;
  // Total 0: the upload has started and the browser has not said its size yet.
  const total = progress?.total || file.size;
  const percent = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;
  const uploaded = progress !== null && progress.total > 0 && loaded >= total;
  const rows = file.rows === null ? 'the file' : `${file.rows.toLocaleString('en')} rows`;
  const text = uploaded
    ? `${importing ? 'Importing' : 'Checking'} ${rows}…`
    : `Uploading ${formatBytes(loaded)} of ${formatBytes(total)}…`;
  return (
    <div className="card-section import-progress" data-testid="import-progress">
      <div
        className="import-progress-bar"
        role="progressbar"
        aria-label="Uploading the file"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <p role="status" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
