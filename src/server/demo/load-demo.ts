import { eq, inArray } from 'drizzle-orm';
import type { Workspace } from '../../contract';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { hashPassword } from '../auth/secrets';
import { getTrackRecord } from '../commands/forecast-track-record';
import { importTrustedWorkspace } from '../commands/transfer-import';
import { addDemoWeek } from './demo-week';
import { buildDemoWorkspace, DEMO_PASSWORD, DEMO_PEOPLE, demoEmail } from './demo-workspace';

/**
 * Loads the demo workspace through the import path trusted for files the server writes itself
 * (its people become real members), scores its past forecasts against what happened (through the
 * ordinary track-record path), and gives every demo person the demo password (only people who
 * have no password yet), then plays its last week (demo-week.ts). Files from outside never take this path.
 */
export async function loadDemo(db: Database, now = new Date()): Promise<Workspace> {
  const ws = await importTrustedWorkspace(db, buildDemoWorkspace(now));
  await getTrackRecord(db, ws.id, now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const emails = DEMO_PEOPLE.map((p) => demoEmail(p.key));
  const rows = await db
    .select({ id: users.id, email: users.email, hash: users.passwordHash })
    .from(users)
    .where(inArray(users.email, emails));
  for (const row of rows) {
    if (!row.hash) await db.update(users).set({ passwordHash }).where(eq(users.id, row.id));
  }
  const idOf = (key: string) => rows.find((r) => r.email === demoEmail(key))?.id ?? '';
  await addDemoWeek(db, { workspaceId: ws.id, forecaster: idOf('dana'), adder: idOf('sam'), now });
  return ws;
}
