import { z } from 'zod';
import { RoleSchema } from './workspace';

export { HEADWAY_VERSION } from './version';

/** A demo person to sign in as, shown on the sign-in page when the server runs the demo. */
export const DemoAccountSchema = z.object({ email: z.string(), name: z.string(), role: RoleSchema });

/** What anyone may know about this server before signing in. */
export const InstanceSchema = z.object({
  version: z.string(),
  /** Set when the server was started with the demo: who to sign in as, and the shared password. */
  demo: z.object({ password: z.string(), accounts: z.array(DemoAccountSchema) }).nullable(),
});
export type Instance = z.infer<typeof InstanceSchema>;
