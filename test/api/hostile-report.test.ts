/**
 * The assessment report route as a browser would receive it, for workspaces whose names (the
 * report's company) carry the shared hostile strings: the HTML is inert and sandboxed, the
 * Markdown compiles to inert HTML even in a viewer that renders raw HTML.
 */
import { micromark } from 'micromark';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findActiveContent, inspectHtml } from '../support/active-content';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { groupToFit, STORABLE_HOSTILE_STRINGS } from '../support/hostile-strings';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let client: TestClient;

beforeAll(async () => {
  ctx = await createTestApp();
  client = new TestClient(ctx.app);
  await client.signUp('Report Reader');
});
afterAll(() => ctx.close());

// Workspace names hold 100 characters: the strings in as few names as fit.
const NAMES = groupToFit(STORABLE_HOSTILE_STRINGS, 100).map((group) => group.join(' '));

describe('GET …/assessments/{n}/report for a hostile company name', () => {
  it('should answer sandboxed, inert HTML and inert Markdown for every name', async () => {
    for (const name of NAMES) {
      const ws = await client.post<{ id: string; name: string }>('/api/workspaces', { name });
      expect(ws.status, name).toBe(201);
      const base = `/api/workspaces/${ws.body.id}/assessments`;
      expect((await client.post(base, { variant: 'short', answers: {} })).status).toBe(201);

      const html = await client.get<string>(`${base}/1/report?format=html`);
      expect(html.status).toBe(200);
      expect(html.headers.get('content-security-policy')).toMatch(/^sandbox;/);
      expect(html.headers.get('x-content-type-options')).toBe('nosniff');
      const { problems, doc } = inspectHtml(html.body);
      expect(problems, name).toEqual([]);
      expect(doc.querySelector('h1')?.textContent?.replace(/\r\n?/g, '\n'), name).toBe(
        `Development setup assessment: ${ws.body.name}`.replace(/\r\n?/g, '\n'),
      );

      const md = await client.get<string>(`${base}/1/report?format=md`);
      expect(md.status).toBe(200);
      const compiled = micromark(md.body, { allowDangerousHtml: true, allowDangerousProtocol: true });
      expect(findActiveContent(compiled), name).toEqual([]);
    }
  }, 180_000);
});
