import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { createTestDatabase, TEST_DB } from '../support/database';
import { buildUser, buildWorkspace } from '../support/factories';

// The columns typed by a closed list refuse any other value in the database itself, so a write
// that slips past the compiler (raw SQL, a script, another client) cannot store one.
describe(`closed lists in ${TEST_DB === 'pg' ? 'a PostgreSQL server' : 'PGlite'}`, () => {
  let handle: DatabaseHandle;
  let workspaceId: string;
  let itemId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const user = await buildUser(handle.db);
    workspaceId = (await buildWorkspace(handle.db, user.id)).id;
    const inserted = (await handle.db.execute(
      sql`insert into items (workspace_id, number, type, title, rank) values (${workspaceId}, 1, 'task', 'A task', 'a0') returning id`,
    )) as unknown as { rows: { id: string }[] };
    itemId = inserted.rows[0]?.id ?? '';
  });
  afterAll(async () => {
    await handle.close();
  });

  const refusal = async (statement: ReturnType<typeof sql>) => {
    try {
      await handle.db.execute(statement);
      return null;
    } catch (error) {
      return String((error as { cause?: unknown }).cause ?? error);
    }
  };

  it('should refuse a decision-log entry for a decision Headway does not know', async () => {
    const error = await refusal(
      sql`insert into decision_log (workspace_id, decision, summary) values (${workspaceId}, 'coffee', 'Chose the coffee')`,
    );
    expect(error).toContain('decision_log_decision_known');
    expect(
      await refusal(
        sql`insert into decision_log (workspace_id, decision, summary) values (${workspaceId}, 'scope', 'Cut the export')`,
      ),
    ).toBeNull();
  });

  it('should refuse an invitation to an unknown role', async () => {
    const error = await refusal(
      sql`insert into invitations (workspace_id, token_hash, role, fte, skills, expires_at)
          values (${workspaceId}, 'hash-1', 'intern', 1, '[]'::jsonb, now() + interval '1 day')`,
    );
    expect(error).toContain('invitations_role_known');
  });

  it('should refuse a state change to or from an unknown state, and keep a first change from none', async () => {
    const change = (from: string | null, to: string) =>
      refusal(
        sql`insert into item_state_changes (workspace_id, item_id, from_state, to_state) values (${workspaceId}, ${itemId}, ${from}, ${to})`,
      );
    expect(await change('new', 'archived')).toContain('item_state_changes_to_state_known');
    expect(await change('archived', 'done')).toContain('item_state_changes_from_state_known');
    expect(await change(null, 'new')).toBeNull();
  });
});
