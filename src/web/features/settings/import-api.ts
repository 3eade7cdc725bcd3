import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ForeignImportResult, ImportMappingEdits, WorkspaceImportResult } from '../../../contract';
import type { ImportFormat } from '../../../domain/import/types';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

/** A file read in the browser; `id` changes whenever another file is picked. */
export interface PickedFile {
  id: number;
  name: string;
  size: number;
  text: string;
}

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

function bodyOf(request: ImportRequest, name: string | null) {
  return {
    text: request.file.text,
    fileName: request.file.name,
    ...(name === null ? {} : { name }),
    ...(request.format ? { format: request.format } : {}),
    ...(request.edits ? { mapping: request.edits } : {}),
    ...(request.dateFormat ? { dateFormat: request.dateFormat } : {}),
  };
}

// A dry run needs a name for a new workspace; the name does not change what it reports.
const DRY_RUN_NAME = 'New workspace';

/**
 * The dry run of a file, run again whenever the file, the target, the format or the mapping
 * changes. Nothing is written; the API decides who may import (a 403 names who decides).
 */
export function useImportDryRun(ws: string, request: ImportRequest | null) {
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
        const result = await requestApi<ForeignImportResult>('/workspaces/import/foreign', {
          method: 'POST',
          query: { dryRun: 'true' },
          body: bodyOf(request, request.name.trim() || DRY_RUN_NAME),
          signal,
        });
        return { summary: result.summary, merge: null };
      }
      const result = await requestApi<WorkspaceImportResult>(`/workspaces/${ws}/import`, {
        method: 'POST',
        query: { dryRun: 'true' },
        body: bodyOf(request, null),
        signal,
      });
      return { summary: result.summary, merge: result };
    },
  });
}

/** What an import did: the new workspace, or what changed in this one. */
export type ImportOutcome =
  | { target: 'new'; result: ForeignImportResult }
  | { target: 'this'; result: WorkspaceImportResult };

/** Imports the file for real, all or nothing. */
export function useRunImport(ws: string) {
  return useMutation({
    mutationFn: async (request: ImportRequest): Promise<ImportOutcome> => {
      if (request.target === 'new') {
        const result = await requestApi<ForeignImportResult>('/workspaces/import/foreign', {
          method: 'POST',
          body: bodyOf(request, request.name.trim()),
        });
        return { target: 'new', result };
      }
      const result = await requestApi<WorkspaceImportResult>(`/workspaces/${ws}/import`, {
        method: 'POST',
        body: bodyOf(request, null),
      });
      return { target: 'this', result };
    },
    // Both: a new workspace joins my list; an import here changes its items and plans.
    meta: { invalidates: [...invalidates.workspaceCreatedFromFile(), ...invalidates.workspaceImported(ws)] },
  });
}
