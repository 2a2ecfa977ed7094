// Quick exit and a normal end leave nothing of Baken in the browser, and Back does not return.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, launchBrowser, newContext, phone } from './support/browser.js';
import { startE2EServer, startNeutralSite } from './support/server.js';
import { acceptFromQueue, sendFrom, signIn, startVisitorChat, chooseVisitorLanguage } from './support/flows.js';
import { nothing, tracesOnOrigin } from './support/traces.js';

describe('quick exit', () => {
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
    context = await newContext(browser, phone);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  async function openChat(): Promise<string> {
    await startVisitorChat(page, server.url, 'Mila');
    await sendFrom(page, 'Jouw bericht', 'help');
    await page.locator('.v-msg-own .v-msg-meta', { hasText: 'Verstuurd' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
    const queue = await server.app.ctx.app.queue.views.queue();
    expect(queue).toHaveLength(1);
    return queue[0]!.conversation.id;
  }

  for (const how of ['Escape key', 'button'] as const) {
    it(`with the ${how}: ends the chat as quick_exit, wipes the tab and leaves for good`, async () => {
      // She came from somewhere else; Back after the exit must not bring Baken back.
      await page.goto(neutral.url);
      const conversationId = await openChat();
      const entries = await page.evaluate(() => history.length);

      if (how === 'Escape key') await page.keyboard.press('Escape');
      else await page.getByRole('button', { name: /Snel weg/ }).click();
      await page.waitForURL(neutral.url, { timeout: 5000 });

      await expect.poll(async () => (await server.app.ctx.repos.conversations.findById(conversationId))!.status).toBe('ended');
      expect((await server.app.ctx.repos.conversations.findById(conversationId))!.endReason).toBe('quick_exit');

      expect(await tracesOnOrigin(context, server.url)).toEqual(nothing);

      // The page's own history.back() would race its navigation against the evaluate's answer.
      await page.goBack({ waitUntil: 'commit' }).catch(() => null);
      await page.waitForTimeout(500);
      expect(page.url().startsWith(server.url)).toBe(false);
      // location.replace: the Baken entry was replaced, not added to.
      expect(await page.evaluate(() => history.length)).toBe(entries);
    });
  }

  /** Fingers landing on the screen together, as the phone's touch screen reports them. */
  async function tapWith(fingers: number): Promise<void> {
    const cdp = await context.newCDPSession(page);
    // Spread over the quiet middle of the chat, away from buttons and the message box.
    const touchPoints = Array.from({ length: fingers }, (_, i) => ({ x: 90 + i * 60, y: 330, id: i }));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach().catch(() => undefined); // the page may already be gone
  }

  it('with a three-finger tap on a touch screen: the same exit as the button', async () => {
    await page.goto(neutral.url);
    const conversationId = await openChat();
    const entries = await page.evaluate(() => history.length);

    await tapWith(3);
    await page.waitForURL(neutral.url, { timeout: 5000 });

    await expect.poll(async () => (await server.app.ctx.repos.conversations.findById(conversationId))!.status).toBe('ended');
    expect((await server.app.ctx.repos.conversations.findById(conversationId))!.endReason).toBe('quick_exit');
    expect(await tracesOnOrigin(context, server.url)).toEqual(nothing);
    expect(await page.evaluate(() => history.length)).toBe(entries);
  });

  it('does not leave on a tap with one or two fingers', async () => {
    const conversationId = await openChat();
    await tapWith(1);
    await tapWith(2);
    await page.waitForTimeout(800);
    expect(page.url().startsWith(server.url)).toBe(true);
    await page.getByRole('heading', { name: 'Je bent in de wachtrij' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
    expect((await server.app.ctx.repos.conversations.findById(conversationId))!.status).not.toBe('ended');
  });

  it('tells touch-screen visitors about the three-finger tap, and only them', async () => {
    await page.goto(`${server.url}/`);
    await page.getByText('Snel weg kan ook zo: tik met drie vingers tegelijk op het scherm.').waitFor({ state: 'visible' });
    await chooseVisitorLanguage(page, 'English');
    await page.getByText('Another quick way out: tap the screen with three fingers at once.').waitFor({ state: 'visible' });
    const desk = await newContext(browser, desktop);
    const deskPage = await desk.newPage();
    await deskPage.goto(`${server.url}/`);
    await deskPage.getByRole('button', { name: 'Start de chat' }).waitFor();
    expect(await deskPage.getByText('Snel weg kan ook zo', { exact: false }).isVisible()).toBe(false);
    // The privacy page explains it in words for everyone.
    await deskPage.getByRole('link', { name: 'Wat gebeurt er met wat ik vertel?' }).click();
    await deskPage.getByText('tik met drie vingers tegelijk op het scherm', { exact: false }).waitFor();
    await desk.close();
  });

  it('works before any chat was started, and on the privacy page', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Wat gebeurt er met wat ik vertel?' }).click();
    await page.getByRole('heading', { name: /Privacy/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/privacy');
    const start = Date.now();
    await page.keyboard.press('Escape');
    await page.waitForURL(neutral.url, { timeout: 5000 });
    expect(Date.now() - start).toBeLessThan(2000);
    expect(await tracesOnOrigin(context, server.url)).toEqual(nothing);
  });

  it('keeps the button on screen and uncovered while the chat scrolls', async () => {
    await openChat();
    for (let i = 0; i < 12; i++) await sendFrom(page, 'Jouw bericht', `regel ${i}\n`.repeat(3));
    await page.locator('.v-messages').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.mouse.wheel(0, 2000);
    const button = page.getByRole('button', { name: /Snel weg/ });
    const box = (await button.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(48);
    expect(box.height).toBeGreaterThanOrEqual(48);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    // What is on top at the button's centre is the button itself.
    const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.v-quick-exit') !== null, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(onTop).toBe(true);
  });

  it('a normal end also leaves nothing in the browser', async () => {
    const counsellor = await server.createStaff('counsellor', { displayName: 'Inge' });
    const staffContext = await newContext(browser);
    const staffPage = await staffContext.newPage();
    await signIn(staffPage, server.url, counsellor.username, counsellor.password);
    await openChat();
    const entries = await page.evaluate(() => history.length);
    await acceptFromQueue(staffPage, 'Mila');
    await page.getByRole('button', { name: 'Chat stoppen' }).click();
    await page.getByRole('button', { name: 'Ja, stoppen' }).click();
    await page.getByRole('heading', { name: 'De chat is gestopt' }).waitFor();
    expect(await tracesOnOrigin(context, server.url)).toEqual(nothing);
    // The app added no history entries: only the one page she opened.
    expect(await page.evaluate(() => history.length)).toBe(entries);
    expect(entries).toBe(2); // about:blank (where the test tab starts) and Baken
    await staffContext.close();
  });
});
