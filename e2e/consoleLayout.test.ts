// A long chat on an ordinary laptop screen: the messages scroll inside their own column, so the
// composer, the queue and a new offer stay on screen however long the conversation gets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { sendAs, startVisitorChat, unwrap } from '../src/server/testing/chatScenario.js';
import { newContext } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { signInAs } from './support/session.js';
import { acceptFromQueue } from './support/flows.js';
import { axeViolations } from './support/axe.js';

const screens = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
];

/** Wholly inside the window, without scrolling the page. */
async function onScreen(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, 'element is drawn').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
}

describe('the console with a long chat', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('keeps the composer, the queue and a new offer on screen at 1024×768 and 1366×768', async () => {
    const inge = await server.createStaff('counsellor', { displayName: 'Inge' });
    const context = await newContext(browser, { viewport: screens[0]!, locale: 'nl-NL', bypassCSP: true });
    const page = await context.newPage();
    const roos = await startVisitorChat(server, 'Roos');
    await startVisitorChat(server, 'Sam'); // waits in the queue
    await signInAs(page, server, inge);
    await acceptFromQueue(page, 'Roos');

    // A long conversation: far more than fits on the screen.
    const line = 'Ik weet niet goed hoe ik het moet zeggen, maar het gaat al een tijd niet goed met me en ik durf het aan niemand te vertellen. ';
    for (let i = 1; i <= 28; i++) unwrap(await sendAs(roos.visitor, { clientId: `long-chat-${String(i).padStart(3, '0')}`, body: `${i}. ${line.repeat(2)}` }));
    await page.locator('.plain-text', { hasText: '28. Ik weet niet goed' }).waitFor();

    // An offer arrives while she is in the long chat.
    await server.app.ctx.repos.settings.update({ routingMode: 'automatic' }, null, Date.now());
    await startVisitorChat(server, 'Lina');
    const offer = page.getByRole('region', { name: 'Nieuwe chat voor jou' }).filter({ hasText: 'Lina' });
    await offer.waitFor();

    // Wider, then narrower again: the newest message stays in view as the column changes size.
    for (const screen of [...screens, screens[0]!]) {
      await page.setViewportSize(screen);
      await page.waitForTimeout(100);
      const composer = page.getByLabel('Bericht aan Roos');
      await onScreen(page, composer);
      await onScreen(page, page.getByRole('button', { name: 'Verstuur', exact: true }));
      await onScreen(page, page.getByRole('heading', { name: /^Wachtrij/ }));
      await onScreen(page, offer.getByRole('button', { name: 'Chat met Lina aannemen' }));
      // The page itself does not scroll; the message list does, and shows the newest message.
      const sizes = await page.evaluate(() => {
        const list = document.querySelector('.c-messages')!;
        return { page: document.documentElement.scrollHeight, window: window.innerHeight, list: list.scrollHeight, listBox: list.clientHeight };
      });
      expect(sizes.page, `page height at ${screen.width}×${screen.height}`).toBeLessThanOrEqual(sizes.window);
      expect(sizes.list).toBeGreaterThan(sizes.listBox);
      // The message's own text: a substring match could also hit a bubble whose time ends in 2
      // followed by message 8 ("22:02" + "8. Ik weet…").
      await onScreen(page, page.locator('.c-msg .plain-text', { hasText: /^28\. Ik weet niet goed/ }));
    }
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
