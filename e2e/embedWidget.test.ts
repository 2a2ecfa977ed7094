// The partner widget (/embed.js): a partner site shows a "Chat anoniem" button that opens the
// visitor page in a frame; quick exit in the frame, or Escape on the partner page, leaves the
// whole partner page for the neutral site. Sites that are not partners cannot frame Baken, and
// nobody can frame the console.
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, launchBrowser, newContext, phone } from './support/browser.js';
import { startE2EServer, startNeutralSite } from './support/server.js';
import { startOtherSite, type OtherSite } from './support/otherSite.js';
import { axeViolations } from './support/axe.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe('the partner widget', () => {
  let browser: Browser;
  let neutral: { url: string; close(): Promise<void> };
  let partner: OtherSite;
  let stranger: OtherSite;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let bakenUrl = '';

  // A partner page with a strict CSP of its own: the widget needs no inline script or style, only
  // connect-src for Baken (the live status it shows on its button).
  const partnerPolicy = () => ({
    'content-security-policy': `default-src 'self'; script-src ${bakenUrl}; frame-src ${bakenUrl}; connect-src ${bakenUrl}; style-src 'self'; img-src 'self'`,
  });
  const partnerPage = (lang: string, scriptAttributes = '') => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Jeugdhulp in de buurt</title></head>
<body><main><h1>Jeugdhulp in de buurt</h1><p>Informatie voor jongeren.</p><p><a href="/">Home</a></p></main>
<script src="${bakenUrl}/embed.js" defer ${scriptAttributes}></script></body></html>`;
  const framing = (src: string) => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Frame</title></head>
<body><main><h1>Frame</h1><iframe title="ingesloten" src="${src}" width="360" height="600"></iframe></main></body></html>`;

  beforeAll(async () => {
    browser = await launchBrowser();
    neutral = await startNeutralSite();
    partner = await startOtherSite({
      '/': { body: () => partnerPage('nl'), headers: partnerPolicy },
      '/en': { body: () => partnerPage('nl', 'data-lang="en"'), headers: partnerPolicy },
      '/ar': { body: () => partnerPage('ar-MA'), headers: partnerPolicy },
      '/plain-frame': { body: () => framing(`${bakenUrl}/`) },
      '/console-frame': { body: () => framing(`${bakenUrl}/console`) },
    });
    stranger = await startOtherSite({ '/': { body: () => framing(`${bakenUrl}/`) } });
  });
  afterAll(async () => {
    await browser?.close();
    await neutral?.close();
    await partner?.close();
    await stranger?.close();
  });
  beforeEach(async () => {
    server = await startE2EServer({ QUICK_EXIT_URL: neutral.url, PARTNER_ORIGINS: partner.origin });
    bakenUrl = server.url;
    context = await newContext(browser, { ...phone, bypassCSP: false });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  const chatFrame = (): FrameLocator => page.frameLocator('iframe[title="Anonieme chat met een hulpverlener"]');

  /** On the partner page: open the widget and start a chat in it; returns the conversation id. */
  async function openWidgetChat(): Promise<string> {
    await page.getByRole('button', { name: 'Chat anoniem' }).click();
    const frame = chatFrame();
    await frame.getByLabel('Hoe mogen we je noemen?').fill('Mila');
    await frame.getByRole('button', { name: 'Start de chat' }).click();
    await frame.getByRole('button', { name: 'Vragen overslaan' }).click();
    await frame.getByRole('heading', { name: 'Je bent in de wachtrij' }).waitFor();
    const queue = await server.app.ctx.app.queue.views.queue();
    expect(queue).toHaveLength(1);
    return queue[0]!.conversation.id;
  }

  /**
   * The request that takes the top page to the neutral site. Sec-Fetch-Site tells who sent it:
   * the partner page (the widget script; same site as the neutral stand-in, both on 127.0.0.1)
   * or Baken's frame (localhost, another site). It must carry no referrer either way.
   */
  function neutralVisit(): Promise<{ site: string | undefined; referer: string | undefined }> {
    return new Promise((resolve) => {
      page.on('request', async (request) => {
        if (request.url() !== neutral.url || request.frame() !== page.mainFrame()) return;
        const headers = await request.allHeaders();
        resolve({ site: headers['sec-fetch-site'], referer: headers.referer });
      });
    });
  }

  async function expectQuickExitRecorded(conversationId: string): Promise<void> {
    await expect.poll(async () => (await server.app.ctx.repos.conversations.findById(conversationId))!.status).toBe('ended');
    expect((await server.app.ctx.repos.conversations.findById(conversationId))!.endReason).toBe('quick_exit');
  }

  /** Nothing of the widget stays on the partner origin: no cookies, no storage. */
  async function expectNoTraceOnPartner(): Promise<void> {
    expect(await context.cookies()).toEqual([]);
    const check = await context.newPage();
    await check.goto(`${partner.origin}/nothing-here`);
    expect(await check.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookies: document.cookie }))).toEqual({ local: 0, session: 0, cookies: '' });
    await check.close();
  }

  it('opens the visitor start screen in a frame, and quick exit in it leaves the whole partner page', async () => {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(neutral.url); // she came from somewhere else
    await page.goto(`${partner.origin}/`);
    const entries = await page.evaluate(() => history.length);
    const conversationId = await openWidgetChat();
    // Watch what the partner page is told (the message and who sent it).
    const told: string[] = [];
    page.on('console', (m) => {
      if (m.text().startsWith('partner heard ')) told.push(m.text());
    });
    await page.evaluate(() => addEventListener('message', (e) => console.log(`partner heard ${e.origin} ${JSON.stringify(e.data)}`)));
    const visit = neutralVisit();

    await chatFrame().getByRole('button', { name: /Snel weg/ }).click();
    await page.waitForURL(neutral.url, { timeout: 5000 });
    // The widget script on the partner page left, and the neutral site cannot tell from where.
    expect(await visit).toEqual({ site: 'same-site', referer: undefined });
    await expectQuickExitRecorded(conversationId);
    expect(told).toEqual([`partner heard ${server.url} ${JSON.stringify({ type: 'baken:quick-exit', url: neutral.url })}`]);
    // The partner page was replaced, not left: Back does not bring the chat back.
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await page.goBack();
    await page.waitForTimeout(300);
    expect(page.url()).toBe(neutral.url);
    expect(page.frames()).toHaveLength(1);
    await expectNoTraceOnPartner();
    // The widget ran under the partner's strict CSP without a violation.
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
  });

  it('Escape on the partner page, with the widget open, does the same quick exit', async () => {
    await page.setViewportSize(desktop.viewport!); // a keyboard, and partner page beside the chat
    await page.goto(`${partner.origin}/`);
    const conversationId = await openWidgetChat();
    await page.getByRole('heading', { name: 'Jeugdhulp in de buurt' }).click(); // focus back on the partner page
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('IFRAME');
    await page.keyboard.press('Escape');
    await page.waitForURL(neutral.url, { timeout: 5000 });
    await expectQuickExitRecorded(conversationId);
    await expectNoTraceOnPartner();
  });

  it('Escape right after opening, before she touched the frame, leaves the whole page', async () => {
    // The frame has had no click or key press of its own: the message path, start to end.
    await page.setViewportSize(desktop.viewport!);
    await page.goto(`${partner.origin}/`);
    await page.getByRole('button', { name: 'Chat anoniem' }).click();
    await chatFrame().getByRole('button', { name: 'Start de chat' }).waitFor();
    await page.getByRole('heading', { name: 'Jeugdhulp in de buurt' }).click(); // the widget had focused the frame
    const visit = neutralVisit();
    await page.keyboard.press('Escape');
    await page.waitForURL(neutral.url, { timeout: 5000 });
    expect(await visit).toEqual({ site: 'same-site', referer: undefined });
  });

  it('Escape with focus inside the frame leaves the whole page too', async () => {
    await page.goto(`${partner.origin}/`);
    const conversationId = await openWidgetChat();
    await chatFrame().getByLabel('Jouw bericht').click();
    await page.keyboard.press('Escape');
    await page.waitForURL(neutral.url, { timeout: 5000 });
    await expectQuickExitRecorded(conversationId);
  });

  it('closing hides the chat and gives focus back to the button; opening again shows the same chat', async () => {
    await page.goto(`${partner.origin}/`);
    await openWidgetChat();
    await page.getByRole('button', { name: 'Sluiten' }).click();
    await expect.poll(() => page.locator('iframe').isVisible()).toBe(false);
    const launcher = page.getByRole('button', { name: 'Chat anoniem' });
    expect(await launcher.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await launcher.click();
    await chatFrame().getByRole('heading', { name: 'Je bent in de wachtrij' }).waitFor();
  });

  it('speaks English when the partner asks for it', async () => {
    await page.goto(`${partner.origin}/en`);
    await page.getByRole('button', { name: 'Chat anonymously' }).click();
    await page.frameLocator('iframe[title="Anonymous chat with a counsellor"]').getByRole('button', { name: 'Start the chat' }).waitFor();
  });

  it('speaks Arabic on an Arabic partner page, right to left: the button bottom left, the page in the frame mirrored', async () => {
    await page.goto(`${partner.origin}/ar`);
    const launcher = page.getByRole('button', { name: 'دردشة مجهولة الهوية' });
    const box = (await launcher.boundingBox())!;
    expect(box.x).toBeCloseTo(16, 0);
    await launcher.click();
    const frame = page.frameLocator('iframe[title="دردشة مجهولة الهوية مع مرشد"]');
    await frame.getByRole('button', { name: 'ابدأ الدردشة' }).waitFor();
    expect(await frame.locator('html').getAttribute('dir')).toBe('rtl');
  });

  it('passes axe on the partner page with the widget open (the frame included)', async () => {
    const axeContext = await newContext(browser, { ...desktop, bypassCSP: true });
    const axePage = await axeContext.newPage();
    await axePage.goto(`${partner.origin}/`);
    await axePage.getByRole('button', { name: 'Chat anoniem' }).click();
    await axePage.frameLocator('iframe').getByRole('button', { name: 'Start de chat' }).waitFor();
    const frame = axePage.frames().find((f) => f.url().startsWith(server.url))!;
    await frame.addScriptTag({ path: axePath });
    expect(await axeViolations(axePage)).toEqual([]);
    await axeContext.close();
  });

  it('without the widget script, a partner frame still leaves the whole page at quick exit', async () => {
    await page.goto(`${partner.origin}/plain-frame`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('button', { name: 'Start de chat' }).waitFor();
    const visit = neutralVisit();
    await frame.getByRole('button', { name: /Snel weg/ }).click();
    await page.waitForURL(neutral.url, { timeout: 5000 });
    // Baken's frame moved the top page itself.
    expect(await visit).toEqual({ site: 'cross-site', referer: undefined });
  });

  async function expectRefused(url: string): Promise<void> {
    const refusals: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors/.test(m.text())) refusals.push(m.text());
    });
    await page.goto(url);
    await page.waitForTimeout(500);
    const frame: Frame | undefined = page.frames()[1];
    expect(frame).toBeDefined();
    // The frame is an error page, not Baken: nothing of the visitor page or console ran in it.
    expect(frame!.url().startsWith(server.url)).toBe(false);
    expect(await frame!.locator('#root').count()).toBe(0);
    expect(refusals.length).toBeGreaterThan(0);
  }

  it('a site that is not a partner cannot frame the visitor page', async () => {
    await expectRefused(`${stranger.origin}/`);
  });

  it('nobody can frame the console, not even a partner', async () => {
    await expectRefused(`${partner.origin}/console-frame`);
  });
});
