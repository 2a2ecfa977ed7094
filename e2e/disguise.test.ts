// An administrator gives the visitor page a neutral tab title and icon in the console; the
// visitor's tab shows them, the icon comes from our own origin, and no page asks for a missing icon.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, newContext, phone } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { signIn, chooseVisitorLanguage } from './support/flows.js';
import { axeViolations } from './support/axe.js';

/**
 * Every request for a page, script, style or icon that fails (a missing favicon would be one).
 * API answers are left out: the signed-out console is told 401 by design.
 */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('response', (res) => {
    if (res.status() >= 400 && !isApi(res.url())) problems.push(`${res.status()} ${res.url()}`);
  });
  page.on('requestfailed', (req) => problems.push(`failed ${req.url()}`));
  return problems;
}

const iconHref = (page: Page) => page.locator('link[rel="icon"]').getAttribute('href');

describe('disguised tab title and icon', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('shows the Baken icon by default on both pages, with no missing icon', async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Start de chat' }).waitFor();
    expect(await iconHref(page)).toBe('/icons/baken.svg');
    await expect.poll(() => page.title()).toBe('Baken – Anonieme chat');
    await page.goto(`${server.url}/console`);
    await page.getByLabel('Gebruikersnaam').waitFor();
    expect(await iconHref(page)).toBe('/icons/baken.svg');
    // Headless Chromium may not fetch icons by itself: ask for both pages' icon as a tab would.
    for (const href of ['/icons/baken.svg', '/favicon.ico']) {
      const icon = await page.request.get(`${server.url}${href}`);
      expect(icon.status(), href).toBe(200);
      expect(icon.headers()['content-type'], href).toMatch(/^image\/svg\+xml/);
    }
    // Let the browser fetch the icons it wants before checking nothing went missing.
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an administrator picks a title and icon with a preview; the visitor tab shows them', async () => {
    const admin = await server.createStaff('admin', { displayName: 'Beheer' });
    const staffContext = await newContext(browser, desktop);
    const console_ = await staffContext.newPage();
    await signIn(console_, server.url, admin.username, admin.password);
    await console_.getByRole('button', { name: 'Instellingen' }).click();
    await console_.getByLabel('Neutrale titel van het tabblad (leeg = “Baken”)').fill('Het weer vandaag');
    const choice = console_.getByRole('group', { name: 'Neutraal icoon van het tabblad' });
    await choice.getByRole('radio', { name: 'Weer' }).check();
    // The preview shows the tab as someone looking over her shoulder would see it.
    const preview = console_.getByTestId('tab-preview');
    expect(await preview.textContent()).toBe('Het weer vandaag');
    expect(await preview.locator('img').getAttribute('src')).toBe('/icons/weather.svg');
    await console_.getByRole('button', { name: 'Opslaan' }).click();
    await console_.getByText('De instellingen zijn opgeslagen.').waitFor();
    await staffContext.close();

    const context = await newContext(browser, phone);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Start de chat' }).waitFor();
    await expect.poll(() => page.title()).toBe('Het weer vandaag');
    expect(await iconHref(page)).toBe('/icons/weather.svg');
    // Switching language keeps the disguise.
    await chooseVisitorLanguage(page, 'English');
    await page.getByRole('button', { name: 'Start the chat' }).waitFor();
    expect(await page.title()).toBe('Het weer vandaag');
    const icon = await page.request.get(new URL((await iconHref(page))!, server.url).href);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the settings screen with the icon choice passes axe', async () => {
    const admin = await server.createStaff('admin', { displayName: 'Beheer twee' });
    const context = await newContext(browser, { ...desktop, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, server.url, admin.username, admin.password);
    await page.getByRole('button', { name: 'Instellingen' }).click();
    await page.getByRole('group', { name: 'Neutraal icoon van het tabblad' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
