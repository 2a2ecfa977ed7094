// Quick exit inside an app's own browser (Instagram, TikTok, Facebook open links in an Android
// WebView): a small screen, touch only, no keyboard to press Escape with. The button must be
// on screen without scrolling wherever she is, and one tap must leave nothing in the WebView's
// storage and no way Back. What the app itself keeps is out of our reach: docs/quick-exit.md.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { request } from '../src/server/testing/testServer.js';
import { signedInCounsellor, unwrap } from '../src/server/testing/chatScenario.js';
import type { Ack } from '../src/protocol/ack.js';
import type { StaffChatSnapshot } from '../src/protocol/staffProtocol.js';
import { launchBrowser, newContext } from './support/browser.js';
import { startE2EServer, startNeutralSite } from './support/server.js';
import { sendFrom, startVisitorChat } from './support/flows.js';
import { nothing, tracesOnOrigin } from './support/traces.js';

/** Chrome's Android WebView ("; wv)" and "Version/4.0") as Instagram's in-app browser reports itself. */
const webViewUserAgent =
  'Mozilla/5.0 (Linux; Android 13; SM-A136B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36 Instagram 330.0.0.40.92 Android';
const viewport = { width: 360, height: 640 };

describe('quick exit in an in-app browser (Android WebView)', () => {
  let browser: Browser;
  let server: TestServer;
  let neutral: { url: string; close(): Promise<void> };
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    neutral = await startNeutralSite();
  });
  afterAll(async () => {
    await browser?.close();
    await neutral?.close();
  });
  beforeEach(async () => {
    server = await startE2EServer({ QUICK_EXIT_URL: neutral.url });
    context = await newContext(browser, { viewport, screen: viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true, userAgent: webViewUserAgent, locale: 'nl-NL' });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  /** On screen as the page opened: not scrolled, inside the viewport, big enough, nothing on top of it. */
  async function reachableWithoutScrolling(screen: string): Promise<void> {
    const button = page.getByRole('button', { name: /Snel weg/ });
    await button.waitFor();
    expect(await page.evaluate(() => window.scrollY), `${screen}: page not scrolled`).toBe(0);
    const box = (await button.boundingBox())!;
    expect(box.y, screen).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, screen).toBeLessThanOrEqual(viewport.height);
    expect(box.x + box.width, screen).toBeLessThanOrEqual(viewport.width);
    expect(Math.min(box.width, box.height), `${screen}: a finger-sized target`).toBeGreaterThanOrEqual(48);
    const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.v-quick-exit') !== null, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(onTop, `${screen}: nothing covers the button`).toBe(true);
  }

  /** One tap (a touch, not a click or a key), then she is on the neutral site for good. */
  async function tapAndCheckGone(entries: number, conversationId?: string): Promise<void> {
    await page.getByRole('button', { name: /Snel weg/ }).tap();
    await page.waitForURL(neutral.url, { timeout: 5000 });
    if (conversationId) {
      await expect.poll(async () => (await server.app.ctx.repos.conversations.findById(conversationId))!.endReason).toBe('quick_exit');
    }
    expect(await tracesOnOrigin(context, server.url)).toEqual(nothing);
    // Replaced, not added to: the WebView's Back (the app's back arrow) does not return to Baken.
    expect(await page.evaluate(() => history.length)).toBe(entries);
    // The page's own history.back() would race its navigation against the evaluate's answer.
    await page.goBack({ waitUntil: 'commit' }).catch(() => null);
    await page.waitForTimeout(500);
    expect(page.url().startsWith(server.url)).toBe(false);
  }

  it('reports itself as a WebView, as the app does', async () => {
    await page.goto(`${server.url}/`);
    const seen = await page.evaluate(() => ({ ua: navigator.userAgent, touch: navigator.maxTouchPoints, width: innerWidth, height: innerHeight }));
    expect(seen.ua).toContain('; wv)');
    expect(seen.touch).toBeGreaterThan(0);
    expect({ width: seen.width, height: seen.height }).toEqual(viewport);
  });

  it('on the start screen: within reach, and one tap leaves nothing', async () => {
    await page.goto(neutral.url); // she came from the app's feed, a link
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Start de chat' }).waitFor();
    await reachableWithoutScrolling('start');
    await tapAndCheckGone(await page.evaluate(() => history.length));
  });

  it('while waiting: within reach, and one tap ends the chat and leaves nothing', async () => {
    await page.goto(neutral.url);
    await startVisitorChat(page, server.url, 'Mila');
    await sendFrom(page, 'Jouw bericht', 'hallo');
    await page.locator('.v-msg-own .v-msg-meta', { hasText: 'Verstuurd' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
    await reachableWithoutScrolling('waiting');
    const [waiting] = await server.app.ctx.app.queue.views.queue();
    await tapAndCheckGone(await page.evaluate(() => history.length), waiting!.conversation.id);
  });

  it('in a chat with a counsellor, after many messages: within reach, and one tap leaves nothing', async () => {
    await page.goto(neutral.url);
    await startVisitorChat(page, server.url, 'Mila');
    const [waiting] = await server.app.ctx.app.queue.views.queue();
    const conversationId = waiting!.conversation.id;
    const counsellor = await signedInCounsellor(server, { displayName: 'Inge' });
    unwrap(await request<Ack<StaffChatSnapshot>>(counsellor.socket, 'conversation:accept', { conversationId }));
    await page.getByRole('heading', { name: 'Je chat met Inge' }).waitFor();
    for (let i = 0; i < 8; i++) await sendFrom(page, 'Jouw bericht', `regel ${i}\n`.repeat(3));
    await reachableWithoutScrolling('chat');
    await tapAndCheckGone(await page.evaluate(() => history.length), conversationId);
    counsellor.socket.disconnect();
  });
});
