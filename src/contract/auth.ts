import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';
import { LIMITS } from './limits';

export const EmailSchema = z
  .email('an email address such as dana@example.com')
  .max(200)
  .transform((s) => s.toLowerCase());

export const SignUpSchema = z.strictObject({
  email: EmailSchema,
  password: z
    .string()
    .min(LIMITS.passwordMinChars, `use at least ${LIMITS.passwordMinChars} characters`)
    .max(200),
  name: z.string().trim().min(1, 'say what colleagues call you').max(100),
});
export type SignUp = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(200),
});

export const UserSchema = z.object({ id: IdSchema, email: z.string(), name: z.string() });
export type User = z.infer<typeof UserSchema>;

export const SessionSchema = z.object({ user: UserSchema, csrfToken: z.string() });

export const CreateTokenSchema = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const CreatedTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  token: z.string().describe('shown once; store it safely'),
  createdAt: IsoDateTimeSchema,
});
