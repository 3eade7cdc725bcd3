import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../context';
import { securityHeaders } from './security-headers';

function buildApp(publicUrl?: string) {
  const app = new Hono<AppEnv>();
  app.use('*', securityHeaders({ publicUrl }));
  app.get('/api/report', (c) => {
    // A rendered document that must never run as the app: its own, stricter policy.
    c.header('Content-Security-Policy', 'sandbox');
    c.header('Cache-Control', 'private, max-age=60');
    return c.body('<p>report</p>', 200, { 'Content-Type': 'text/html' });
  });
  app.get('/api/plain', (c) => c.json({ ok: true }));
  app.get('/boom', () => {
    throw new Error('boom');
  });
  app.onError((_error, c) => c.json({ error: { code: 'internal' } }, 500));
  return app;
}

describe('securityHeaders', () => {
  it('should keep a Content-Security-Policy and Cache-Control the handler set itself', async () => {
    const res = await buildApp().request('/api/report');
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
    expect(res.headers.get('cache-control')).toBe('private, max-age=60');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('should set the app policy and no-store when the handler set neither', async () => {
    const res = await buildApp().request('/api/plain');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('should set them on a response built by the error handler', async () => {
    const res = await buildApp().request('/boom');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('should send HSTS for an https public URL and not for an http one', async () => {
    const tls = await buildApp('https://headway.example.com').request('http://127.0.0.1/api/plain');
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const plain = await buildApp('http://headway.local').request('http://127.0.0.1/api/plain');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });
});
