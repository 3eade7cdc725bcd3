import { type Browser, expect, type Locator, type Page } from '@playwright/test';

export const PASSWORD = 'correct horse battery';

/** Saves a screenshot under test-results/screenshots/. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

/** Signs a new person up in a fresh browser context and returns their page. */
export async function signUpInNewContext(options: {
  browser: Browser;
  baseURL: string;
  path: string;
  name: string;
  email: string;
}): Promise<Page> {
  const context = await options.browser.newContext({ baseURL: options.baseURL });
  const page = await context.newPage();
  await page.goto(options.path);
  await page.getByLabel('Name').fill(options.name);
  await page.getByLabel('Email').fill(options.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  return page;
}

/** The rows of the backlog in view, as their item numbers ("#3"). */
export async function backlogNumbers(page: Page): Promise<string[]> {
  return page.getByTestId('backlog-row').locator('.cell-number').allTextContents();
}

/** The backlog row of an item, by its title. */
export function rowOf(page: Page, title: string): Locator {
  return page
    .getByTestId('backlog-row')
    .filter({ has: page.getByRole('button', { name: title, exact: true }) });
}

/**
 * Drags one row's handle onto another row with small mouse steps, the way dnd-kit's pointer
 * sensor needs to see a drag.
 */
export async function dragRow(page: Page, from: Locator, to: Locator): Promise<void> {
  const handle = from.locator('.drag-handle');
  const a = await handle.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('rows to drag are not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 + 6, { steps: 4 });
  await page.mouse.move(a.x + a.width / 2, b.y + 4, { steps: 10 });
  await page.mouse.up();
}

/** Waits until the move request of a reorder has been answered. */
export function waitForMove(page: Page) {
  return page.waitForResponse((r) => r.url().includes('/move') && r.request().method() === 'POST');
}

export async function expectOrder(page: Page, expected: string[]): Promise<void> {
  await expect.poll(async () => (await backlogNumbers(page)).slice(0, expected.length)).toEqual(expected);
}

/**
 * Collects the page's console errors and uncaught exceptions from now on; assert the list is
 * empty at the end of a journey.
 */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * Saves the whole page, not only what is in view (the page scrolls inside the shell). The
 * screenshot styles go in through a constructed style sheet: the app's Content-Security-Policy
 * refuses an injected `<style>` element, as it would an attacker's.
 */
export async function snapFull(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      '.shell{height:auto!important;min-height:100vh}.main,.page{height:auto!important;overflow:visible!important}',
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/**
 * How many lines a wrapping flex container lays its visible children on: a child starts a new
 * line when its top is below the bottom of every child on the current one.
 */
export async function flexLines(container: Locator): Promise<number> {
  return container.evaluate((element) => {
    const boxes = [...element.children]
      .map((child) => child.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0)
      .sort((a, b) => a.top - b.top);
    let lines = 0;
    let bottom = Number.NEGATIVE_INFINITY;
    for (const box of boxes) {
      if (box.top >= bottom) lines++;
      bottom = box.top >= bottom ? box.bottom : Math.max(bottom, box.bottom);
    }
    return lines;
  });
}
