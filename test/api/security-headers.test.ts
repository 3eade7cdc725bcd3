/**
 * Security headers on every kind of response the server gives: API answers, API errors, the web
 * app's index.html, static assets and 404s. The web app is a small fixture folder, so these
 * tests do not depend on a build.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Hono } from 'hono';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import type { AppEnv } from '../../src/server/context';
import { TestClient } from '../support/client';
import { createTestDatabase } from '../support/database';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: Hono<AppEnv>;
let webRoot: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  webRoot = mkdtempSync(join(tmpdir(), 'headway-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Headway</title><div id="root"></div>');
  writeFileSync(join(webRoot, 'assets', 'app-1234.js'), 'console.log("hi");');
  writeFileSync(join(webRoot, 'early.js'), 'window.early = 1;');
  app = createApp({ db: handle.db, logger: pino({ level: 'silent' }), webRoot });
});
afterAll(async () => {
  await handle.close();
  rmSync(webRoot, { recursive: true, force: true });
});

/** Asserts the headers every response carries, whatever it is. */
function expectSecurityHeaders(headers: Headers, what: string) {
  expect(headers.get('content-security-policy'), what).toBe(CSP);
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(headers.get('cross-origin-resource-policy'), what).toBe('same-origin');
  expect(headers.get('permissions-policy'), what).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(headers.get('x-powered-by'), what).toBeNull();
}

describe('security headers', () => {
  it('should send them, with no-store, on a signed-in API answer', async () => {
    const client = new TestClient(app);
    await client.signUp('Headers');
    const res = await client.get('/api/me');
    expect(res.status).toBe(200);
    expectSecurityHeaders(res.headers, 'GET /api/me');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('should send them on API errors: 400, 401 and an unknown API route', async () => {
    const client = new TestClient(app);
    await client.signUp('Errors');
    const bad = await client.post('/api/workspaces', { name: '' });
    expect(bad.status).toBe(400);
    expectSecurityHeaders(bad.headers, '400');
    const anonymous = await app.request('/api/me');
    expect(anonymous.status).toBe(401);
    expectSecurityHeaders(anonymous.headers, '401');
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
    const missing = await app.request('/api/no-such-route');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing.headers, 'API 404');
    const malformed = await app.request('/api/workspaces', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
      body: '{',
    });
    expect(malformed.status).toBe(401);
    expectSecurityHeaders(malformed.headers, 'refused token');
  });

  it('should send them on index.html, for the root and for any app path', async () => {
    for (const path of ['/', '/w/acme/backlog', '/join/hwi_x']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/text\/html/);
      expectSecurityHeaders(res.headers, path);
    }
  });

  it('should send them on static assets and keep their long cache', async () => {
    const asset = await app.request('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expectSecurityHeaders(asset.headers, 'asset');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await app.request('/assets/gone-0000.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
    expectSecurityHeaders(missing.headers, 'missing asset');
    const early = await app.request('/early.js');
    expect(early.status).toBe(200);
    expectSecurityHeaders(early.headers, 'early.js');
  });

  it('should send them on a 404 outside the API', async () => {
    const res = await app.request('/anything', { method: 'POST' });
    expect(res.status).toBe(404);
    expectSecurityHeaders(res.headers, 'POST /anything');
  });

  it('should send them on the API description', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    expectSecurityHeaders(res.headers, 'openapi');
  });

  it('should send HSTS only over HTTPS', async () => {
    const plain = await app.request('http://localhost/api/health');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const tls = await app.request('https://localhost/api/health');
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expectSecurityHeaders(tls.headers, 'https health');
  });

  it('should send HSTS on every response when the public URL is https (behind a TLS proxy)', async () => {
    const proxied = createApp({
      db: handle.db,
      logger: pino({ level: 'silent' }),
      webRoot,
      publicUrl: 'https://headway.example.com',
    });
    for (const path of ['/api/health', '/', '/assets/app-1234.js']) {
      const res = await proxied.request(`http://127.0.0.1${path}`);
      expect(res.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
    }
  });
});

describe('the web app shell', () => {
  const shell = readFileSync(resolve(import.meta.dirname, '../../src/web/index.html'), 'utf8');

  it('should have no inline script, so script-src needs no unsafe-inline, hash or nonce', () => {
    const scripts = [...shell.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes, 'every script has a src').toMatch(/\bsrc=/);
      expect(body?.trim()).toBe('');
    }
  });

  it('should have no inline style or event-handler attribute', () => {
    expect(shell).not.toMatch(/<style\b/i);
    expect(shell).not.toMatch(/\sstyle=/i);
    expect(shell).not.toMatch(/\son[a-z]+=/i);
    expect(shell).not.toMatch(/javascript:/i);
  });
});
