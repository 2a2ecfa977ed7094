// A researcher opens the reports page: 2022's headline figures, tables, and CSV and PDF downloads.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { buildHeadlineFixture } from '../src/domain/monitor/headlineFixture.js';
import { desktop, launchBrowser, newContext } from './support/browser.js';
import { startE2EServer } from './support/server.js';
import { signIn } from './support/flows.js';
import { axeViolations } from './support/axe.js';


describe('the reports page', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2EServer();
    await server.app.ctx.repos.codings.importMany(buildHeadlineFixture(), null, Date.now());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows 2022’s headline figures and tables, and downloads CSV and PDF', async () => {
    const researcher = await server.createStaff('researcher', { displayName: 'Onderzoek' });
    const context = await newContext(browser, { ...desktop, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, server.url, researcher.username, researcher.password);
    await page.getByRole('heading', { name: 'Kerncijfers 2022' }).waitFor();
    const headline = (key: string) => page.locator(`.c-headline-item[data-key="${key}"] .c-headline-count`).textContent();
    expect(await headline('trafficking_question')).toBe('229');
    expect(await headline('victims')).toBe('199');
    expect(await headline('minors')).toBe('85');
    expect(await headline('under_15')).toBe('17');
    // Tables are real tables with headers; small counts are protected.
    const age = page.locator('[data-table="age"]');
    await age.getByRole('table').waitFor();
    expect(await age.locator('tr[data-row="age_0_11"] td').first().textContent()).toBe('<5');
    expect(await page.locator('svg.c-chart').count()).toBeGreaterThan(5);
    expect(await axeViolations(page)).toEqual([]);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tabellen (CSV)' }).click()]);
    const csvText = fs.readFileSync((await csv.path())!, 'utf8');
    expect(csvText.startsWith('period,table_id')).toBe(true);
    expect(csv.suggestedFilename()).toBe('baken-monitor-2022-nl.csv');

    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('link', { name: 'Rapport (PDF)' }).click()]);
    const pdfBytes = fs.readFileSync((await pdf.path())!);
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Switching to English re-labels the page.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Key figures 2022' }).waitFor();
    await context.close();
  });
});
