/**
 * The authorization matrix's machinery: two teams in two workspaces on one server, a target made
 * for each route case, and one test per route checking every role × own/other workspace against
 * the declared table. The cases are split over two files so they run side by side.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Item } from '../../src/contract';
import { ROLES } from '../../src/domain/decision-rights';
import { readMailConfig } from '../../src/server/mail/brief-digest';
import { createTestApp, databaseOf } from '../support/app';
import { TestClient } from '../support/client';
import { buildUser, signInDirectly } from '../support/factories';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { createTeam, type Team } from '../support/team';
import type { RouteCase, Target } from './authorization-cases';

export interface AuthorizationWorld {
  ctx: Awaited<ReturnType<typeof createTestApp>>;
  /** Where the server's e-mail goes (the brief sent on request), so sending is allowed, not refused. */
  sink: SmtpSink;
  /** Every role in one workspace. */
  own: Team;
  /** A second workspace, whose rows every role of the first must not reach. */
  other: Team;
}

/** The two teams, made before the file's tests and closed after them. */
export function prepareAuthorizationWorld(): AuthorizationWorld {
  const world = {} as AuthorizationWorld;
  beforeAll(async () => {
    world.sink = await startSmtpSink();
    world.ctx = await createTestApp({
      mail: readMailConfig({
        HEADWAY_SMTP_URL: world.sink.url,
        HEADWAY_MAIL_FROM: 'Headway <headway@example.com>',
        HEADWAY_PUBLIC_URL: 'https://headway.example.com',
      }),
    });
    world.own = await createTeam(world.ctx.app);
    world.other = await createTeam(world.ctx.app, ['founder', 'product_manager', 'cto', 'cpo', 'ctpo']);
  });
  afterAll(async () => {
    await world.ctx.close();
    await world.sink.close();
  });
  return world;
}

export async function prepare(
  world: AuthorizationWorld,
  team: Team,
  needs: RouteCase['needs'],
): Promise<Target> {
  const { ctx } = world;
  const ws = team.workspaceId;
  const mk = async (title: string) => {
    // The CTPO may set scores and an estimate at once, so every route has what it needs.
    const res = await team.ctpo.post<Item>(`/api/workspaces/${ws}/items`, {
      type: 'feature',
      title,
      scores: { rice_reach: 100, rice_impact: 1, rice_confidence: 80, rice_effort: 1 },
      estimate: { optimistic: 1, likely: 2, pessimistic: 4 },
    });
    if (res.status !== 201) throw new Error(`setup failed: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  let item = await mk('target');
  const otherItem = await mk('other');
  if (needs === 'dependency') {
    const dep = await team.cto.post<Item>(`/api/workspaces/${ws}/items/${item.id}/dependencies`, {
      dependsOnId: otherItem.id,
    });
    item = dep.body;
  }
  if (needs === 'cancelled-item' || needs === 'done-item') {
    const cut = await team.ctpo.patch<Item>(`/api/workspaces/${ws}/items/${item.id}`, {
      version: item.version,
      state: needs === 'done-item' ? 'done' : 'cancelled',
    });
    if (cut.status !== 200) throw new Error(`setup failed: ${JSON.stringify(cut.body)}`);
    item = cut.body;
  }
  let memberId = team.cto.userId;
  if (needs === 'member') {
    const invite = await team.founder.post<{ token: string }>(`/api/workspaces/${ws}/invitations`, {
      role: 'developer',
    });
    // The joiner's account is written directly (an argon2 sign-up per case would cost seconds).
    const db = databaseOf(ctx.app);
    const joiner = new TestClient(ctx.app);
    await signInDirectly(db, joiner, await buildUser(db, { name: 'Temp' }));
    const accepted = await joiner.post('/api/invitations/accept', { token: invite.body.token });
    if (accepted.status >= 300) throw new Error(`setup failed: ${JSON.stringify(accepted.body)}`);
    memberId = joiner.userId;
  }
  let formulaId = '00000000-0000-4000-8000-000000000000';
  if (needs === 'formula') {
    const f = await team.cpo.post<{ id: string }>(`/api/workspaces/${ws}/formulas`, {
      name: `Formula ${Math.random()}`,
      expression: 'rice_reach',
    });
    if (f.status !== 201) throw new Error(`setup failed: ${JSON.stringify(f.body)}`);
    formulaId = f.body.id;
  }
  if (needs === 'assessment') {
    const list = await team.founder.get<{ data: unknown[] }>(`/api/workspaces/${ws}/assessments`);
    if (list.body.data.length === 0) {
      const a = await team.founder.post(`/api/workspaces/${ws}/assessments`, {
        variant: 'short',
        answers: {},
      });
      if (a.status !== 201) throw new Error(`setup failed: ${JSON.stringify(a.body)}`);
    }
  }
  let sessionId = '00000000-0000-4000-8000-000000000000';
  if (needs === 'session' || needs === 'revealed-session') {
    const session = await team.cto.post<{ id: string }>(`/api/workspaces/${ws}/estimation-sessions`, {
      title: 'Refinement',
      itemIds: [item.id],
    });
    if (session.status !== 201) throw new Error(`setup failed: ${JSON.stringify(session.body)}`);
    sessionId = session.body.id;
    if (needs === 'revealed-session') {
      await team.cto.post(`/api/workspaces/${ws}/estimation-sessions/${sessionId}/votes`, {
        itemId: item.id,
        days: 2,
      });
      await team.cto.post(`/api/workspaces/${ws}/estimation-sessions/${sessionId}/reveal`);
    }
  }
  let viewId = '00000000-0000-4000-8000-000000000000';
  if (needs === 'shared-view') {
    const view = await team.cto.post<{ id: string }>(`/api/workspaces/${ws}/saved-views`, {
      name: `View ${Math.random()}`,
      shared: true,
      query: { state: 'ready' },
    });
    if (view.status !== 201) throw new Error(`setup failed: ${JSON.stringify(view.body)}`);
    viewId = view.body.id;
  }
  let linkId = '00000000-0000-4000-8000-000000000000';
  let leadId = linkId;
  if (needs === 'assessment-link' || needs === 'assessment-lead') {
    const link = await team.founder.post<{ id: string; token: string }>(
      `/api/workspaces/${ws}/assessment-links`,
      {
        name: 'Website',
      },
    );
    if (link.status !== 201) throw new Error(`setup failed: ${JSON.stringify(link.body)}`);
    linkId = link.body.id;
    if (needs === 'assessment-lead') {
      const visitor = new TestClient(ctx.app);
      const email = `lead.${Math.random().toString(36).slice(2, 10)}@example.com`;
      await visitor.post(`/api/public/assessments/${link.body.token}/report`, {
        answers: {},
        consent: true,
        email,
      });
      const leads = await team.founder.get<{ data: { id: string; email: string }[] }>(
        `/api/workspaces/${ws}/assessment-leads`,
      );
      leadId = leads.body.data.find((l) => l.email === email)?.id ?? leadId;
    }
  }
  let proposalId = '00000000-0000-4000-8000-000000000000';
  if (needs === 'proposal') {
    const proposed = await team.cto.post<{ id: string }>(`/api/workspaces/${ws}/proposals`, {
      itemId: item.id,
      change: { kind: 'cut' },
      reason: 'Nobody uses it',
    });
    if (proposed.status !== 201) throw new Error(`setup failed: ${JSON.stringify(proposed.body)}`);
    proposalId = proposed.body.id;
  }
  let ideaAlertDecisionId: number | null = null;
  if (needs === 'idea-alert-threshold') {
    const ideas = await team.founder.get<{ alertThresholdDecisionId: number | null }>(
      `/api/workspaces/${ws}/ideas`,
    );
    ideaAlertDecisionId = ideas.body.alertThresholdDecisionId;
  }
  let companyId: string | undefined;
  if (needs === 'company') {
    const company = await team.founder.post<{ id: string }>(`/api/workspaces/${ws}/companies`, {
      name: 'Globex',
    });
    if (company.status !== 201) throw new Error(`setup failed: ${JSON.stringify(company.body)}`);
    companyId = company.body.id;
  }
  let portalVersion: number | undefined;
  if (needs === 'portal') {
    const portal = await team.founder.get<{ version: number }>(`/api/workspaces/${ws}/portal`);
    portalVersion = portal.body.version;
  }
  const rights = await team.founder.get<{ version: number; matrix: Record<string, Record<string, string>> }>(
    `/api/workspaces/${ws}/decision-rights`,
  );
  return {
    ws,
    item,
    other: otherItem,
    memberId,
    rightsVersion: rights.body.version,
    rightsMatrix: rights.body.matrix,
    formulaId,
    sessionId,
    viewId,
    linkId,
    leadId,
    proposalId,
    ideaAlertDecisionId,
    companyId,
    portalVersion,
  };
}

/** One test per route case: each role allowed or refused (403 with a reason) as declared, and 404 next door. */
export function checkEachRoute(world: AuthorizationWorld, cases: RouteCase[]): void {
  // One test per route, so a slow machine never hits one long timeout and a failure names its route.
  it.each(cases.map((route) => [route.name, route] as const))(
    'should allow and deny %s exactly as declared for every role × own/other workspace',
    async (_name, route) => {
      const unexpected: string[] = [];
      let checked = 0;
      const { own, other } = world;
      // A read (or a write that leaves its target as it was) shares one target across the roles,
      // so the workspace's plan stays the same between them; other writes get a fresh target each.
      const shared = route.method === 'GET' || route.keepsTarget === true;
      const once = shared ? await prepare(world, own, route.needs) : undefined;
      for (const role of ROLES) {
        const target = once ?? (await prepare(world, own, route.needs));
        const res = await own[role].request(route.method, route.path(target), route.body?.(target));
        const allowed = route.allowed.includes(role);
        checked += 1;
        if (allowed && (res.status < 200 || res.status >= 300)) {
          unexpected.push(
            `denied: ${role} ${route.name} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`,
          );
        }
        if (!allowed && res.status !== 403) unexpected.push(`allowed: ${role} ${route.name} → ${res.status}`);
        if (!allowed && res.status === 403) {
          const message = (res.body as { error: { message: string } }).error.message;
          if (!message) unexpected.push(`403 without a reason: ${role} ${route.name}`);
        }
      }
      // Another tenant's data answers 404, whatever the caller's role in their own workspace.
      const foreign = await prepare(world, other, route.needs);
      for (const role of ROLES) {
        const res = await own[role].request(route.method, route.path(foreign), route.body?.(foreign));
        checked += 1;
        if (res.status !== 404) unexpected.push(`other workspace: ${role} ${route.name} → ${res.status}`);
      }
      expect(checked).toBe(ROLES.length * 2);
      expect(unexpected).toEqual([]);
    },
    // A plan forecast simulates the schedule sixteen times here; a loaded 2-core machine needs room.
    180_000,
  );
}
