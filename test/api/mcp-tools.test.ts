/**
 * The MCP tools on the demo workspace, as Dana (the CPO, who orders the backlog and decides
 * scope) and Jonas (a developer, who estimates): each tool works within the user's decision
 * rights, refusals name who decides, and proposals reach the right inbox.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Roadmap } from '../../src/contract';
import { forecasts, users } from '../../src/db/schema';
import { MS_PER_DAY } from '../../src/domain/shared';
import { getRoadmap } from '../../src/server/commands/roadmap';
import { demoEmail } from '../../src/server/demo/demo-workspace';
import { loadDemo } from '../../src/server/demo/load-demo';
import { createTestApp } from '../support/app';
import { connectMcp } from '../support/mcp';

type Session = Awaited<ReturnType<typeof connectMcp>>;
type ListedItem = { id: string; number: number; title: string; state: string; version: number };

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let dana: Session;
let jonas: Session;
let alex: Session;
let roadmap: Roadmap;
let workspaceId: string;

async function connectAs(key: string): Promise<Session> {
  const [user] = await ctx.handle.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoEmail(key)));
  if (!user) throw new Error(`no demo person ${key}`);
  return connectMcp(ctx.handle.db, user.id);
}

beforeAll(async () => {
  ctx = await createTestApp();
  const ws = await loadDemo(ctx.handle.db);
  workspaceId = ws.id;
  roadmap = await getRoadmap(ctx.handle.db, ws.id);
  [dana, jonas, alex] = await Promise.all([connectAs('dana'), connectAs('jonas'), connectAs('alex')]);
});
afterAll(async () => {
  await Promise.all([dana, jonas, alex].map((s) => s?.close()));
  await ctx.close();
});

async function topOfOrder(session: Session, limit = 3): Promise<ListedItem[]> {
  const found = await session.call<ListedItem[]>('search_items', { state: 'new', type: 'feature', limit });
  expect(found.isError).toBe(false);
  return found.data;
}

describe('the tools', () => {
  it('should each say what it does, when to use it and what comes back', async () => {
    const { tools } = await jonas.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'add_evidence',
      'answer_proposal',
      'assessment_questionnaire',
      'explain_plan',
      'forecast',
      'get_item',
      'list_ideas',
      'list_inbox',
      'list_workspaces',
      'propose_change',
      'run_assessment',
      'search_items',
      'set_estimate',
      'weekly_brief',
    ]);
    for (const tool of tools) expect(tool.description?.length ?? 0).toBeGreaterThan(100);
  });

  it('should find and read items for a product owner and a developer alike', async () => {
    for (const session of [dana, jonas]) {
      const [first] = await topOfOrder(session, 1);
      expect(first).toBeDefined();
      const read = await session.call<{ item: { id: string; title: string } }>('get_item', {
        item: `#${first?.number}`,
      });
      expect(read.isError).toBe(false);
      expect(read.data.item).toMatchObject({ id: first?.id, title: first?.title });
    }
    const missing = await jonas.call('get_item', { item: '#999999' });
    expect(missing).toMatchObject({ isError: true, text: 'not_found: Item #999999 not found' });
  });

  it('should explain why an item starts when it does, naming what it waits for', async () => {
    const waiting = roadmap.items.find((i) => i.reason.kind === 'dependency');
    expect(waiting).toBeDefined();
    if (!waiting) return;
    for (const session of [dana, jonas]) {
      const explained = await session.call<{ why: string; start: string; waitsFor: { number: number }[] }>(
        'explain_plan',
        { item: String(waiting.number) },
      );
      expect(explained.isError).toBe(false);
      expect(explained.data.why).toBe(waiting.reason.text);
      expect(explained.data.start).toBe(waiting.start);
      const dependency = roadmap.items.find((i) => i.itemId === waiting.reason.itemId);
      expect(explained.data.waitsFor.map((w) => w.number)).toContain(dependency?.number);
    }
  });
});

describe('evidence', () => {
  it('should record what a customer said and show it on the idea, all notes or none', async () => {
    const before = await dana.call<{ ideas: { ref: string; title: string; notes: number }[] }>(
      'list_ideas',
      {},
    );
    expect(before.isError).toBe(false);
    const refused = await dana.call('add_evidence', {
      evidence: [
        { text: 'Fine', idea_ref: 'Offline mode' },
        { text: 'Too loud', idea_ref: 'Offline mode', importance: '9' },
      ],
    });
    expect(refused.text).toBe(
      'Nothing written: note 2 importance: give the importance as 0 (not important), 1, 2 or 3 (critical).',
    );
    const added = await dana.call<{ written: boolean; evidenceCreated: number }>('add_evidence', {
      evidence: [
        {
          external_id: 'call-1',
          text: 'We lose signal in the warehouse',
          idea_ref: 'Offline mode',
          importance: 3,
        },
      ],
    });
    expect(added.isError).toBe(false);
    expect(added.data).toMatchObject({ written: true, evidenceCreated: 1 });
    const after = await dana.call<{ ideas: { title: string; evidence: number }[] }>('list_ideas', {});
    expect(after.data.ideas.find((idea) => idea.title === 'Offline mode')?.evidence).toBe(1);
    expect(after.data.ideas.length).toBe(before.data.ideas.length + 1);
  });
});

describe('forecasts', () => {
  it('should answer when the next items are done with ordered percentiles, its basis and a stored forecast', async () => {
    const answer = await dana.call<{
      forecastId: string;
      percentiles: { level: number; date: string }[];
      basis: { countedItems: number };
    }>('forecast', { question: 'next_items', items: 10, trials: 1000 });
    expect(answer.isError).toBe(false);
    const dates = answer.data.percentiles.map((p) => p.date);
    expect(answer.data.percentiles.map((p) => p.level)).toEqual([50, 70, 85, 95]);
    expect([...dates].sort()).toEqual(dates);
    expect(answer.data.basis.countedItems).toBeGreaterThan(0);
    expect(answer.text).toContain('P85');
    const [stored] = await ctx.handle.db
      .select()
      .from(forecasts)
      .where(eq(forecasts.id, answer.data.forecastId));
    expect(stored?.kind).toBe('throughput_when');
  });

  it('should count items by a date and forecast a milestone with its chance of the target', async () => {
    const by = new Date(Date.now() + 30 * MS_PER_DAY).toISOString().slice(0, 10);
    const count = await jonas.call<{ percentiles: { count: number }[] }>('forecast', {
      question: 'count_by_date',
      by,
      trials: 1000,
    });
    expect(count.isError).toBe(false);
    const counts = count.data.percentiles.map((p) => p.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);

    const milestone = roadmap.milestones.find((m) => m.number !== null && m.plannedItems > 0);
    const plan = await jonas.call<{ subject: { percentiles: unknown[] }; basis: { notes: string[] } }>(
      'forecast',
      {
        question: 'milestone',
        milestone: String(milestone?.number),
        trials: 50,
      },
    );
    expect(plan.isError).toBe(false);
    expect(plan.data.subject.percentiles.length).toBeGreaterThan(0);
    expect(plan.data.basis.notes.length).toBeGreaterThan(0);
    const incomplete = await jonas.call('forecast', { question: 'count_by_date' });
    expect(incomplete).toMatchObject({
      isError: true,
      text: 'validation_failed: by: give the day, YYYY-MM-DD for this question',
    });
  });
});

describe('order and scope changes', () => {
  it('should put a developer’s proposal in the CPO’s inbox, and apply it when she accepts', async () => {
    const [first, second] = await topOfOrder(jonas, 2);
    const proposed = await jonas.call<{
      applied: boolean;
      proposal: { id: string; holders: { name: string }[] };
    }>('propose_change', {
      item: second?.id,
      change: { kind: 'order', beforeId: first?.id },
      reason: 'A customer demo needs it first',
    });
    expect(proposed.isError).toBe(false);
    expect(proposed.data.applied).toBe(false);
    expect(proposed.data.proposal.holders.map((h) => h.name)).toContain('Dana Kowalski');

    const inbox = await dana.call<{ proposals: { id: string; version: number }[] }>('list_inbox');
    const mine = inbox.data.proposals.find((p) => p.id === proposed.data.proposal.id);
    expect(mine).toBeDefined();
    expect((await jonas.call<{ proposals: unknown[] }>('list_inbox')).data.proposals).toEqual([]);

    const refused = await jonas.call('answer_proposal', {
      proposalId: mine?.id,
      version: mine?.version,
      answer: 'accept',
    });
    expect(refused.isError).toBe(true);
    expect(refused.text).toContain('decision_not_yours');
    expect(refused.text).toContain('Dana Kowalski');

    const accepted = await dana.call<{ status: string }>('answer_proposal', {
      proposalId: mine?.id,
      version: mine?.version,
      answer: 'accept',
    });
    expect(accepted.data.status).toBe('accepted');
    expect((await topOfOrder(jonas, 1))[0]?.id).toBe(second?.id);
  });

  it('should apply the CPO’s own change at once, and log it with her reason', async () => {
    const [first, second] = await topOfOrder(dana, 2);
    const applied = await dana.call<{ applied: boolean; decisionId: string }>('propose_change', {
      item: `#${second?.number}`,
      change: { kind: 'order', afterId: null },
      reason: 'Back on top after the demo',
    });
    expect(applied.data.applied).toBe(true);
    expect((await topOfOrder(dana, 1))[0]?.id).toBe(second?.id);
    expect(first?.id).not.toBe(second?.id);
    const log = JSON.parse(
      ((await jonas.client.readResource({ uri: await decisionsUri() })).contents[0] as { text: string }).text,
    ) as { id: string; rationale: string | null }[];
    expect(log.find((d) => d.id === applied.data.decisionId)?.rationale).toBe('Back on top after the demo');
  });

  it('should let the CPO decline a proposed cut with a reason, and refuse a decline without one', async () => {
    const [item] = await topOfOrder(jonas, 1);
    const proposed = await jonas.call<{ proposal: { id: string; version: number } }>('propose_change', {
      item: item?.id,
      change: { kind: 'cut' },
      reason: 'Nobody asked for it',
    });
    const { id, version } = proposed.data.proposal;
    const bare = await dana.call('answer_proposal', { proposalId: id, version, answer: 'decline' });
    expect(bare.isError).toBe(true);
    expect(bare.text).toContain('reason: say why you decline');
    const declined = await dana.call<{ status: string; response: string }>('answer_proposal', {
      proposalId: id,
      version,
      answer: 'decline',
      reason: 'Two customers asked for it',
    });
    expect(declined.data).toMatchObject({ status: 'declined', response: 'Two customers asked for it' });
  });
});

describe('estimates', () => {
  it('should refuse the CPO’s estimate naming the CTO, and take the developer’s', async () => {
    const [item] = await topOfOrder(jonas, 1);
    const args = { item: item?.id, optimistic: 1, likely: 2, pessimistic: 5, rationale: 'Like the export' };
    const refused = await dana.call('set_estimate', args);
    expect(refused.isError).toBe(true);
    expect(refused.text).toContain('Estimates belong to the tech side');
    expect(refused.text).toContain('Sam Chen');
    expect(refused.text).not.toContain('propose_change');
    const done = await jonas.call<{ estimateDays: { likely: number } }>('set_estimate', args);
    expect(done.isError).toBe(false);
    expect(done.data.estimateDays.likely).toBe(2);
    const stale = await jonas.call('set_estimate', { ...args, version: item?.version });
    expect(stale.isError).toBe(true);
    expect(stale.text).toContain('version_conflict');
    const backwards = await jonas.call('set_estimate', { ...args, optimistic: 9 });
    expect(backwards.text).toContain('optimistic ≤ likely ≤ pessimistic');
  });
});

describe('the assessment', () => {
  const answers = (
    parse(readFileSync('examples/assessment/seed-cto-runs-delivery.yaml', 'utf8')) as {
      answers: Record<string, unknown>;
    }
  ).answers;

  it('should assess for any member, and store it only for the holder of the team decision', async () => {
    const dry = await jonas.call<{ overall: { score: number }; findings: unknown[] }>('run_assessment', {
      variant: 'full',
      answers,
    });
    expect(dry.isError).toBe(false);
    expect(dry.data.findings.length).toBeGreaterThan(0);
    const refused = await dana.call('run_assessment', { variant: 'full', answers, save: true });
    expect(refused.isError).toBe(true);
    expect(refused.text).toContain('Alex Morgan');
    const stored = await alex.call<{ number: number; overall: { score: number } }>('run_assessment', {
      variant: 'full',
      answers,
      save: true,
    });
    expect(stored.isError).toBe(false);
    expect(stored.data.overall).toEqual(dry.data.overall);
    const bad = await jonas.call('run_assessment', {
      variant: 'full',
      answers: { ...answers, developers: 'many' },
    });
    expect(bad.isError).toBe(true);
    expect(bad.text).toContain('developers');
  });
});

async function decisionsUri(): Promise<string> {
  const { resources } = await jonas.client.listResources();
  const uri = resources.find((r) => r.uri.endsWith('/decisions'))?.uri;
  if (!uri) throw new Error('no decision-log resource');
  return uri;
}

describe('resources', () => {
  it('should list the roadmap and the decision log of the user’s workspace and read them', async () => {
    const { resources } = await jonas.client.listResources();
    expect(resources.map((r) => r.uri.split('/').pop()).sort()).toEqual(['decisions', 'roadmap']);
    const roadmapUri = resources.find((r) => r.uri.endsWith('/roadmap'))?.uri ?? '';
    const read = await jonas.client.readResource({ uri: roadmapUri });
    const plan = JSON.parse((read.contents[0] as { text: string }).text) as Roadmap;
    // Read now: the tests before have estimated and moved items since the first plan.
    const now = await getRoadmap(ctx.handle.db, workspaceId);
    expect(plan.items.map((i) => i.itemId)).toEqual(now.items.map((i) => i.itemId));
    await expect(
      jonas.client.readResource({ uri: 'headway://workspaces/00000000-0000-4000-8000-000000000000/roadmap' }),
    ).rejects.toThrow(/not found/);
  });
});
