import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let doc: {
  components: { securitySchemes?: Record<string, { type: string }> };
  security?: unknown[];
  paths: Record<string, Record<string, { security?: unknown[] }>>;
};

beforeAll(async () => {
  ctx = await createTestApp();
  doc = await (await ctx.app.request('/api/openapi.json')).json();
});
afterAll(() => ctx.close());

/** Every `pattern` in the document, wherever it sits. */
function findPatterns(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const child of node) findPatterns(child, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && typeof value === 'string') found.push(value);
      else findPatterns(value, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  it('should declare how to authenticate when a client is generated from it', () => {
    expect(Object.keys(doc.components.securitySchemes ?? {}).sort()).toEqual(['ingest', 'session', 'token']);
    expect(doc.security).toEqual([{ session: [] }, { token: [] }]);
    expect(doc.paths['/api/instance']?.get?.security).toEqual([]);
    // Delivery events take an ingest token and nothing else.
    expect(doc.paths['/api/workspaces/{workspaceId}/events/deployments']?.post?.security).toEqual([
      { ingest: [] },
    ]);
  });

  it('should give patterns as plain ECMAScript regular expressions without JavaScript flags', () => {
    const patterns = findPatterns(doc.paths);
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) {
      expect(pattern, pattern).not.toMatch(/^\/|\/[gimsuy]+$/);
      expect(() => new RegExp(pattern, 'u')).not.toThrow();
    }
  });
});
