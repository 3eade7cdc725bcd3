import { z } from 'zod';
import { ERROR_CODES } from './errors';

export const IdSchema = z.uuid();
export const IsoDateTimeSchema = z.string().describe('ISO 8601 timestamp');
export const DateOnlySchema = z.iso.date().describe('YYYY-MM-DD');

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

/** A page of results; `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export const SkillSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9 _.+#-]*$/, 'a skill is a short word such as "frontend" or "backend"');
