import { type DragEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import type { ItemState, ItemType } from '../../../contract';
import type { ImportFormat } from '../../../domain/import/types';
import { describeError } from '../../api/client';
import { useMembers } from '../../api/team-hooks';
import type { UploadProgress } from '../../api/upload';
import { useWorkspace } from '../workspaces/workspace-context';
import {
  type ImportOutcome,
  type ImportRequest,
  type PickedFile,
  useImportDryRun,
  useRunImport,
} from './import-api';
import { EstimateAndPriorityRules, PeopleMapping, TypeMapping } from './import-mapping-tables';
import {
  buildImportEdits,
  countCsvRows,
  formatBytes,
  importBlockedReason,
  type PersonChoice,
  refuseFile,
} from './import-plan';
import { ImportProgress, LARGE_FILE_BYTES } from './import-progress';
import { FormatChoice, ImportCounts, ImportProblems, StateMapping } from './import-report';

let nextFileId = 1;

/**
 * Settings → Import: a Jira, Linear, GitHub or CSV file into this workspace (re-importing
 * updates items by their key) or as a new workspace, after a dry run the user can adjust.
 */
export function ImportPage() {
  const { workspace } = useWorkspace();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [target, setTarget] = useState<'this' | 'new'>('this');
  const [name, setName] = useState('');
  const [format, setFormat] = useState<ImportFormat | null>(null);
  const [states, setStates] = useState<Record<string, ItemState>>({});
  const [types, setTypes] = useState<Record<string, ItemType>>({});
  const [people, setPeople] = useState<Record<string, PersonChoice>>({});
  const [dateFormat, setDateFormat] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const members = useMembers(workspace.id);
  // Another format names other statuses, types and people: start the tables again.
  const resetMapping = () => {
    setStates({});
    setTypes({});
    setPeople({});
  };

  const pick = async (picked: File | undefined) => {
    if (!picked) return;
    setOutcome(null);
    const refused = refuseFile(picked);
    setRefusal(refused);
    if (refused) return setFile(null);
    // Rows are counted only where the progress text shows them.
    const rows = picked.size >= LARGE_FILE_BYTES ? countCsvRows(await picked.text()) : null;
    setFormat(null);
    resetMapping();
    setDateFormat(null);
    setFile({ id: nextFileId++, name: picked.name, size: picked.size, blob: picked, rows });
  };

  const edits = buildImportEdits({ states, types, people, dateFormat });
  const request: ImportRequest | null = file ? { file, target, name, format, edits, dateFormat } : null;
  const dryRun = useImportDryRun(workspace.id, outcome ? null : request, setProgress);
  const run = useRunImport(workspace.id, setProgress);
  const sending = file !== null && (dryRun.isFetching || run.isPending);

  return (
    <div className="page page-import">
      <header className="page-header">
        <h1>Import</h1>
      </header>
      <p className="muted">
        Bring your issues from Jira, Linear or GitHub, or any CSV with a title column. Nothing is written
        until you confirm: first you see what the file holds, every problem, and how its states become
        Headway's. Importing the same file again updates the items it brought, matched by their key.
      </p>
      <FilePicker file={file} refusal={refusal} onPick={(f) => void pick(f)} />
      <fieldset className="card-section import-target">
        <legend>Import into</legend>
        <label className="radio">
          <input
            type="radio"
            name="import-target"
            checked={target === 'this'}
            onChange={() => setTarget('this')}
          />
          This workspace ({workspace.name})
        </label>
        <label className="radio">
          <input
            type="radio"
            name="import-target"
            checked={target === 'new'}
            onChange={() => setTarget('new')}
          />
          A new workspace
        </label>
        {target === 'new' && (
          <label className="field">
            <span>Name of the new workspace</span>
            <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
        )}
      </fieldset>
      {outcome ? (
        <ImportDone
          outcome={outcome}
          slug={workspace.slug}
          onAnother={() => {
            setOutcome(null);
            setFile(null);
          }}
        />
      ) : request === null ? null : dryRun.isPending ? (
        <ImportProgress file={request.file} progress={progress} importing={false} />
      ) : dryRun.isError ? (
        <p className="form-error" role="alert">
          {describeError(dryRun.error)}
        </p>
      ) : (
        <>
          <section className="card-section" aria-labelledby="import-format-heading">
            <h2 id="import-format-heading">Format</h2>
            <FormatChoice
              detected={dryRun.data.summary.format}
              chosen={format}
              onChange={(f) => {
                setFormat(f);
                resetMapping();
              }}
            />
          </section>
          {sending && file.size >= LARGE_FILE_BYTES && (
            <ImportProgress file={file} progress={progress} importing={run.isPending} />
          )}
          <ImportCounts summary={dryRun.data.summary} />
          <StateMapping
            states={dryRun.data.summary.mapping.states}
            onChange={(status, state) => setStates((s) => ({ ...s, [status]: state }))}
            dateFormat={dateFormat}
            onDateFormat={setDateFormat}
            problems={dryRun.data.summary.problems}
          >
            <h3>Types</h3>
            <TypeMapping
              types={dryRun.data.summary.mapping.types}
              onChange={(theirs, ours) => setTypes((t) => ({ ...t, [theirs]: ours }))}
            />
            <h3>People</h3>
            <PeopleMapping
              people={dryRun.data.summary.mapping.people}
              members={target === 'this' ? (members.data ?? []) : []}
              onChange={(key, choice) => setPeople((p) => ({ ...p, [key]: choice }))}
            />
            <h3>Estimates and priorities</h3>
            <EstimateAndPriorityRules mapping={dryRun.data.summary.mapping} />
          </StateMapping>
          <ImportProblems problems={dryRun.data.summary.problems} />
          <Confirm
            request={request}
            dryRun={dryRun.data}
            refetching={dryRun.isFetching}
            pending={run.isPending}
            error={run.error}
            onConfirm={() => run.mutate(request, { onSuccess: setOutcome })}
          />
        </>
      )}
    </div>
  );
}

/** A file input that also takes a file dropped on it. */
function FilePicker({
  file,
  refusal,
  onPick,
}: {
  file: PickedFile | null;
  refusal: string | null;
  onPick: (file: File | undefined) => void;
}) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    onPick(event.dataTransfer.files[0]);
  };
  return (
    <section className="card-section" aria-labelledby="import-file-heading">
      <h2 id="import-file-heading">File</h2>
      <fieldset
        className={`drop-zone${over ? ' drop-zone-over' : ''}`}
        data-testid="import-drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <legend className="sr-only">The file to import</legend>
        <label htmlFor={inputId}>Choose a file, or drop it here</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          onChange={(e) => {
            onPick(e.target.files?.[0]);
            // Picking the same file again after a change on disk reads it again.
            e.target.value = '';
          }}
        />
        {file && (
          <p data-testid="import-file">
            <strong>{file.name}</strong> <span className="muted">({formatBytes(file.size)})</span>
          </p>
        )}
      </fieldset>
      {refusal && (
        <p className="form-error" role="alert">
          {refusal}
        </p>
      )}
    </section>
  );
}

function Confirm({
  request,
  dryRun,
  refetching,
  pending,
  error,
  onConfirm,
}: {
  request: ImportRequest;
  dryRun: NonNullable<ReturnType<typeof useImportDryRun>['data']>;
  refetching: boolean;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
}) {
  const reasonId = useId();
  const needsName = request.target === 'new' && request.name.trim() === '';
  const blocked = importBlockedReason(dryRun.summary) ?? (needsName ? 'Name the new workspace first.' : null);
  const merge = dryRun.merge;
  const n = dryRun.summary.items;
  return (
    <section className="card-section" aria-labelledby="import-confirm-heading">
      <h2 id="import-confirm-heading">Import</h2>
      {merge && (
        <p data-testid="import-would">
          Into this workspace: {merge.created.length} new, {merge.updated.length} updated, {merge.unchanged}{' '}
          unchanged.
          {merge.withheld.length > 0 &&
            ` ${merge.withheld.length} changes are not yours to make and stay as they are.`}
        </p>
      )}
      <button
        type="button"
        className="button button-primary"
        disabled={blocked !== null || pending || refetching}
        aria-describedby={blocked ? reasonId : undefined}
        onClick={onConfirm}
      >
        {pending ? 'Importing…' : `Import ${n} ${n === 1 ? 'item' : 'items'}`}
      </button>
      {blocked && (
        <p id={reasonId} className="muted">
          {blocked}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {describeError(error)}
        </p>
      )}
    </section>
  );
}

/** What the import did, and where to look next. */
function ImportDone({
  outcome,
  slug,
  onAnother,
}: {
  outcome: ImportOutcome;
  slug: string;
  onAnother: () => void;
}) {
  const to = outcome.target === 'new' ? (outcome.result.workspace?.slug ?? slug) : slug;
  const items = outcome.result.summary.items;
  return (
    <section className="card-section" aria-labelledby="import-done-heading" role="status">
      <h2 id="import-done-heading">
        {outcome.target === 'new'
          ? `Workspace “${outcome.result.workspace?.name ?? ''}” created with ${items} items`
          : 'Import finished'}
      </h2>
      {outcome.target === 'this' && (
        <ul data-testid="import-result">
          <li>{outcome.result.created.length} created</li>
          <li>{outcome.result.updated.length} updated</li>
          <li>{outcome.result.unchanged} unchanged</li>
          {outcome.result.withheld.length > 0 && <li>{outcome.result.withheld.length} changes withheld</li>}
        </ul>
      )}
      <p className="inline-form">
        <Link className="button button-primary" to={`/w/${to}/backlog`}>
          Open the backlog
        </Link>
        <Link className="button" to={`/w/${to}/forecasts`}>
          See the throughput forecast
        </Link>
        <button type="button" className="button button-ghost" onClick={onAnother}>
          Import another file
        </button>
      </p>
    </section>
  );
}
