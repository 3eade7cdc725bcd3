import type { Hono } from 'hono';
import type { Role } from '../../src/domain/decision-rights';
import type { AppEnv } from '../../src/server/context';
import { TestClient } from './client';

export type Team = Record<Role, TestClient> & { workspaceId: string };

const NAMES: Record<Role, string> = {
  founder: 'Alex',
  cto: 'Sam',
  ctpo: 'Robin',
  cpo: 'Chris',
  product_manager: 'Dana',
  designer: 'Priya',
  developer: 'Jonas',
  viewer: 'Vic',
};

/** A workspace with one person in every role, each with their own signed-in client. */
export async function createTeam(
  app: Hono<AppEnv>,
  roles: Role[] = Object.keys(NAMES) as Role[],
): Promise<Team> {
  const founder = new TestClient(app);
  await founder.signUp(NAMES.founder);
  const ws = await founder.post<{ id: string }>('/api/workspaces', { name: 'Acme' });
  if (ws.status !== 201) throw new Error(`create workspace failed: ${JSON.stringify(ws.body)}`);
  const team = { founder, workspaceId: ws.body.id } as Team;
  for (const role of roles) {
    if (role === 'founder') continue;
    const invite = await founder.post<{ token: string }>(`/api/workspaces/${ws.body.id}/invitations`, {
      role,
      fte: role === 'cpo' ? 0.2 : 1,
      skills: role === 'developer' ? ['backend'] : [],
    });
    if (invite.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`);
    const client = new TestClient(app);
    await client.signUp(NAMES[role]);
    const joined = await client.post('/api/invitations/accept', { token: invite.body.token });
    if (joined.status !== 200) throw new Error(`accept failed: ${JSON.stringify(joined.body)}`);
    team[role] = client;
  }
  return team;
}
