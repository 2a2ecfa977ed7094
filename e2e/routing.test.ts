// Automatic routing in the console: a new chat is offered to the counsellor, who accepts it;
// an offer let go moves on and puts her on a break, which the console tells her kindly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../src/server/testing/testServer.js';
import { launchBrowser, newContext, phone, desktop } from './support/browser.js';
import { ensureBuilt } from './support/server.js';
import { axeViolations } from './support/axe.js';
import { startVisitorChat } from './support/flows.js';
import { signInAs } from './support/session.js';

describe('offers in automatic routing', () => {
  let browser: Browser;
  let server: TestServer;
  // Real time plus a jump the test makes, so the offer timeout passes at once.
  let offset = 0;
  const clock = { now: () => Date.now() + offset };
  beforeAll(async () => {
    ensureBuilt();
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ dialect: 'sqlite', env: { WEB_DIR: 'dist/web' }, routingMode: 'automatic', clock })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('offers a chat with a countdown; she accepts it and sees why it matters', async () => {
    const inge = await server.createStaff('counsellor', { displayName: 'Inge' });
    const visitorContext = await newContext(browser, phone);
    const counsellorContext = await newContext(browser, { ...desktop, bypassCSP: true });
    const counsellor = await counsellorContext.newPage();
    await signInAs(counsellor, server, inge);
    expect(await counsellor.getByLabel('Mijn status').inputValue()).toBe('available');

    const visitor = await visitorContext.newPage();
    await visitor.goto(`${server.url}/`);
    await visitor.getByLabel('Hoe mogen we je noemen?').fill('Lina');
    await visitor.getByRole('button', { name: 'Start de chat' }).click();
    await visitor.getByRole('radio', { name: '16 of 17' }).check();
    await visitor.getByRole('button', { name: 'Naar de chat' }).click();
    await visitor.getByRole('heading', { name: 'Je bent in de wachtrij' }).waitFor();

    const offer = counsellor.getByRole('region', { name: 'Nieuwe chat voor jou' });
    await offer.waitFor();
    await offer.getByText('Lina wacht op je.').waitFor();
    await offer.getByText(/Nog \d+ seconden om aan te nemen/).waitFor();
    await offer.getByText('Antwoordde vooraf: jonger dan 18').waitFor();
    expect(await axeViolations(counsellor)).toEqual([]);
    await counsellor.getByRole('button', { name: 'Chat met Lina aannemen' }).click();
    await counsellor.getByRole('heading', { name: 'Gesprek met Lina' }).waitFor();
    await visitor.getByRole('heading', { name: 'Je chat met Inge' }).waitFor();
    // The chat header: priority in words, the reason, her answers.
    const head = counsellor.locator('.c-chat-head');
    await head.getByText(/Prioriteit: (Hoog|Acuut|Normaal)/).waitFor();
    await head.getByText('Antwoordde vooraf: jonger dan 18').first().waitFor();
    await head.locator('.c-prechat').getByText('16–17').waitFor();
    expect(await axeViolations(counsellor)).toEqual([]);
    await visitorContext.close();
    await counsellorContext.close();
  });

  it('moves an offer she lets go on, and tells her kindly that she is now on a break', async () => {
    const anna = await server.createStaff('counsellor', { displayName: 'Anna', maxChats: 1 });
    const counsellorContext = await newContext(browser, { ...desktop, bypassCSP: true });
    const counsellor = await counsellorContext.newPage();
    await signInAs(counsellor, server, anna);
    // Inge (first test) still holds Lina's chat; a new visitor goes to Anna, the least busy.
    const visitorContext = await newContext(browser, phone);
    const visitor = await visitorContext.newPage();
    await startVisitorChat(visitor, server.url, 'Mo');
    await counsellor.getByRole('button', { name: 'Chat met Mo aannemen' }).waitFor();
    offset += 46_000;
    await server.app.ctx.app.queue.tick();
    await counsellor.getByText('Daarom staat je status nu op pauze', { exact: false }).waitFor();
    expect(await counsellor.getByLabel('Mijn status').inputValue()).toBe('break');
    expect(await counsellor.getByRole('region', { name: 'Nieuwe chat voor jou' }).count()).toBe(0);
    expect(await axeViolations(counsellor)).toEqual([]);
    // Back to work in one click; Mo is offered again (or still in the queue) and she takes him.
    await counsellor.getByRole('button', { name: 'Beschikbaar' }).click();
    await expect.poll(() => counsellor.getByLabel('Mijn status').inputValue()).toBe('available');
    await counsellor.getByRole('button', { name: 'Chat met Mo aannemen' }).first().click();
    await counsellor.getByRole('heading', { name: 'Gesprek met Mo' }).waitFor();
    await visitor.getByRole('heading', { name: 'Je chat met Anna' }).waitFor();
    await visitorContext.close();
    await counsellorContext.close();
  });
});
