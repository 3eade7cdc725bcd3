import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type {
  ForeignImportResult,
  ImportJob,
  ImportMappingEdits,
  WorkspaceImportResult,
} from '../../../contract';
import type { ImportFormat } from '../../../domain/import/types';
import { settleImport } from '../../api/import-jobs';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';
import { type UploadProgress, uploadForm } from '../../api/upload';

/** A file picked in the browser; `id` changes whenever another file is picked. */
export interface PickedFile {
  id: number;
  name: string;
  size: number;
  /** The bytes, uploaded as they are: the server reads their encoding. */
  blob: Blob;
  /** Rows counted in a large file, for the progress text (null when not counted). */
  rows: number | null;
}

/** Told as a file's bytes leave the browser. */
export type OnUploadProgress = (progress: UploadProgress) => void;

/** What to import and how: into this workspace, or as a new one with a name. */
export interface ImportRequest {
  file: PickedFile;
  target: 'this' | 'new';
  name: string;
  format: ImportFormat | null;
  edits: ImportMappingEdits | undefined;
  dateFormat: string | null;
}

/** The dry run's answer, whichever the target: the report, and what a re-import would change. */
export type DryRun = { summary: WorkspaceImportResult['summary']; merge: WorkspaceImportResult | null };

/** The upload: the file as a part, the choices as fields (the mapping as JSON). */
function formOf(request: ImportRequest, name: string | null): FormData {
  const form = new FormData();
  form.append('file', request.file.blob, request.file.name);
  if (name !== null) form.append('name', name);
  if (request.format) form.append('format', request.format);
  if (request.edits) form.append('mapping', JSON.stringify(request.edits));
  if (request.dateFormat) form.append('dateFormat', request.dateFormat);
  return form;
}

// A dry run needs a name for a new workspace; the name does not change what it reports.
const DRY_RUN_NAME = 'New workspace';

/**
 * The dry run of a file, run again whenever the file, the target, the format or the mapping
 * changes. Nothing is written; the API decides who may import (a 403 names who decides).
 */
export function useImportDryRun(ws: string, request: ImportRequest | null, onProgress?: OnUploadProgress) {
  const { file, ...choices } = request ?? { file: null };
  return useQuery({
    queryKey: keys.importDryRun(ws, { fileId: file?.id ?? null, ...choices, name: undefined }),
    enabled: request !== null,
    retry: false,
    // The mapping stays on screen (and its select keeps focus) while an edit runs again.
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    // The key does not hold the file's text: a dry run is only kept while its page shows it.
    gcTime: 0,
    queryFn: async ({ signal }): Promise<DryRun> => {
      if (!request) throw new Error('Pick a file first');
      if (request.target === 'new') {
        const result = await uploadForm<ForeignImportResult>(
          '/workspaces/import/foreign',
          formOf(request, request.name.trim() || DRY_RUN_NAME),
          { query: { dryRun: 'true' }, signal, ...(onProgress ? { onProgress } : {}) },
        );
        return { summary: result.summary, merge: null };
      }
      const result = await uploadForm<WorkspaceImportResult>(
        `/workspaces/${ws}/import`,
        formOf(request, null),
        { query: { dryRun: 'true' }, signal, ...(onProgress ? { onProgress } : {}) },
      );
      return { summary: result.summary, merge: result };
    },
  });
}

/** What an import did: the new workspace, or what changed in this one. */
export type ImportOutcome =
  | { target: 'new'; result: ForeignImportResult }
  | { target: 'this'; result: WorkspaceImportResult };

/** Imports the file for real, all or nothing. */
export function useRunImport(ws: string, onProgress?: OnUploadProgress) {
  const options = onProgress ? { onProgress } : {};
  return useMutation({
    mutationFn: async (request: ImportRequest): Promise<ImportOutcome> => {
      if (request.target === 'new') {
        // A large file is imported in the background: wait for its job's result.
        const result = await settleImport(
          await uploadForm<ForeignImportResult | ImportJob>(
            '/workspaces/import/foreign',
            formOf(request, request.name.trim()),
            options,
          ),
        );
        return { target: 'new', result };
      }
      const result = await settleImport(
        await uploadForm<WorkspaceImportResult | ImportJob>(
          `/workspaces/${ws}/import`,
          formOf(request, null),
          options,
        ),
      );
      return { target: 'this', result };
    },
    // Both: a new workspace joins my list; an import here changes its items and plans.
    meta: { invalidates: [...invalidates.workspaceCreatedFromFile(), ...invalidates.workspaceImported(ws)] },
  });
}
