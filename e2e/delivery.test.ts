// Delivery as people see it, on both sides: pending while offline, sent after the reconnect
// without gaps or doubles, and a refused message marked "not sent" until retried by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, newContext, phone } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { acceptFromQueue, signIn, startVisitorChat, transcript } from './support/flows.js';

/** Records the page's WebSockets, so a test can cut the line (offline emulation alone keeps them open). */
async function recordSockets(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.WebSocket;
    const open: WebSocket[] = [];
    Object.assign(window, { openSockets: open });
    window.WebSocket = class extends Native {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        open.push(this);
      }
    };
  });
}

/** The network goes away and the live connection with it. */
async function cutLine(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await page.evaluate(() => (window as unknown as { openSockets: WebSocket[] }).openSockets.forEach((ws) => ws.close()));
}

describe('message delivery in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('keeps messages pending offline, catches up on reconnect, and retries refused ones by hand', async () => {
    const inge = await server.createStaff('counsellor', { displayName: 'Inge' });
    const vc = await newContext(browser, phone);
    const cc = await newContext(browser, desktop);
    await recordSockets(vc);
    await recordSockets(cc);
    const visitor = await vc.newPage();
    const counsellor = await cc.newPage();
    await signIn(counsellor, server.url, inge.username, inge.password);
    await startVisitorChat(visitor, server.url, 'Roos');
    await acceptFromQueue(counsellor, 'Roos');
    await visitor.getByRole('heading', { name: 'Je chat met Inge' }).waitFor();

    // Offline: her message shows as sending; the counsellor writes meanwhile.
    await cutLine(vc, visitor);
    await visitor.getByText('Geen verbinding. We proberen het opnieuw…').waitFor();
    const box = visitor.getByLabel('Jouw bericht');
    await box.fill('offline een');
    await box.press('Enter');
    await visitor.locator('.v-msg-pending', { hasText: 'offline een' }).waitFor();
    expect(await visitor.locator('.v-msg-pending .v-msg-meta').first().textContent()).toContain('verstuurd…');
    const cbox = counsellor.getByLabel('Bericht aan Roos');
    await cbox.fill('terwijl jij weg was');
    await cbox.press('Enter');
    await counsellor.locator('.c-msg-counsellor', { hasText: 'terwijl jij weg was' }).waitFor();
    await vc.setOffline(false);
    await counsellor.locator('.c-msg-visitor', { hasText: 'offline een' }).waitFor({ timeout: 20000 });
    await visitor.locator('.v-msg-counsellor', { hasText: 'terwijl jij weg was' }).waitFor();
    await expect.poll(() => visitor.locator('.v-msg-pending').count()).toBe(0);
    expect(await transcript(visitor, '.v-messages')).toEqual(['terwijl jij weg was', 'offline een']);

    // Counsellor offline too.
    await cutLine(cc, counsellor);
    await counsellor.getByText('Geen verbinding met de server. We proberen het opnieuw…').waitFor();
    await cbox.fill('console offline');
    await cbox.press('Enter');
    await counsellor.locator('.c-msg-pending', { hasText: 'console offline' }).waitFor();
    await cc.setOffline(false);
    await visitor.locator('.v-msg-counsellor', { hasText: 'console offline' }).waitFor({ timeout: 20000 });
    await expect.poll(() => counsellor.locator('.c-msg-pending').count()).toBe(0);

    // A flood: the rate limit refuses some; they show as not sent, with a retry button.
    for (let i = 0; i < 34; i++) {
      await box.fill(`flood ${i}`);
      await box.press('Enter');
    }
    await visitor.locator('.v-msg-failed').first().waitFor();
    // Every message of the flood has its answer (stored or refused) before the refused are counted.
    await expect.poll(() => visitor.locator('.v-msg-pending').count(), { timeout: 15_000 }).toBe(0);
    const failedCount = await visitor.locator('.v-msg-failed').count();
    expect(await visitor.locator('.v-msg-failed .v-msg-meta').first().textContent()).toContain('Niet verstuurd');
    // Refused ones are not resent by a reconnect, only by her.
    await cutLine(vc, visitor);
    await visitor.getByText('Geen verbinding. We proberen het opnieuw…').waitFor();
    await vc.setOffline(false);
    await expect.poll(() => visitor.getByText('Geen verbinding. We proberen het opnieuw…').count(), { timeout: 15_000 }).toBe(0);
    await visitor.waitForTimeout(3000); // the resume's answer, and the rate limit's refill
    expect(await visitor.locator('.v-msg-failed').count()).toBe(failedCount);
    while ((await visitor.locator('.v-msg-failed').count()) > 0) {
      await visitor.locator('.v-msg-failed').first().getByRole('button', { name: 'Opnieuw' }).click();
      await visitor.waitForTimeout(400);
    }
    await expect.poll(() => visitor.locator('[data-pending]').count()).toBe(0);
    const v = await transcript(visitor, '.v-messages');
    await expect.poll(async () => (await transcript(counsellor, '.c-messages')).length).toBe(v.length);
    const c = await transcript(counsellor, '.c-messages');
    expect(c).toEqual(v);
    expect(new Set(v).size).toBe(v.length);

    // The same in the console. Staff may send faster (a burst of 60), so she keeps typing until
    // the limit refuses one, however fast this machine is today.
    const retryButtons = counsellor.getByRole('button', { name: 'Opnieuw' });
    for (let i = 0; i < 200 && (await retryButtons.count()) === 0; i++) {
      await cbox.fill(`cflood ${i}`);
      await cbox.press('Enter');
    }
    await retryButtons.first().waitFor();
    expect(await counsellor.locator('.c-msg-pending .c-msg-who').first().textContent()).toContain('niet verstuurd');
    await counsellor.waitForTimeout(3000); // the rate limit's refill
    while ((await counsellor.getByRole('button', { name: 'Opnieuw' }).count()) > 0) {
      await counsellor.getByRole('button', { name: 'Opnieuw' }).first().click();
      await counsellor.waitForTimeout(400);
    }
    await expect.poll(() => counsellor.locator('[data-pending]').count()).toBe(0);
    const c2 = await transcript(counsellor, '.c-messages');
    await expect.poll(async () => (await transcript(visitor, '.v-messages')).length).toBe(c2.length);
    expect(await transcript(visitor, '.v-messages')).toEqual(c2);
    await vc.close();
    await cc.close();
  }, 120_000);
});
