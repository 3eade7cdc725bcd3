import { existsSync } from 'node:fs';

/** Chromium flags for a headless print on a machine without a network or a sandbox. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Chromium is: HEADWAY_CHROMIUM, or Debian's package. */
export function findChromium(): string {
  const path = process.env.HEADWAY_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `PDF output prints through Chromium, which is not at ${path}: install it (Debian: apt-get install -y chromium) or set HEADWAY_CHROMIUM to its path. --format html gives the same print-ready page without it.`,
    );
  }
  return path;
}

/**
 * Prints a standalone HTML page to an A4 PDF with Chromium's print-to-PDF, honouring the
 * page's @media print rules. The page must not need the network.
 */
export async function printHtmlToPdf(html: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
    });
  } finally {
    await browser.close();
  }
}
