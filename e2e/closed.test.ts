// When the chat is closed or full: when it opens again (Amsterdam time, in her language) and
// who else can help. Also the neutral tab title an administrator can set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { startVisitorChat as startBySocket } from '../src/server/testing/chatScenario.js';
import { launchBrowser, newContext, phone } from './support/browser.js';
import { startE2EServer } from './support/server.js';
import { axeViolations } from './support/axe.js';
import { chooseVisitorLanguage } from './support/flows.js';

describe('closed, full and disguised', () => {
  let browser: Browser;
  let server: TestServer;
  const settings = (patch: Record<string, unknown>) => server.app.ctx.repos.settings.update(patch as never, null, Date.now());
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startE2EServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows when the chat opens next and the alternatives, in Dutch and English', async () => {
    // Open one minute a day (03:00), following the hours: closed now, and the next opening is known.
    const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    await settings({ availability: 'auto', openingHours: { timeZone: 'Europe/Amsterdam', weekly: days.map((day) => ({ day, start: '03:00', end: '03:01' })), exceptions: [] } });
    const context = await newContext(browser, { ...phone, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'De chat is nu dicht' }).waitFor();
    const next = await page.locator('.v-next-open').textContent();
    expect(next).toMatch(/^We zijn weer open op \w+dag \d{1,2} \w+ (om )?03:00\.$/);
    const call = page.getByRole('link', { name: 'Bel 0800-2000' });
    expect(await call.getAttribute('href')).toBe('tel:08002000');
    await page.getByText('Gratis, dag en nacht', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Start de chat' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await chooseVisitorLanguage(page, 'English');
    await page.getByRole('heading', { name: 'The chat is closed now' }).waitFor();
    await page.getByText(/We open again on \w+day \d{1,2} \w+ (at )?03:00\./).waitFor();
    await page.getByText('Free, day and night', { exact: false }).waitFor();
    await context.close();
    await settings({ availability: 'open' });
  });

  it('says kindly that the queue is full, with the alternatives', async () => {
    await settings({ queueCap: 1 });
    await startBySocket(server, 'Eerste');
    const context = await newContext(browser, { ...phone, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Het is nu te druk' }).waitFor();
    await page.getByRole('link', { name: 'Bel 0800-0432' }).waitFor();
    expect(await page.getByText('Ben je nu in gevaar? Bel 112.').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
    await settings({ queueCap: 10_000 });
  });

  it('uses the neutral tab title the administrator chose', async () => {
    await settings({ disguiseTitle: 'Recepten' });
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Start de chat' }).waitFor();
    await expect.poll(() => page.title()).toBe('Recepten');
    await context.close();
    await settings({ disguiseTitle: '' });
  });
});
