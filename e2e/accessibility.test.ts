// axe-core finds no violations on the visitor page (start, waiting, chat, privacy) and the
// console (sign-in, chat open, staff page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, launchBrowser, newContext, phone } from './support/browser.js';
import { startE2EServer } from './support/server.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { axeViolations } from './support/axe.js';
import { acceptFromQueue, sendFrom, signIn, startVisitorChat, chooseVisitorLanguage } from './support/flows.js';

describe('accessibility (axe-core)', () => {
  let browser: Browser;
  let server: TestServer;
  let visitorContext: BrowserContext;
  let counsellorContext: BrowserContext;
  let visitor: Page;
  let counsellor: Page;
  let credentials: { username: string; password: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2EServer();
    credentials = await server.createStaff('counsellor', { displayName: 'Inge' });
    visitorContext = await newContext(browser, { ...phone, bypassCSP: true });
    counsellorContext = await newContext(browser, { ...desktop, bypassCSP: true });
    visitor = await visitorContext.newPage();
    counsellor = await counsellorContext.newPage();
  });
  afterAll(async () => {
    await visitorContext?.close();
    await counsellorContext?.close();
    await browser?.close();
    await server?.close();
  });

  it('visitor start page', async () => {
    await visitor.goto(`${server.url}/`);
    await visitor.getByRole('button', { name: 'Start de chat' }).waitFor();
    expect(await axeViolations(visitor)).toEqual([]);
  });

  it('visitor start page in English', async () => {
    await visitor.goto(`${server.url}/`);
    await chooseVisitorLanguage(visitor, 'English');
    await visitor.getByRole('button', { name: 'Start the chat' }).waitFor();
    expect(await visitor.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await axeViolations(visitor)).toEqual([]);
    await chooseVisitorLanguage(visitor, 'Nederlands');
  });

  it('visitor privacy page', async () => {
    await visitor.goto(`${server.url}/privacy`);
    await visitor.getByRole('heading', { name: /Privacy/ }).waitFor();
    expect(await axeViolations(visitor)).toEqual([]);
  });

  it('console sign-in page', async () => {
    await counsellor.goto(`${server.url}/console`);
    await counsellor.getByRole('button', { name: 'Inloggen' }).waitFor();
    expect(await axeViolations(counsellor)).toEqual([]);
  });

  it('visitor waiting, then visitor chat and console with the chat open', async () => {
    await signIn(counsellor, server.url, credentials.username, credentials.password);
    await startVisitorChat(visitor, server.url, 'Roos');
    expect(await axeViolations(visitor)).toEqual([]);
    await counsellor.getByRole('button', { name: 'Chat met Roos aannemen' }).waitFor();
    expect(await axeViolations(counsellor)).toEqual([]);

    await acceptFromQueue(counsellor, 'Roos');
    await sendFrom(visitor, 'Jouw bericht', 'hoi');
    await sendFrom(counsellor, 'Bericht aan Roos', 'Hoi Roos, fijn dat je er bent.');
    await visitor.locator('.v-msg-counsellor').waitFor();
    await counsellor.locator('.c-msg-visitor').waitFor();
    expect(await axeViolations(visitor)).toEqual([]);
    expect(await axeViolations(counsellor)).toEqual([]);
  });
});

describe('accessibility of the admin staff page', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('staff page', async () => {
    const admin = await server.createStaff('admin', { displayName: 'Beheer' });
    await server.createStaff('counsellor', { displayName: 'Inge' });
    const context = await newContext(browser, { ...desktop, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, server.url, admin.username, admin.password);
    await page.getByRole('heading', { name: 'Medewerkers', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Inge', exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
