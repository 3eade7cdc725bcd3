/**
 * The authorization matrix's declared table, part one: who may call each workspace, team, item
 * and decision route (written from the product's rules, not derived from the server's code).
 * Part two is authorization-cases-planning.ts.
 */
import type { Item } from '../../src/contract';
import { ROLES, type Role } from '../../src/domain/decision-rights';

export const ALL: readonly Role[] = ROLES;
export const CONTRIBUTORS: readonly Role[] = ROLES.filter((r) => r !== 'viewer');
export const ORDER: readonly Role[] = ['product_manager', 'cpo', 'ctpo', 'designer'];
export const REQUIREMENTS: readonly Role[] = ['product_manager', 'cpo', 'ctpo', 'designer'];
export const SCOPE: readonly Role[] = ['cpo', 'founder', 'ctpo', 'product_manager', 'designer'];
export const DATES: readonly Role[] = ['product_manager', 'cpo', 'ctpo'];
export const ASSIGN: readonly Role[] = ['product_manager', 'cpo', 'ctpo', 'cto', 'developer'];
export const TECH: readonly Role[] = ['cto', 'ctpo', 'developer'];
export const FOUNDER: readonly Role[] = ['founder'];
export const METHOD: readonly Role[] = ['cpo', 'ctpo', 'product_manager'];
export const ROADMAP: readonly Role[] = ['cpo', 'ctpo', 'product_manager', 'founder'];
export const WEBHOOKS: readonly Role[] = ['founder', 'cto', 'ctpo'];

export interface Target {
  ws: string;
  item: Item;
  other: Item;
  memberId: string;
  rightsVersion: number;
  formulaId: string;
  sessionId: string;
  viewId: string;
  /** A published assessment link and a lead it brought, fresh for routes that need them. */
  linkId: string;
  leadId: string;
  /** An open proposal (cut the target item), fresh for routes that answer it. */
  proposalId: string;
  /** The decision that set the ideas' alert threshold (null: the default), for a change to name. */
  ideaAlertDecisionId?: number | null;
  /** A fresh company (version 1), for routes that change one. */
  companyId?: string;
  /** The ideas portal's version as it is now (0: never set), for a change to name. */
  portalVersion?: number | undefined;
  /** The workspace's decision-rights matrix, to write it back unchanged. */
  rightsMatrix: Record<string, Record<string, string>>;
}

export interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: (t: Target) => string;
  body?: (t: Target) => unknown;
  allowed: readonly Role[];
  /** A write that changes nothing of its target (sending a brief, a what-if): its roles may share one target. */
  keepsTarget?: true;
  /** Prepares fresh data for each call so an allowed call cannot fail for another reason. */
  needs?:
    | 'dependency'
    | 'member'
    | 'formula'
    | 'assessment'
    | 'session'
    | 'revealed-session'
    | 'cancelled-item'
    | 'done-item'
    | 'shared-view'
    | 'assessment-link'
    | 'assessment-lead'
    | 'proposal'
    | 'idea-alert-threshold'
    | 'company'
    | 'portal';
}

export const W = (t: Target) => `/api/workspaces/${t.ws}`;
export const I = (t: Target) => `${W(t)}/items/${t.item.id}`;

/**
 * Workspace routes the matrix does not call, each with the test that covers its rights instead.
 */
export const LEFT_OUT = new Map<string, string>([
  [
    'PATCH /api/workspaces/{}/evidence/{}',
    'contributors, on a note, viewers refused: evidence-notes.test.ts',
  ],
  ['POST /api/workspaces/{}/evidence/{}/split', 'contributors, on a note: evidence-notes.test.ts'],
  [
    'POST /api/workspaces/{}/ideas/{}/merge',
    'the scope decision on two ideas (a developer is refused): evidence-notes.test.ts',
  ],
  [
    'POST /api/workspaces/{}/ideas/{}/reach-score',
    'the backlog-order decision on an idea with evidence (a developer and a viewer are refused): evidence-reach.test.ts',
  ],
  [
    'PATCH /api/workspaces/{}/workflow/states/{}',
    'the technical approach decision, per version: workflow.test.ts',
  ],
  [
    'POST /api/workspaces/{}/workflow/states/{}/remove',
    'the technical approach decision, per version: workflow.test.ts',
  ],
  ['PATCH /api/workspaces/{}/cycles/{}', 'the roadmap decision, per version: cycles.test.ts'],
  ['POST /api/workspaces/{}/cycles/{}/items', 'the roadmap decision, on an open cycle: cycles.test.ts'],
  ['POST /api/workspaces/{}/cycles/{}/close', 'the roadmap decision, once per cycle: cycles.test.ts'],
  [
    'POST /api/workspaces/{}/portal/submissions/{}/approve',
    'contributors, once per e-mail-verified submission: portal.test.ts',
  ],
  [
    'POST /api/workspaces/{}/portal/submissions/{}/reject',
    'contributors, once per e-mail-verified submission: portal.test.ts',
  ],
  ['POST /api/workspaces/{}/sample-data', 'founder only, once: getting-started.test.ts'],
  ['POST /api/workspaces/{}/decisions/{}/rationale', "the entry's author only: decision-whys.test.ts"],
  ['DELETE /api/workspaces/{}/roadmap/snapshots/{}', 'the roadmap decision: roadmap.test.ts'],
  [
    'POST /api/workspaces/{}/items/{}/health-updates',
    'the roadmap decision, on an initiative or epic only: health-updates.test.ts',
  ],
  ['DELETE /api/workspaces/{}/assessments/{}', 'the team decision: assessments.test.ts'],
  ['DELETE /api/workspaces/{}/calendar-feeds/{}', "the feed's own member only: exports.test.ts"],
  [
    'POST /api/workspaces/{}/events/deployments',
    'an ingest token only, never a member: delivery-events.test.ts',
  ],
  [
    'POST /api/workspaces/{}/events/incidents',
    'an ingest token only, never a member: delivery-events.test.ts',
  ],
  ['DELETE /api/workspaces/{}/ingest-tokens/{}', 'contributors, once per token: delivery-events.test.ts'],
  ['DELETE /api/workspaces/{}/webhooks/{}', 'founder, CTO, CTPO, once per endpoint: webhooks.test.ts'],
  ['GET /api/workspaces/{}/webhooks/{}/deliveries', 'founder, CTO, CTPO: webhooks.test.ts'],
  ['POST /api/workspaces/{}/webhooks/{}/deliveries/{}/replay', 'founder, CTO, CTPO: webhooks.test.ts'],
  [
    'POST /api/workspaces/{}/jobs/failed/{}/retry',
    'the founder, once per failed job: webhook-delivery.test.ts',
  ],
  [
    'POST /api/workspaces/{}/github',
    'founder, CTO or CTPO, once GitHub accepts the token: github-rights.test.ts',
  ],
  ['POST /api/workspaces/{}/github/sync', 'founder, CTO or CTPO, on a connection: github-rights.test.ts'],
  ['DELETE /api/workspaces/{}/github', 'founder, CTO or CTPO, on a connection: github-rights.test.ts'],
  [
    'POST /api/workspaces/{}/assessments/{}/start-plan',
    'the roadmap decision, once per horizon (a second call is a 409): plan-start.test.ts',
  ],
  [
    'POST /api/workspaces/{}/assessments/{}/apply-decision-rights',
    'the team decision, with a preview: assessments.test.ts',
  ],
]);

/** Workspace, team, items, comments and decision routes. */
export const WORKSPACE_CASES: RouteCase[] = [
  { name: 'get workspace', method: 'GET', path: W, allowed: ALL },
  { name: 'list members', method: 'GET', path: (t) => `${W(t)}/members`, allowed: ALL },
  { name: 'get decision rights', method: 'GET', path: (t) => `${W(t)}/decision-rights`, allowed: ALL },
  { name: 'list items', method: 'GET', path: (t) => `${W(t)}/items`, allowed: ALL },
  { name: 'get item', method: 'GET', path: I, allowed: ALL },
  { name: 'item history', method: 'GET', path: (t) => `${I(t)}/history`, allowed: ALL },
  { name: 'list comments', method: 'GET', path: (t) => `${I(t)}/comments`, allowed: ALL },
  { name: 'inbox', method: 'GET', path: (t) => `${W(t)}/inbox`, allowed: ALL },
  { name: 'decision log', method: 'GET', path: (t) => `${W(t)}/decisions`, allowed: ALL },
  { name: 'decision log CSV', method: 'GET', path: (t) => `${W(t)}/decisions.csv`, allowed: ALL },
  { name: 'what waits on whom', method: 'GET', path: (t) => `${W(t)}/waiting`, allowed: ALL },
  { name: 'slips', method: 'GET', path: (t) => `${W(t)}/slips`, allowed: ALL },
  { name: 'getting started', method: 'GET', path: (t) => `${W(t)}/getting-started`, allowed: ALL },
  { name: 'export', method: 'GET', path: (t) => `${W(t)}/export`, allowed: ALL },
  { name: 'backlog CSV', method: 'GET', path: (t) => `${W(t)}/items/export.csv?type=task`, allowed: ALL },
  { name: 'roadmap Markdown', method: 'GET', path: (t) => `${W(t)}/roadmap/export.md`, allowed: ALL },
  { name: 'list calendar feeds', method: 'GET', path: (t) => `${W(t)}/calendar-feeds`, allowed: ALL },
  {
    name: 'create calendar feed',
    method: 'POST',
    path: (t) => `${W(t)}/calendar-feeds`,
    body: () => ({ name: 'work calendar' }),
    allowed: ALL,
  },
  { name: 'list proposals', method: 'GET', path: (t) => `${W(t)}/proposals`, allowed: ALL },
  {
    name: 'get proposal',
    method: 'GET',
    path: (t) => `${W(t)}/proposals/${t.proposalId}`,
    allowed: ALL,
    needs: 'proposal',
  },
  {
    name: 'propose a change',
    method: 'POST',
    path: (t) => `${W(t)}/proposals`,
    body: (t) => ({ itemId: t.item.id, change: { kind: 'cut' }, reason: 'Nobody uses it' }),
    allowed: CONTRIBUTORS,
  },
  {
    name: 'accept a proposal',
    method: 'POST',
    path: (t) => `${W(t)}/proposals/${t.proposalId}/accept`,
    body: () => ({ version: 1 }),
    allowed: SCOPE,
    needs: 'proposal',
  },
  {
    name: 'decline a proposal',
    method: 'POST',
    path: (t) => `${W(t)}/proposals/${t.proposalId}/decline`,
    body: () => ({ version: 1, reason: 'Customers use it' }),
    allowed: SCOPE,
    needs: 'proposal',
  },
  { name: 'DORA measures', method: 'GET', path: (t) => `${W(t)}/dora`, allowed: ALL },
  { name: 'list ideas', method: 'GET', path: (t) => `${W(t)}/ideas`, allowed: ALL },
  { name: 'list customer notes', method: 'GET', path: (t) => `${W(t)}/evidence`, allowed: ALL },
  {
    name: 'decide an idea',
    method: 'POST',
    path: (t) => `${W(t)}/ideas/${t.item.id}/decision`,
    body: (t) => ({ outcome: 'accepted', reason: 'Customers ask for it', version: t.item.version }),
    allowed: SCOPE,
  },
  {
    // The setting is a logged decision; each call names the one it replaces, so read it first.
    name: 'set the ideas alert threshold',
    method: 'PUT',
    path: (t) => `${W(t)}/ideas/alert-threshold`,
    body: (t) => ({ percent: 80, basedOn: t.ideaAlertDecisionId }),
    allowed: ROADMAP,
    needs: 'idea-alert-threshold',
  },
  { name: 'read the ideas portal setting', method: 'GET', path: (t) => `${W(t)}/portal`, allowed: ALL },
  {
    name: 'publish the ideas portal',
    method: 'PUT',
    path: (t) => `${W(t)}/portal`,
    body: (t) => ({ published: true, slug: `portal-${t.ws.slice(0, 8)}`, version: t.portalVersion ?? 0 }),
    allowed: ROADMAP,
    needs: 'portal',
  },
  {
    name: "read the portal's moderation queue",
    method: 'GET',
    path: (t) => `${W(t)}/portal/submissions`,
    allowed: ALL,
  },
  { name: 'list companies', method: 'GET', path: (t) => `${W(t)}/companies`, allowed: ALL },
  {
    name: 'add a company',
    method: 'POST',
    path: (t) => `${W(t)}/companies`,
    body: (t) => ({ name: 'Acme', ownerUserId: t.memberId }),
    allowed: CONTRIBUTORS,
  },
  {
    name: "change a company's account owner",
    method: 'PATCH',
    path: (t) => `${W(t)}/companies/${t.companyId}`,
    body: (t) => ({ version: 1, ownerUserId: t.memberId }),
    allowed: CONTRIBUTORS,
    needs: 'company',
  },
  {
    name: 'import evidence',
    method: 'POST',
    path: (t) => `${W(t)}/evidence/import`,
    body: () => ({ evidenceCsv: 'text,idea_ref\nWe need SSO,#1', dryRun: true }),
    allowed: CONTRIBUTORS,
  },
  {
    name: 'send evidence notes',
    method: 'POST',
    path: (t) => `${W(t)}/evidence`,
    body: () => ({ evidence: [{ text: 'We need SSO', idea_ref: '#1' }], dryRun: true }),
    allowed: CONTRIBUTORS,
  },
  {
    name: 'send a forwarded e-mail',
    method: 'POST',
    path: (t) => `${W(t)}/evidence/email`,
    body: () => ({ message: 'From: ana@acme.com\r\nSubject: SSO #1\r\n\r\nWe need SSO', dryRun: true }),
    allowed: CONTRIBUTORS,
  },
  { name: 'list webhooks', method: 'GET', path: (t) => `${W(t)}/webhooks`, allowed: WEBHOOKS },
  {
    name: 'register webhook',
    method: 'POST',
    path: (t) => `${W(t)}/webhooks`,
    body: () => ({ url: 'https://hooks.example.com/headway', kinds: ['item', 'order'] }),
    allowed: WEBHOOKS,
  },
  { name: 'failed jobs', method: 'GET', path: (t) => `${W(t)}/jobs/failed`, allowed: FOUNDER },
  { name: 'list ingest tokens', method: 'GET', path: (t) => `${W(t)}/ingest-tokens`, allowed: ALL },
  { name: 'GitHub connection status', method: 'GET', path: (t) => `${W(t)}/github`, allowed: ALL },
  {
    name: 'create ingest token',
    method: 'POST',
    path: (t) => `${W(t)}/ingest-tokens`,
    body: () => ({ name: 'deploy pipeline' }),
    allowed: CONTRIBUTORS,
  },
  {
    name: 'create item',
    method: 'POST',
    path: (t) => `${W(t)}/items`,
    body: () => ({ type: 'task', title: 'x' }),
    allowed: CONTRIBUTORS,
  },
  {
    name: 'comment',
    method: 'POST',
    path: (t) => `${I(t)}/comments`,
    body: () => ({ body: 'hi' }),
    allowed: CONTRIBUTORS,
  },
  {
    name: 'move state along',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, state: 'in_progress' }),
    allowed: CONTRIBUTORS,
  },
  {
    name: 'edit title',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, title: 'New title' }),
    allowed: REQUIREMENTS,
  },
  {
    name: 'cancel item',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, state: 'cancelled' }),
    allowed: SCOPE,
  },
  {
    name: 'bring a cancelled item back',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, state: 'ready' }),
    allowed: SCOPE,
    needs: 'cancelled-item',
  },
  {
    name: 'set scores',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, scores: { rice_reach: 10 } }),
    allowed: ORDER,
  },
  {
    name: 'set target date',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, targetDate: '2027-01-15' }),
    allowed: DATES,
  },
  {
    name: 'assign',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, assigneeId: t.memberId }),
    allowed: ASSIGN,
  },
  {
    name: 'set skills',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, skills: ['backend'] }),
    allowed: TECH,
  },
  {
    name: 'estimate',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, estimate: { optimistic: 1, likely: 2, pessimistic: 4 } }),
    allowed: TECH,
  },
  {
    name: 'reorder',
    method: 'POST',
    path: (t) => `${I(t)}/move`,
    body: () => ({ afterId: null }),
    allowed: ORDER,
  },
  {
    // Adding to and changing the backlog needs scope and order; who holds both is ORDER here.
    name: 'import a file into the workspace',
    method: 'POST',
    path: (t) => `${W(t)}/import`,
    body: () => ({
      format: 'jira',
      text: 'Summary,Issue key,Issue Type,Status\nFrom Jira,AUTH-1,Task,To Do\n',
    }),
    allowed: ORDER,
  },
  {
    name: 'add dependency',
    method: 'POST',
    path: (t) => `${I(t)}/dependencies`,
    body: (t) => ({ dependsOnId: t.other.id }),
    allowed: TECH,
  },
  {
    name: 'remove dependency',
    method: 'DELETE',
    path: (t) => `${I(t)}/dependencies/${t.other.id}`,
    allowed: TECH,
    needs: 'dependency',
  },
  {
    name: 'invite',
    method: 'POST',
    path: (t) => `${W(t)}/invitations`,
    body: () => ({ role: 'developer' }),
    allowed: FOUNDER,
  },
  {
    name: 'invite a founder',
    method: 'POST',
    path: (t) => `${W(t)}/invitations`,
    body: () => ({ role: 'founder' }),
    allowed: FOUNDER,
  },
  {
    name: 'make a member founder',
    method: 'PATCH',
    path: (t) => `${W(t)}/members/${t.memberId}`,
    body: () => ({ version: 1, role: 'founder' }),
    allowed: FOUNDER,
    needs: 'member',
  },
  {
    name: 'update member',
    method: 'PATCH',
    path: (t) => `${W(t)}/members/${t.memberId}`,
    body: () => ({ version: 1, fte: 0.5 }),
    allowed: FOUNDER,
    needs: 'member',
  },
  {
    name: 'remove member',
    method: 'DELETE',
    path: (t) => `${W(t)}/members/${t.memberId}`,
    allowed: FOUNDER,
    needs: 'member',
  },
  {
    name: 'edit decision rights',
    method: 'PUT',
    path: (t) => `${W(t)}/decision-rights`,
    body: (t) => ({ version: t.rightsVersion, matrix: t.rightsMatrix }),
    allowed: FOUNDER,
  },
];
