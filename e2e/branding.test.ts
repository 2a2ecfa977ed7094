// Branding: an administrator names the service and uploads its logo on the settings page; the
// console's header shows them, and so does the visitor page, unless it is disguised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { tinyPng } from '../src/server/testing/tinyPng.js';
import { desktop, newContext, phone } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { signInAs } from './support/session.js';
import { axeViolations } from './support/axe.js';

/** Width of a loaded image (0 while it failed or is not there). */
const loadedWidth = (page: Page, selector: string) => page.locator(selector).evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0));

describe('the service’s name and logo', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('are set on the settings page and shown in the console and, when not disguised, to visitors', async () => {
    const admin = await server.createStaff('admin', { displayName: 'Beheer' });
    const context = await newContext(browser, { ...desktop, bypassCSP: true });
    const page = await context.newPage();
    await signInAs(page, server, admin);
    await page.getByRole('button', { name: 'Instellingen' }).click();
    await page.getByLabel('Naam van de dienst (leeg = “Baken”)').fill('Fier Chat');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('De instellingen zijn opgeslagen.').waitFor();
    await page.locator('.c-header .c-brand').getByText('Fier Chat console').waitFor();

    // A file that is not a PNG, JPEG or WebP is refused, whatever its name says.
    await page.getByLabel('Nieuw logo kiezen').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
    await page.getByText('Dit is geen PNG-, JPEG- of WebP-afbeelding.').waitFor();
    await page.getByLabel('Nieuw logo kiezen').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: tinyPng(64, 32) });
    await page.getByText('Het logo is opgeslagen.').waitFor();
    await expect.poll(() => loadedWidth(page, '.c-header img.c-brand-logo')).toBe(64);
    expect(await page.title()).toBe('Fier Chat console');
    expect(await axeViolations(page)).toEqual([]);

    // The visitor page is not disguised: her header shows them too, from our own origin.
    const visitorContext = await newContext(browser, phone);
    const visitor = await visitorContext.newPage();
    const problems: string[] = [];
    visitor.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await visitor.goto(`${server.url}/`);
    await visitor.locator('.v-brand').getByText('Fier Chat').waitFor();
    await expect.poll(() => loadedWidth(visitor, 'img.v-brand-logo')).toBe(64);
    expect(await visitor.title()).toMatch(/^Fier Chat/);
    expect(problems).toEqual([]);

    // Disguised (a neutral tab icon): nothing about the service, not even a request for the logo.
    await server.app.ctx.repos.settings.update({ disguiseIcon: 'weather' }, null, Date.now());
    const disguised = await visitorContext.newPage();
    const requests: string[] = [];
    disguised.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await disguised.goto(`${server.url}/`);
    await disguised.getByRole('button', { name: 'Start de chat' }).waitFor();
    await disguised.waitForLoadState('networkidle');
    expect(await disguised.locator('.v-brand').textContent()).toBe('Baken');
    expect(await disguised.locator('img.v-brand-logo').count()).toBe(0);
    expect(requests.filter((p) => p.startsWith('/api/branding'))).toEqual([]);
    expect(await disguised.title()).not.toContain('Fier');
    await visitorContext.close();
    await context.close();
  });
});
