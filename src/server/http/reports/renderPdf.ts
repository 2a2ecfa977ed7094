// Turns the self-contained HTML report into PDF with Debian's Chromium (never a downloaded
// browser). One conversion at a time: Chromium is heavy and reports are rare.
import fs from 'node:fs';

export class PdfUnavailableError extends Error {}

export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let queue: Promise<unknown> = Promise.resolve();

export function renderPdf(html: string): Promise<Buffer> {
  const run = async (): Promise<Buffer> => {
    const executablePath = chromiumPath();
    if (!fs.existsSync(executablePath)) throw new PdfUnavailableError(`Chromium not found at ${executablePath}`);
    let chromium: typeof import('playwright-core').chromium;
    try {
      ({ chromium } = await import('playwright-core'));
    } catch {
      throw new PdfUnavailableError('playwright-core is not installed');
    }
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
      return Buffer.from(pdf);
    } finally {
      await browser.close();
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
