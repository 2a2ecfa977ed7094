// Turns the self-contained HTML report into PDF with Debian's Chromium (never a downloaded
// browser). One conversion at a time: Chromium is heavy and reports are rare.
import fs from 'node:fs';
import { escapeHtml } from '../../../reporting/escapeHtml.js';
import { reportText, type ReportLanguage } from '../../../reporting/locales/reportLabels.js';

export class PdfUnavailableError extends Error {}

export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let queue: Promise<unknown> = Promise.resolve();

/**
 * The footer Chromium prints on every page: "Pagina 3 van 7" ("Page 3 of 7"). Chromium fills the
 * pageNumber and totalPages spans; the template has inline style because it is printed apart
 * from the page (and the page's CSP does not apply to it).
 */
export function pageFooterTemplate(language: ReportLanguage): string {
  const text = escapeHtml(reportText(language, 'pageOf', { page: '\u0000', pages: '\u0001' }))
    .replace('\u0000', '<span class="pageNumber"></span>')
    .replace('\u0001', '<span class="totalPages"></span>');
  return `<div style="width:100%;font-family:system-ui,sans-serif;font-size:9px;color:#444;text-align:center;">${text}</div>`;
}

export function renderPdf(html: string, options: { language?: ReportLanguage } = {}): Promise<Buffer> {
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
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: pageFooterTemplate(options.language ?? 'nl'),
        margin: { top: '15mm', bottom: '18mm', left: '12mm', right: '12mm' },
      });
      return Buffer.from(pdf);
    } finally {
      await browser.close();
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
