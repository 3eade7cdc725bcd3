import type { ReactNode } from 'react';
import type { ItemState } from '../../../contract';
import { IMPORT_FORMATS, type ImportFormat } from '../../../domain/import/types';
import { ITEM_STATES, STATE_LABELS } from '../backlog/labels';
import type { DryRun } from './import-api';
import { ValueMapping } from './import-mapping-tables';
import { dateFormatChoices, sortProblems } from './import-plan';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  jira: 'Jira CSV',
  linear: 'Linear CSV',
  github: 'GitHub issues (JSON)',
  csv: 'Other CSV',
};

type Summary = DryRun['summary'];

/** The detected format, with a select to read the file as another one. */
export function FormatChoice({
  detected,
  chosen,
  onChange,
}: {
  detected: ImportFormat;
  chosen: ImportFormat | null;
  onChange: (format: ImportFormat | null) => void;
}) {
  return (
    <label className="field">
      <span>Read the file as</span>
      <select
        value={chosen ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as ImportFormat))}
      >
        <option value="">Detected: {FORMAT_LABELS[detected]}</option>
        {IMPORT_FORMATS.map((f) => (
          <option key={f} value={f}>
            {FORMAT_LABELS[f]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Counts, skipped rows by reason and the assumptions the import makes. */
export function ImportCounts({ summary }: { summary: Summary }) {
  const counts: [string, number][] = [
    ['Items', summary.items],
    ['Done', summary.done],
    ['Cancelled', summary.cancelled],
    ['Dependencies', summary.dependencies],
    ['People', summary.people],
    ['History entries', summary.historyEntries],
  ];
  const skipped = Object.entries(summary.skipped);
  return (
    <section className="card-section" aria-labelledby="import-counts-heading">
      <h2 id="import-counts-heading">What the file holds</h2>
      <dl className="import-counts" data-testid="import-counts">
        {counts.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      {skipped.length > 0 && (
        <>
          <h3>Skipped rows</h3>
          <ul>
            {skipped.map(([reason, n]) => (
              <li key={reason}>
                {reason}: {n}
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.assumptions.length > 0 && (
        <>
          <h3>Assumptions</h3>
          <ul>
            {summary.assumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * The mapping: their statuses and the Headway state each becomes (changing one runs the dry run
 * again), then the other tables given as children.
 */
export function StateMapping({
  states,
  onChange,
  dateFormat,
  onDateFormat,
  problems,
  children,
}: {
  states: Record<string, ItemState>;
  onChange: (status: string, state: ItemState) => void;
  dateFormat: string | null;
  onDateFormat: (format: string | null) => void;
  problems: Summary['problems'];
  children?: ReactNode;
}) {
  const statuses = Object.keys(states).sort((a, b) => a.localeCompare(b));
  const dateChoices = dateFormatChoices(problems);
  return (
    <section className="card-section" aria-labelledby="import-mapping-heading">
      <h2 id="import-mapping-heading">Mapping</h2>
      {(dateChoices.length > 0 || dateFormat) && (
        <label className="field">
          <span>The file's dates read several ways: which format is it?</span>
          <select value={dateFormat ?? ''} onChange={(e) => onDateFormat(e.target.value || null)}>
            <option value="">Choose a date format</option>
            {[...new Set([...(dateFormat ? [dateFormat] : []), ...dateChoices])].map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
      )}
      {statuses.length === 0 ? (
        <p className="muted">The file names no status.</p>
      ) : (
        <ValueMapping
          noun="state"
          empty="status"
          mapping={states}
          options={ITEM_STATES}
          labels={STATE_LABELS}
          testId="state-mapping"
          onChange={onChange}
        />
      )}
      {children}
    </section>
  );
}

/** Every problem of the file, errors first, with what to do about it. */
export function ImportProblems({ problems }: { problems: Summary['problems'] }) {
  return (
    <section className="card-section" aria-labelledby="import-problems-heading">
      <h2 id="import-problems-heading">Problems</h2>
      {problems.length === 0 ? (
        <p className="muted">None: every row reads cleanly.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="import-problems">
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
                <th scope="col">Why it matters</th>
              </tr>
            </thead>
            <tbody>
              {sortProblems(problems).map((p) => (
                <tr
                  key={`${p.severity}|${p.row}|${p.column}|${p.message}`}
                  className={`problem-${p.severity}`}
                >
                  <td>{p.severity === 'error' ? 'Error' : 'Warning'}</td>
                  <td>{p.row ?? '—'}</td>
                  <td>{p.column ?? '—'}</td>
                  <td>{p.message}</td>
                  <td>{p.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
