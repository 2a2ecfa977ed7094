// Web addresses in chat text: plain text unless an administrator allows links; then only
// http(s) addresses become links, on the visitor page and in the console alike, opening apart
// from the chat and telling the other site nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, launchBrowser, newContext, phone } from './support/browser.js';
import { startE2EServer, startNeutralSite } from './support/server.js';
import { acceptFromQueue, sendFrom, signIn, startVisitorChat } from './support/flows.js';
import { axeViolations } from './support/axe.js';

describe('links in chat messages', () => {
  let browser: Browser;
  let server: TestServer;
  let neutral: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    [browser, server, neutral] = await Promise.all([launchBrowser(), startE2EServer(), startNeutralSite()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await neutral?.close();
  });

  const anchors = (page: Page, messages: string) =>
    page.locator(`${messages} .plain-text a`).evaluateAll((els) =>
      els.map((a) => ({ text: a.textContent, href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel'), referrerpolicy: a.getAttribute('referrerpolicy') })),
    );

  it('are plain text by default and links once an administrator allows them, on both sides', async () => {
    const counsellorAccount = await server.createStaff('counsellor', { displayName: 'Inge' });
    const adminAccount = await server.createStaff('admin', { displayName: 'Beheer' });
    // bypassCSP only so axe can be injected; the page itself runs as it always does.
    const visitorContext = await newContext(browser, { ...phone, bypassCSP: true });
    const staffContext = await newContext(browser, desktop);
    const adminContext = await newContext(browser, desktop);
    const visitor = await visitorContext.newPage();
    const counsellor = await staffContext.newPage();
    const admin = await adminContext.newPage();
    await signIn(counsellor, server.url, counsellorAccount.username, counsellorAccount.password);
    await startVisitorChat(visitor, server.url, 'Noor');
    await acceptFromQueue(counsellor, 'Noor');
    await visitor.getByRole('heading', { name: 'Je chat met Inge' }).waitFor();

    const fromHer = `Kijk op ${neutral.url}. En javascript:alert(1) of data:text/html,hoi`;
    const fromInge = `Info staat op ${neutral.url}?taal=nl (en bel gerust)`;
    await sendFrom(visitor, 'Jouw bericht', fromHer);
    await counsellor.locator('.c-msg-visitor', { hasText: 'Kijk op' }).waitFor();
    await sendFrom(counsellor, 'Bericht aan Noor', fromInge);
    await visitor.locator('.v-msg-counsellor', { hasText: 'Info staat op' }).waitFor();

    // Off (the default): the addresses are shown, but nothing is a link anywhere.
    expect(await visitor.locator('.v-messages a').count()).toBe(0);
    expect(await counsellor.locator('.c-messages a').count()).toBe(0);
    expect(await visitor.locator('.v-messages .plain-text').allTextContents()).toEqual([fromHer, fromInge]);

    // The administrator allows links in the console's settings.
    await signIn(admin, server.url, adminAccount.username, adminAccount.password);
    await admin.getByRole('button', { name: 'Instellingen' }).click();
    await admin.getByLabel('Webadressen in chatberichten klikbaar maken').check();
    await admin.getByRole('button', { name: 'Opslaan' }).click();
    await admin.getByText('De instellingen zijn opgeslagen.').waitFor();

    // Pages pick the setting up when they load.
    await visitor.reload();
    await counsellor.reload();
    await visitor.locator('.v-messages a').first().waitFor();
    await counsellor.locator('.c-messages a').first().waitFor();
    const expected = [
      { text: neutral.url, href: neutral.url, target: '_blank', rel: 'noopener noreferrer nofollow', referrerpolicy: 'no-referrer' },
      { text: `${neutral.url}?taal=nl`, href: `${neutral.url}?taal=nl`, target: '_blank', rel: 'noopener noreferrer nofollow', referrerpolicy: 'no-referrer' },
    ];
    expect(await anchors(visitor, '.v-messages')).toEqual(expected);
    expect(await anchors(counsellor, '.c-messages')).toEqual(expected);
    // The text itself is unchanged: the full stop, javascript: and data: stay plain text.
    expect(await visitor.locator('.v-messages .plain-text').allTextContents()).toEqual([fromHer, fromInge]);
    expect(await axeViolations(visitor)).toEqual([]);

    // Opening a link leaves the chat where it is, and the other site does not learn where she came from.
    const [opened] = await Promise.all([visitorContext.waitForEvent('page'), visitor.locator('.v-messages a').first().click()]);
    await opened.waitForURL(neutral.url);
    expect(await opened.evaluate(() => document.referrer)).toBe('');
    expect(await opened.evaluate(() => window.opener)).toBeNull();
    expect(visitor.url()).toBe(`${server.url}/`);
    await visitor.getByRole('heading', { name: 'Je chat met Inge' }).waitFor();

    await Promise.all([visitorContext.close(), staffContext.close(), adminContext.close()]);
  });
});
