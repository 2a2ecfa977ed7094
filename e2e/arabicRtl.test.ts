// Arabic reads right to left: the whole visitor page is mirrored (dir=rtl on <html>), the
// quick-exit button sits top left, the send button left of the message box, her own messages on
// the left; at 360×740 nothing spills out, and axe finds nothing. The counsellor sees the chat's
// language in its own name and code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, newContext, phone } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { horizontalOverflow } from './support/layout.js';
import { axeViolations } from './support/axe.js';
import { signIn } from './support/flows.js';

type Box = { left: number; right: number; top: number; bottom: number };
const box = (page: Page, selector: string): Promise<Box> =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  });

/** Opens the page with this browser language, starts a chat (skipping the questions) and sends one message. */
async function chatIn(page: Page, url: string, start: string, skip: string, composer: string, text: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByRole('button', { name: start }).click();
  await page.getByRole('button', { name: skip }).click();
  const box = page.getByLabel(composer);
  await box.fill(text);
  await box.press('Enter');
  await page.locator('.v-msg-own').first().waitFor();
}

describe('Arabic, right to left', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('mirrors the start page: dir=rtl, quick exit top left, nothing spilling out, axe clean', async () => {
    const rtlContext = await newContext(browser, { ...phone, locale: 'ar-MA', bypassCSP: true });
    const rtl = await rtlContext.newPage();
    await rtl.goto(`${server.url}/`);
    await rtl.getByRole('heading', { level: 1, name: 'تحدّث دون ذكر اسمك مع شخص يستطيع المساعدة' }).waitFor();
    expect(await rtl.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    const ltrContext = await newContext(browser, phone);
    const ltr = await ltrContext.newPage();
    await ltr.goto(`${server.url}/`);
    await ltr.getByRole('button', { name: 'Start de chat' }).waitFor();
    expect(await ltr.evaluate(() => document.documentElement.dir)).toBe('ltr');

    // The quick-exit button: 10 px from the right edge in Dutch, 10 px from the left in Arabic.
    const width = 360;
    const exitLtr = await box(ltr, '.v-quick-exit');
    const exitRtl = await box(rtl, '.v-quick-exit');
    expect(width - exitLtr.right).toBeCloseTo(10, 0);
    expect(exitRtl.left).toBeCloseTo(10, 0);
    expect(exitRtl.top).toBeCloseTo(exitLtr.top, 0);
    // The brand, first in the header, moves to the right; the heading's text starts on the right.
    expect((await box(rtl, '.v-brand')).right).toBeGreaterThan(width / 2);
    expect((await box(ltr, '.v-brand')).left).toBeLessThan(width / 2);
    expect(await rtl.locator('h1').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

    expect(await horizontalOverflow(rtl)).toEqual([]);
    expect(await axeViolations(rtl)).toEqual([]);
    await rtl.goto(`${server.url}/privacy`);
    await rtl.locator('h1').waitFor();
    expect(await horizontalOverflow(rtl)).toEqual([]);
    expect(await axeViolations(rtl)).toEqual([]);
    await ltrContext.close();
    await rtlContext.close();
  });

  it('mirrors the chat: send button left of the message box, her messages on the left; staff see العربية (ar)', async () => {
    const rtlContext = await newContext(browser, { ...phone, locale: 'ar-MA', bypassCSP: true });
    const rtl = await rtlContext.newPage();
    await chatIn(rtl, server.url, 'ابدأ الدردشة', 'تخطَّ الأسئلة', 'رسالتك', 'مرحبا، أحتاج إلى مساعدة');
    const ltrContext = await newContext(browser, phone);
    const ltr = await ltrContext.newPage();
    await chatIn(ltr, server.url, 'Start de chat', 'Vragen overslaan', 'Jouw bericht', 'hoi');

    const [textLtr, sendLtr, ownLtr] = await Promise.all([box(ltr, '.v-composer textarea'), box(ltr, '.v-send'), box(ltr, '.v-msg-own')]);
    const [textRtl, sendRtl, ownRtl] = await Promise.all([box(rtl, '.v-composer textarea'), box(rtl, '.v-send'), box(rtl, '.v-msg-own')]);
    expect(sendLtr.left).toBeGreaterThanOrEqual(textLtr.right);
    expect(sendRtl.right).toBeLessThanOrEqual(textRtl.left);
    // Mirror images of each other, to the pixel or so.
    expect(sendRtl.left).toBeCloseTo(360 - sendLtr.right, 0);
    expect(textRtl.right).toBeCloseTo(360 - textLtr.left, 0);
    // Her own messages keep to the end of the line: the right in Dutch, the left in Arabic.
    expect(360 - ownLtr.right).toBeLessThan(ownLtr.left);
    expect(ownRtl.left).toBeLessThan(360 - ownRtl.right);
    expect(await horizontalOverflow(rtl)).toEqual([]);
    expect(await axeViolations(rtl)).toEqual([]);

    // The counsellor sees the chat's language in its own name, with its code.
    const counsellor = await server.createStaff('counsellor', { displayName: 'Inge' });
    const consoleContext = await newContext(browser, desktop);
    const console_ = await consoleContext.newPage();
    await signIn(console_, server.url, counsellor.username, counsellor.password);
    const tag = console_.locator('.c-queue-item .c-lang-tag[data-language="ar"]');
    await tag.waitFor();
    expect(await tag.innerText()).toBe('العربية (ar)');
    expect(await tag.locator('[lang="ar"]').getAttribute('dir')).toBe('rtl');
    await consoleContext.close();
    await ltrContext.close();
    await rtlContext.close();
  });
});
