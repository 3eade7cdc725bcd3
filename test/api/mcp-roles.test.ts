/**
 * Every MCP tool as every role of a team: reads answer everyone; writes go exactly as the
 * authorization matrix declares for the same decision over HTTP (authorization-cases.ts), and
 * each refusal of a decision names who decides. mcp-tools.test.ts reads the answers themselves.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/contract';
import { memberships } from '../../src/db/schema';
import { withAnswers } from '../../src/domain/assessment/test-answers';
import { ROLES, type Role } from '../../src/domain/decision-rights';
import { createTestApp } from '../support/app';
import { connectMcp } from '../support/mcp';
import { createTeam, type Team } from '../support/team';
import { CONTRIBUTORS, FOUNDER, SCOPE, TECH } from './authorization-cases';

type Session = Awaited<ReturnType<typeof connectMcp>>;

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
const sessions = new Map<Role, Session>();
let base: string;

const VIEWER_REFUSAL = /^forbidden: Viewers can read but not change/;

const session = (role: Role) => sessions.get(role) as Session;

/** A new estimated feature, placed in the order, as the product manager makes one. */
async function newFeature(title: string): Promise<Item> {
  const created = await team.product_manager.post<Item>(`${base}/items`, { type: 'feature', title });
  expect(created.status).toBe(201);
  const estimated = await team.cto.patch<Item>(`${base}/items/${created.body.id}`, {
    version: created.body.version,
    estimate: { optimistic: 1, likely: 2, pessimistic: 4 },
  });
  expect(estimated.status).toBe(200);
  expect(
    (await team.product_manager.post(`${base}/items/${created.body.id}/move`, { afterId: null })).status,
  ).toBe(200);
  return estimated.body;
}

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app);
  base = `/api/workspaces/${team.workspaceId}`;
  for (const role of ROLES) {
    const [member] = await ctx.handle.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, team.workspaceId), eq(memberships.role, role)));
    if (!member) throw new Error(`no ${role} in the team`);
    sessions.set(role, await connectMcp(ctx.handle.db, member.userId));
  }
});
afterAll(async () => {
  await Promise.all([...sessions.values()].map((s) => s.close()));
  await ctx.close();
});

describe('each MCP tool × each role', () => {
  it('should answer every read tool for every role, the viewer too', async () => {
    const feature = await newFeature('Export to CSV');
    for (const role of ROLES) {
      const reads: [string, Record<string, unknown>][] = [
        ['list_workspaces', {}],
        ['search_items', { workspace: team.workspaceId }],
        ['get_item', { workspace: team.workspaceId, item: String(feature.number) }],
        ['explain_plan', { workspace: team.workspaceId, item: String(feature.number) }],
        ['forecast', { workspace: team.workspaceId, question: 'next_items', items: 3 }],
        ['list_inbox', { workspace: team.workspaceId }],
        ['weekly_brief', { workspace: team.workspaceId }],
        ['assessment_questionnaire', {}],
        ['run_assessment', { workspace: team.workspaceId, answers: withAnswers({}) }],
      ];
      for (const [tool, args] of reads) {
        const answer = await session(role).call(tool, args);
        expect(answer.isError, `${tool} as ${role}: ${answer.text}`).toBe(false);
      }
    }
  });

  it('should take an estimate from the tech roles only, and name who decides to the others', async () => {
    for (const role of ROLES) {
      const feature = await newFeature(`Estimated by ${role}`);
      const answer = await session(role).call('set_estimate', {
        workspace: team.workspaceId,
        item: String(feature.number),
        optimistic: 2,
        likely: 3,
        pessimistic: 5,
      });
      if (TECH.includes(role)) expect(answer.isError, `${role}: ${answer.text}`).toBe(false);
      else {
        expect(answer.isError, role).toBe(true);
        // A viewer changes nothing at all; anyone else is told whose decision it is.
        expect(answer.text, role).toMatch(role === 'viewer' ? VIEWER_REFUSAL : /Who decides: .*Sam \(cto\)/);
      }
    }
  });

  it('should cut at once for who holds scope, propose for the other contributors, and refuse the viewer', async () => {
    for (const role of ROLES) {
      const feature = await newFeature(`Cut by ${role}`);
      const answer = await session(role).call<{ applied: boolean }>('propose_change', {
        workspace: team.workspaceId,
        item: String(feature.number),
        change: { kind: 'cut' },
        reason: 'Nobody asked for it',
      });
      if (!CONTRIBUTORS.includes(role)) {
        expect(answer.isError, role).toBe(true);
        expect(answer.text, role).toMatch(VIEWER_REFUSAL);
        continue;
      }
      expect(answer.isError, `${role}: ${answer.text}`).toBe(false);
      expect(answer.data.applied, role).toBe(SCOPE.includes(role));
    }
  });

  it('should let only who holds scope answer a proposal, naming them to everyone else', async () => {
    for (const role of ROLES) {
      const feature = await newFeature(`Proposed cut for ${role} to answer`);
      const proposed = await session('developer').call<{
        applied: boolean;
        proposal: { id: string; version: number };
      }>('propose_change', {
        workspace: team.workspaceId,
        item: String(feature.number),
        change: { kind: 'cut' },
        reason: 'Unused',
      });
      expect(proposed.data.applied).toBe(false);
      const answer = await session(role).call('answer_proposal', {
        workspace: team.workspaceId,
        proposalId: proposed.data.proposal.id,
        version: proposed.data.proposal.version,
        answer: 'decline',
        reason: 'Customers use it',
      });
      if (SCOPE.includes(role)) expect(answer.isError, `${role}: ${answer.text}`).toBe(false);
      else {
        expect(answer.isError, role).toBe(true);
        expect(answer.text, role).toMatch(
          role === 'viewer' ? VIEWER_REFUSAL : /Who decides: .*Chris \(cpo\)/,
        );
      }
    }
  });

  it('should give each person their own weekly brief, and refuse a start day in the future naming it', async () => {
    const feature = await newFeature('Waits for a decision');
    await session('developer').call('propose_change', {
      workspace: team.workspaceId,
      item: String(feature.number),
      change: { kind: 'cut' },
      reason: 'Nobody uses it',
    });
    const forCpo = await session('cpo').call<{ personName: string }>('weekly_brief', {
      workspace: team.workspaceId,
    });
    expect(forCpo.isError).toBe(false);
    expect(forCpo.text).toMatch(/^# Weekly brief for Chris/);
    expect(forCpo.text).toContain(feature.title);
    expect(forCpo.data.personName).toBe('Chris');
    const future = await session('cpo').call('weekly_brief', {
      workspace: team.workspaceId,
      since: '2999-01-01',
    });
    expect(future.isError).toBe(true);
    expect(future.text).toMatch(/since/);
  });

  it('should store an assessment only for who holds the team decision', async () => {
    for (const role of ROLES) {
      const answer = await session(role).call('run_assessment', {
        workspace: team.workspaceId,
        answers: withAnswers({}),
        save: true,
      });
      expect(answer.isError, `${role}: ${answer.text}`).toBe(!FOUNDER.includes(role));
    }
  });
});
