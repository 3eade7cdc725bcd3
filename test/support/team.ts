import type { Hono } from 'hono';
import type { Item } from '../../src/contract';
import type { Role } from '../../src/domain/decision-rights';
import type { AppEnv } from '../../src/server/context';
import { databaseOf } from './app';
import { TestClient } from './client';
import { buildMembership, buildUser, buildWorkspace, signInDirectly } from './factories';

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

/** FTE and skills of each role in a test team: the CPO is fractional, the developer does backend. */
const fteOf = (role: Role) => (role === 'cpo' ? 0.2 : 1);
const skillsOf = (role: Role) => (role === 'developer' ? ['backend'] : []);

/**
 * A workspace with one person in every role, each with their own signed-in client. The rows are
 * written directly (see factories.ts): sign-up and invitations have tests of their own.
 */
export async function createTeam(
  app: Hono<AppEnv>,
  roles: Role[] = Object.keys(NAMES) as Role[],
): Promise<Team> {
  const db = databaseOf(app);
  const founderUser = await buildUser(db, { name: NAMES.founder });
  const founder = new TestClient(app);
  await signInDirectly(db, founder, founderUser);
  const ws = await buildWorkspace(db, founderUser.id);
  const team = { founder, workspaceId: ws.id } as Team;
  for (const role of roles) {
    if (role === 'founder') continue;
    const user = await buildUser(db, { name: NAMES[role] });
    await buildMembership(db, {
      workspaceId: ws.id,
      userId: user.id,
      role,
      fte: fteOf(role),
      skills: skillsOf(role),
    });
    const client = new TestClient(app);
    await signInDirectly(db, client, user);
    team[role] = client;
  }
  return team;
}

/**
 * A roadmap milestone (the founder's initiative "Launch", target 2031-03-01) with one task under
 * it that the developer adds and estimates (1 / 2 / 4 days): the smallest plan a forecast runs on.
 * @param team a team with a founder and a developer
 */
export async function addEstimatedMilestone(team: Team) {
  const base = `/api/workspaces/${team.workspaceId}`;
  const initiative = (await team.founder.post<Item>(`${base}/items`, { type: 'initiative', title: 'Launch' }))
    .body;
  // An initiative with a target date is a roadmap milestone.
  const milestone = (
    await team.founder.patch<Item>(`${base}/items/${initiative.id}`, {
      version: initiative.version,
      targetDate: '2031-03-01',
    })
  ).body;
  // Estimates are the tech side's decision: the developer adds the estimated task.
  const task = (
    await team.developer.post<Item>(`${base}/items`, {
      type: 'task',
      title: 'Payments',
      parentId: milestone.id,
      estimate: { optimistic: 1, likely: 2, pessimistic: 4 },
    })
  ).body;
  return { milestone, task };
}
