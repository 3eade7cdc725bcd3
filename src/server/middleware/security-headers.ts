import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../context';

/**
 * The Content-Security-Policy of the web app. Every script and stylesheet comes from Headway's
 * own origin (the build emits no inline script or style), so an injected `<script>` or
 * `javascript:` link cannot run. React sets element styles through the CSSOM, which style-src
 * does not govern, so no 'unsafe-inline' is needed for styles either.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  // data: for the inline SVG favicon.
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** A year, on every subdomain, as OWASP's HSTS cheat sheet recommends. */
export const HSTS = 'max-age=31536000; includeSubDomains';

export interface SecurityHeadersOptions {
  /**
   * The address people reach Headway at. When it is https, HSTS is sent even though a TLS
   * proxy in front hands Headway plain HTTP.
   */
  publicUrl?: string | undefined;
}

/** True when the browser reached Headway over HTTPS, directly or through the public URL. */
export function isServedOverHttps(c: Context, publicUrl: string | undefined): boolean {
  if (publicUrl?.toLowerCase().startsWith('https://')) return true;
  return new URL(c.req.url).protocol === 'https:';
}

/**
 * Sets the security headers on every response: API answers, the web app, static assets,
 * errors and 404s. A handler that sets its own header (a stricter sandbox CSP on a rendered
 * document, a download's Cache-Control) keeps it.
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler<AppEnv> {
  const base = secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    // Sent below, only over HTTPS: on plain HTTP it means nothing and misleads.
    strictTransportSecurity: false,
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
      browsingTopics: [],
    },
    overwrite: false,
  });
  return async (c, next) => {
    await base(c, async () => {
      await next();
      const headers = c.res.headers;
      if (isServedOverHttps(c, options.publicUrl) && !headers.has('Strict-Transport-Security')) {
        headers.set('Strict-Transport-Security', HSTS);
      }
      // API answers carry workspace data for one signed-in person: no browser or proxy keeps them.
      if (c.req.path.startsWith('/api/') && !headers.has('Cache-Control')) {
        headers.set('Cache-Control', 'no-store');
      }
    });
  };
}
