// The reports page's multi-year chart: each year has its place, a year whose count is protected
// shows as protected (its marker, no bar) rather than missing, and the pooled total of the
// years is in the table but not drawn as if it were one more year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { buildHeadlineFixture } from '../src/domain/monitor/headlineFixture.js';
import { amsterdamYearBounds } from '../src/domain/monitor/amsterdamYear.js';
import { desktop, newContext } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { signInAs } from './support/session.js';
import { axeViolations } from './support/axe.js';

describe('the multi-year chart on the reports page', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    ({ browser, server } = await startBrowserAndServer());
    // 2020 with only three coded chats: its counts are too small to publish.
    const [from, to] = amsterdamYearBounds(2020);
    let kept2020 = 0;
    const codings = buildHeadlineFixture().filter((c) => c.closedAt < from || c.closedAt >= to || kept2020++ < 3);
    await server.app.ctx.repos.codings.importMany(codings, null, Date.now());
  });
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('shows every year, the protected ones as protected, and not the pooled range as a bar', async () => {
    const researcher = await server.createStaff('researcher', { displayName: 'Onderzoek' });
    const context = await newContext(browser, { ...desktop, bypassCSP: true });
    const page = await context.newPage();
    await signInAs(page, server, researcher);
    await page.getByRole('heading', { name: 'Kerncijfers 2022' }).waitFor();
    const table = page.locator('[data-table="parents_2019_2022"]');
    await table.getByRole('table').waitFor();
    expect(await table.locator('tr[data-row="2020"] td').last().textContent()).toMatch(/^(<5|x)$/);
    await table.locator('tr[data-row="2019–2022"].c-row-summary').waitFor();

    const chart = table.locator('svg.c-chart');
    expect(await chart.locator('[data-bar]').evaluateAll((bars) => bars.map((b) => b.getAttribute('data-bar')))).toEqual(['2019', '2020', '2021', '2022']);
    const protectedYear = chart.locator('[data-bar="2020"]');
    expect(await protectedYear.getAttribute('data-suppressed')).toBe('true');
    expect(await protectedYear.locator('rect').count()).toBe(0);
    expect(await protectedYear.textContent()).toMatch(/^2020(<5|x) \(niet getoond\)$/);
    // 2019 is hidden too ("x"), or 2020 could be worked out from the pooled total.
    expect(await chart.locator('[data-bar="2019"]').getAttribute('data-suppressed')).toBe('true');
    expect(await chart.locator('[data-bar="2021"] rect').count()).toBe(1);
    expect(await chart.locator('[data-bar="2021"]').textContent()).toBe('202127');
    expect(await chart.textContent()).not.toContain('2019–2022');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
