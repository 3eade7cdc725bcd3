import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, text } from './common';
import { LIMITS } from './limits';
import { findPasswordWeakness } from './password-policy';

export const EmailSchema = z
  .email('an email address such as dana@example.com')
  .max(200)
  .transform((s) => s.toLowerCase());

/**
 * A new account. The password rule (length, not common, not a pattern, not the person's own name
 * or email) lives here so the API, the web app and the CLI refuse the same passwords with the
 * same message.
 */
export const SignUpSchema = z
  .strictObject({
    email: EmailSchema,
    password: text()
      .min(LIMITS.passwordMinChars, `use at least ${LIMITS.passwordMinChars} characters`)
      .max(200),
    name: text().trim().min(1, 'say what colleagues call you').max(100),
  })
  .superRefine((input, ctx) => {
    const weakness = findPasswordWeakness(input.password, { email: input.email, name: input.name });
    if (weakness) ctx.addIssue({ code: 'custom', path: ['password'], message: weakness });
  });
export type SignUp = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.strictObject({
  email: EmailSchema,
  password: text().min(1).max(200),
});

export const UserSchema = z.object({ id: IdSchema, email: z.string(), name: z.string() });
export type User = z.infer<typeof UserSchema>;

export const SessionSchema = z.object({ user: UserSchema, csrfToken: z.string() });

export const CreateTokenSchema = z.strictObject({
  name: text().trim().min(1, 'say what the token is for, e.g. "ci" or "laptop"').max(100),
  expiresInDays: z
    .number('a whole number of days')
    .int('a whole number of days')
    .min(1, 'at least 1 day')
    .max(LIMITS.tokenMaxDays, `at most ${LIMITS.tokenMaxDays} days: create a new token when it expires`)
    .optional()
    .describe(`days until the token stops working (default ${LIMITS.tokenDefaultDays})`),
});
export type CreateToken = z.infer<typeof CreateTokenSchema>;

/** An API token as listed: never its secret. */
export const ApiTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  createdAt: IsoDateTimeSchema,
  lastUsedAt: IsoDateTimeSchema.nullable().describe('to the minute; null when never used'),
  expiresAt: IsoDateTimeSchema.nullable().describe('null for tokens made before tokens expired'),
  expired: z.boolean(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const ApiTokenListSchema = z.object({ data: z.array(ApiTokenSchema) });

export const CreatedTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  token: z.string().describe('shown once; store it safely'),
  createdAt: IsoDateTimeSchema,
  expiresAt: IsoDateTimeSchema,
});
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;
