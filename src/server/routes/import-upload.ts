/**
 * The body of a Jira, Linear, GitHub or CSV import: JSON (the file as `text`) or a
 * multipart/form-data upload (the file as a `file` part, the choices as fields). Both are read
 * into the same request, checked by the same schema, so the routes do not care how it came.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../context';
import { AppError, describeZodError } from '../errors';
import { decodeImportBytes } from '../imports/read-csv';
import { findMalformedText } from '../middleware/well-formed-text';

/** Room for the fields, the mapping and the multipart framing on top of the file's own limit. */
export const IMPORT_FIELDS_ALLOWANCE = 256 * 1024;

/** True for the paths that take a foreign file, as JSON or as an upload. */
export function isForeignImportPath(path: string): boolean {
  return path === '/api/workspaces/import/foreign' || /^\/api\/workspaces\/[^/]+\/import$/.test(path);
}

/** True when the content type names a multipart/form-data body. */
export function isMultipart(contentType: string | undefined): boolean {
  return contentType?.toLowerCase().startsWith('multipart/form-data') ?? false;
}

/** A size as people read it: 812 B, 14.2 KB, 3.4 MB. */
export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The 413 of a file (or an upload) larger than this server imports, naming both sizes.
 * @param size the file's or the body's size in bytes, null when the sender did not say
 */
export function importTooLarge(limit: number, size: number | null, what = 'The file'): AppError {
  const sized = size === null ? `${what} is` : `${what} is ${describeSize(size)},`;
  return new AppError(
    'payload_too_large',
    `${sized} more than the ${describeSize(limit)} this server imports at once: export fewer issues per file (for example by project or year)`,
    { details: { limitBytes: limit, ...(size === null ? {} : { sizeBytes: size }) } },
  );
}

/** The fields a multipart upload may carry besides `file`, per route (`name` only for a new workspace). */
const UPLOAD_FIELDS = ['format', 'name', 'mapping', 'dateFormat', 'dryRun'] as const;

function badPart(message: string): AppError {
  return new AppError('validation_failed', message);
}

function readDryRun(value: string, field: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw badPart(`${field}: send "true" to check only, or "false" to import`);
}

function readMapping(value: string): unknown {
  let mapping: unknown;
  try {
    mapping = JSON.parse(value);
  } catch (error) {
    throw badPart(
      `mapping: the field is not JSON (${(error as Error).message}): send an object such as {"states":{"In QA":"in_review"}}`,
    );
  }
  const at = findMalformedText(mapping);
  if (at !== null) {
    throw badPart(
      `mapping${at ? `.${at}` : ''}: the text holds a lone UTF-16 surrogate (an unpaired \\ud800–\\udfff escape): send well-formed Unicode`,
    );
  }
  return mapping;
}

async function readForm(c: Context<AppEnv>): Promise<FormData> {
  try {
    return await c.req.formData();
  } catch {
    throw new AppError(
      'bad_request',
      'The body is not readable multipart/form-data: send the file as a "file" part, with the boundary the Content-Type header names (or as {"text": …} with "Content-Type: application/json")',
    );
  }
}

/**
 * Reads a multipart upload: exactly one `file` part, at most one of each known field, none other.
 * @param allowName whether the route takes a `name` (a new workspace)
 * @param limit the largest file this server imports, in bytes
 */
async function readUpload(
  c: Context<AppEnv>,
  allowName: boolean,
  limit: number,
): Promise<{ fields: Record<string, unknown>; dryRun: boolean | null; notes: string[] }> {
  const form = await readForm(c);
  const allowed = new Set<string>(UPLOAD_FIELDS.filter((f) => allowName || f !== 'name'));
  const seen = new Set<string>();
  const files: (File | string)[] = [];
  for (const [key, value] of form.entries()) {
    if (key === 'file') {
      files.push(value);
      continue;
    }
    if (!allowed.has(key)) {
      const known = ['file', ...allowed].map((f) => `"${f}"`).join(', ');
      const hint =
        key === 'from' || key === 'text' ? ` (the format goes in "format", the file in "file")` : '';
      throw badPart(`unknown field "${key.slice(0, 60)}": send only ${known}${hint}`);
    }
    if (seen.has(key)) throw badPart(`${key}: the field is sent twice: send it once`);
    if (typeof value !== 'string') throw badPart(`${key}: send it as a plain field, not a file`);
    seen.add(key);
  }
  if (files.length === 0) {
    throw badPart('file: the upload has no "file" part: send the exported file as a part named "file"');
  }
  if (files.length > 1) {
    throw badPart(`file: the upload has ${files.length} "file" parts: send one file per import`);
  }
  const [file] = files as [File | string];
  const fields: Record<string, unknown> = {};
  const notes: string[] = [];
  if (typeof file === 'string') {
    if (Buffer.byteLength(file) > limit) throw importTooLarge(limit, Buffer.byteLength(file));
    fields.text = file;
  } else {
    if (file.size > limit) throw importTooLarge(limit, file.size, `The file ${file.name.slice(0, 100)}`);
    const decoded = decodeImportBytes(new Uint8Array(await file.arrayBuffer()));
    fields.text = decoded.text;
    if (decoded.note) notes.push(decoded.note);
    if (file.name) fields.fileName = file.name.slice(0, 255);
  }
  for (const key of seen) {
    const value = form.get(key) as string;
    if (key === 'mapping') fields.mapping = readMapping(value);
    else if (key !== 'dryRun') fields[key] = value;
  }
  const dryRun = form.get('dryRun');
  return { fields, notes, dryRun: typeof dryRun === 'string' ? readDryRun(dryRun, 'dryRun') : null };
}

/** An import request once read and checked, however it came. */
export interface ImportRequestRead<T> {
  body: T;
  dryRun: boolean;
  /** Notes from decoding an upload's bytes (an encoding other than UTF-8). */
  notes: string[];
}

/**
 * Reads an import request as JSON (already checked by the route's validator) or as a multipart
 * upload (checked here by the same schema, the `file` part standing for `text`). An upload's
 * file is decoded from its bytes: UTF-8, UTF-16 or Windows-1252, noted in the assumptions.
 * @param schema the route's JSON body schema
 * @param options.allowName whether the route takes a `name`; options.limit the largest file, in bytes
 * @throws AppError 400 for a missing, doubled or unknown part or a malformed mapping; 413 for a file over the limit
 */
export async function readImportRequest<T extends z.ZodType<{ text: string }>>(
  c: Context<AppEnv>,
  schema: T,
  options: { allowName: boolean; limit: number },
): Promise<ImportRequestRead<z.output<T>>> {
  const query = c.req.query('dryRun');
  const fromQuery = query === undefined ? null : readDryRun(query, 'dryRun (query)');
  if (!isMultipart(c.req.header('content-type'))) {
    // Without a JSON content type the route's validator leaves `{}`: there is no file to read.
    const body = (c.req.valid as (target: 'json') => z.output<T>)('json');
    if (typeof (body as { text?: unknown }).text !== 'string') {
      throw new AppError(
        'unsupported_media_type',
        'Send the file as JSON ({"text": …}) with "Content-Type: application/json", or as a "file" part of multipart/form-data',
      );
    }
    const size = Buffer.byteLength(body.text);
    if (size > options.limit) throw importTooLarge(options.limit, size);
    return { body, dryRun: fromQuery ?? false, notes: [] };
  }
  const upload = await readUpload(c, options.allowName, options.limit);
  if (fromQuery !== null && upload.dryRun !== null && fromQuery !== upload.dryRun) {
    throw badPart('dryRun: the query says one thing and the form another: send it once');
  }
  const parsed = schema.safeParse(upload.fields);
  if (!parsed.success) {
    // The schema speaks of `text`; an upload sends the file as `file`.
    const message = describeZodError(parsed.error).replace(/(^|; )text: /g, '$1file: ');
    throw new AppError('validation_failed', message, { details: { issues: parsed.error.issues } });
  }
  return { body: parsed.data, dryRun: fromQuery ?? upload.dryRun ?? false, notes: upload.notes };
}
