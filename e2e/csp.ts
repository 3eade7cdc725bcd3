import { type BrowserContext, test as base, expect } from '@playwright/test';

export { expect };

declare global {
  interface Window {
    __headwayCspViolation?: (description: string) => void;
  }
}

/**
 * Reports every Content-Security-Policy violation a page of this context meets: the
 * `securitypolicyviolation` event (installed before any of the page's own scripts run) and
 * Chromium's "Refused to …" console errors.
 */
export async function watchCsp(context: BrowserContext, violations: string[]): Promise<void> {
  await context.exposeBinding('__headwayCspViolation', (source, description: string) => {
    violations.push(`${source.page?.url() ?? '?'}: ${description}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__headwayCspViolation?.(
        `${event.effectiveDirective} refused ${event.blockedURI || 'an inline source'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
    }
  });
}

/**
 * The journeys' `test`: every browser context a test opens (its own page and every
 * `browser.newContext()`) is watched for Content-Security-Policy violations, and the test fails
 * if the app met any. The server sends the strict policy, so this is how the journeys prove the
 * web app needs nothing it forbids.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ browser, context }, use) => {
      const violations: string[] = [];
      await watchCsp(context, violations);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const created = await newContext(options);
        await watchCsp(created, violations);
        return created;
      };
      try {
        await use(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
