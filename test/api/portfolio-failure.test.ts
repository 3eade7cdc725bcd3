/**
 * The portfolio when one workspace's figures fail: that workspace is listed last saying why, and
 * every other workspace is still computed and shown.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PortfolioView } from '../../src/contract';
import { createTestApp, databaseOf } from '../support/app';
import { TestClient } from '../support/client';
import { buildMembership, buildUser, buildWorkspace, signInDirectly } from '../support/factories';

// The milestone forecast of the workspace named "Broken" fails, as a corrupt plan would.
vi.mock('../../src/server/commands/milestone-forecasts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/server/commands/milestone-forecasts')>();
  return {
    ...real,
    forecastMilestones: async (...args: Parameters<typeof real.forecastMilestones>) => {
      if (args[0].actor.workspaceName === 'Broken') throw new Error('the plan could not be read');
      return real.forecastMilestones(...args);
    },
  };
});

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let person: TestClient;

beforeAll(async () => {
  ctx = await createTestApp();
  const db = databaseOf(ctx.app);
  const user = await buildUser(db, { name: 'Dana' });
  person = new TestClient(ctx.app);
  await signInDirectly(db, person, user);
  const founder = await buildUser(db, { name: 'Alex' });
  for (const name of ['Broken', 'Sound']) {
    const ws = await buildWorkspace(db, founder.id, name);
    await buildMembership(db, { workspaceId: ws.id, userId: user.id, role: 'cpo' });
  }
});
afterAll(() => ctx.close());

describe('GET /api/portfolio when a workspace fails', () => {
  it('should list the failed workspace last, saying so without its internals, and still show the others', async () => {
    const res = await person.get<PortfolioView>('/api/portfolio');
    expect(res.status).toBe(200);
    expect(res.body.workspaces.map((w) => [w.name, w.failed === null])).toEqual([
      ['Sound', true],
      ['Broken', false],
    ]);
    const broken = res.body.workspaces[1];
    expect(broken?.failed).toMatch(/Could not compute this workspace's figures/);
    expect(broken?.failed).not.toContain('the plan could not be read');
    expect(broken?.role).toBe('cpo');
  });
});
