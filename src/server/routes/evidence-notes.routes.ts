import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  EvidenceNoteListSchema,
  EvidenceNoteQuerySchema,
  EvidenceNoteSchema,
  MergedIdeaSchema,
  MergeIdeaSchema,
  SplitEvidenceNoteSchema,
  text,
  UpdateEvidenceNoteSchema,
} from '../../contract';
import {
  listEvidenceNotes,
  mergeIdea,
  splitEvidenceNote,
  updateEvidenceNote,
} from '../commands/evidence-notes';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { ItemParams, jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

const NoteParams = z.object({ workspaceId: text(), noteId: text() });

/** Customer notes one by one: read, corrected, moved, split; an idea merged into its duplicate. */
export function registerEvidenceNoteRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/evidence',
      tags: ['discovery'],
      summary: 'The customer notes, oldest first, or those on one idea (`itemId`)',
      request: { params: WorkspaceParams, query: EvidenceNoteQuerySchema },
      responses: jsonResponses(200, EvidenceNoteListSchema, 'The notes'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const notes = await listEvidenceNotes(c.get('deps').db, actor, c.req.valid('query').itemId);
      return send(c, EvidenceNoteListSchema, notes);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/workspaces/{workspaceId}/evidence/{noteId}',
      tags: ['discovery'],
      summary:
        'Correct a note, or move it to another idea (itemId; null unlinks it), at the version seen (409 when stale)',
      request: { params: NoteParams, ...jsonBody(UpdateEvidenceNoteSchema) },
      responses: jsonResponses(200, EvidenceNoteSchema, 'The note as it now is'),
    }),
    async (c) => {
      const { workspaceId, noteId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const note = await updateEvidenceNote({ db: c.get('deps').db, actor }, noteId, c.req.valid('json'));
      return send(c, EvidenceNoteSchema, note);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/evidence/{noteId}/split',
      tags: ['discovery'],
      summary:
        'Split a note that speaks of several ideas: it keeps the first part, each other part becomes a note from the same requester, company, source and day',
      request: { params: NoteParams, ...jsonBody(SplitEvidenceNoteSchema) },
      responses: jsonResponses(200, EvidenceNoteListSchema, 'The notes, the original first'),
    }),
    async (c) => {
      const { workspaceId, noteId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const notes = await splitEvidenceNote({ db: c.get('deps').db, actor }, noteId, c.req.valid('json'));
      return send(c, EvidenceNoteListSchema, notes);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/ideas/{itemId}/merge',
      tags: ['discovery'],
      summary:
        'Merge a duplicate idea into the one that stays: its notes, votes and follows move there, and it is cancelled as "Duplicate of #N" (the scope decision; 409 when stale)',
      request: { params: ItemParams, ...jsonBody(MergeIdeaSchema) },
      responses: jsonResponses(200, MergedIdeaSchema, 'Where it went and what moved'),
    }),
    async (c) => {
      const { workspaceId, itemId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const merged = await mergeIdea({ db: c.get('deps').db, actor }, itemId, c.req.valid('json'));
      return send(c, MergedIdeaSchema, merged);
    },
  );
}
