// A visitor on a phone and a counsellor at a desk chat through the real pages.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, launchBrowser, newContext, phone } from './support/browser.js';
import { startE2EServer } from './support/server.js';
import { acceptFromQueue, sendFrom, signIn, startVisitorChat, transcript } from './support/flows.js';

describe('visitor and counsellor chat in two browsers', () => {
  let browser: Browser;
  let server: TestServer;
  let visitorContext: BrowserContext;
  let counsellorContext: BrowserContext;
  let visitor: Page;
  let counsellor: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startE2EServer();
    const inge = await server.createStaff('counsellor', { displayName: 'Inge' });
    visitorContext = await newContext(browser, phone);
    counsellorContext = await newContext(browser, desktop);
    visitor = await visitorContext.newPage();
    counsellor = await counsellorContext.newPage();
    await signIn(counsellor, server.url, inge.username, inge.password);
  });
  afterEach(async () => {
    await visitorContext?.close();
    await counsellorContext?.close();
    await server?.close();
  });

  it('completes a whole chat: start, accept, messages both ways, typing shown, end', async () => {
    await startVisitorChat(visitor, server.url, 'Roos');
    await expect.poll(() => visitor.getByText('Ben je nu in gevaar? Bel 112.').isVisible()).toBe(true);

    // She may write while she waits; the counsellor sees the count in the queue.
    await sendFrom(visitor, 'Jouw bericht', 'Hoi, ik wil iets vragen');
    await counsellor.getByText('1 bericht', { exact: false }).waitFor();
    await acceptFromQueue(counsellor, 'Roos');
    await visitor.getByRole('heading', { name: 'Je chat met Inge' }).waitFor();
    expect(await transcript(counsellor, '.c-messages')).toEqual(['Hoi, ik wil iets vragen']);
    // Her message went from "sending" to "sent".
    await visitor.locator('.v-msg-own .v-msg-meta', { hasText: 'Verstuurd' }).waitFor();

    // Typing indicators, both ways.
    await visitor.getByLabel('Jouw bericht').pressSequentially('ik');
    await counsellor.getByText('Roos is aan het typen…').waitFor();
    await counsellor.getByLabel('Bericht aan Roos').pressSequentially('Hoi');
    await visitor.getByText('Inge is aan het typen…').waitFor();
    await counsellor.getByLabel('Bericht aan Roos').press('Enter');
    await visitor.locator('.v-msg-counsellor', { hasText: 'Hoi' }).waitFor();
    await expect.poll(() => visitor.getByText('Inge is aan het typen…').count()).toBe(0);

    // Text stays text: no markup is interpreted, links are not clickable.
    await visitor.getByLabel('Jouw bericht').fill('');
    await sendFrom(visitor, 'Jouw bericht', '<b>niet vet</b> https://example.org <img src=x onerror=alert(1)>');
    const shown = counsellor.locator('.c-msg-visitor', { hasText: 'niet vet' });
    await shown.waitFor();
    expect(await shown.locator('.plain-text').textContent()).toBe('<b>niet vet</b> https://example.org <img src=x onerror=alert(1)>');
    expect(await counsellor.locator('.c-messages b, .c-messages a, .c-messages img').count()).toBe(0);
    expect(await visitor.locator('.v-messages b, .v-messages a, .v-messages img').count()).toBe(0);

    expect(await transcript(visitor, '.v-messages')).toEqual(['Hoi, ik wil iets vragen', 'Hoi', '<b>niet vet</b> https://example.org <img src=x onerror=alert(1)>']);

    // She ends the chat; both sides see it, and her tab forgets it.
    await visitor.getByRole('button', { name: 'Chat stoppen' }).click();
    await visitor.getByRole('button', { name: 'Ja, stoppen' }).click();
    await visitor.getByRole('heading', { name: 'De chat is gestopt' }).waitFor();
    await counsellor.getByText('De bezoeker heeft de chat gestopt.').waitFor();
    expect(await visitor.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await visitor.locator('.v-messages').count()).toBe(0);
  });

  it('survives a reload on both sides mid-chat without losing or doubling messages', async () => {
    await startVisitorChat(visitor, server.url, 'Sam');
    await acceptFromQueue(counsellor, 'Sam');
    await visitor.getByRole('heading', { name: 'Je chat met Inge' }).waitFor();
    await sendFrom(visitor, 'Jouw bericht', 'een');
    await counsellor.locator('.c-msg-visitor', { hasText: 'een' }).waitFor();
    await sendFrom(counsellor, 'Bericht aan Sam', 'twee');
    await visitor.locator('.v-msg-counsellor', { hasText: 'twee' }).waitFor();

    await visitor.reload();
    await counsellor.reload();
    await visitor.getByRole('heading', { name: 'Je chat met Inge' }).waitFor();
    await counsellor.getByRole('heading', { name: 'Gesprek met Sam' }).waitFor();
    await expect.poll(() => transcript(visitor, '.v-messages')).toEqual(['een', 'twee']);
    await expect.poll(() => transcript(counsellor, '.c-messages')).toEqual(['een', 'twee']);

    // A message sent while the other side is reloading arrives once, in order.
    const reloading = counsellor.reload();
    await sendFrom(visitor, 'Jouw bericht', 'drie');
    await reloading;
    await counsellor.getByRole('heading', { name: 'Gesprek met Sam' }).waitFor();
    await sendFrom(counsellor, 'Bericht aan Sam', 'vier');
    await expect.poll(() => transcript(visitor, '.v-messages')).toEqual(['een', 'twee', 'drie', 'vier']);
    await expect.poll(() => transcript(counsellor, '.c-messages')).toEqual(['een', 'twee', 'drie', 'vier']);
    const seqs = await visitor.locator('.v-messages [data-seq]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))));
    expect(seqs).toEqual([1, 2, 3, 4]);
  });

  it('lets a counsellor hold two chats at once with unread badges', async () => {
    const second = await visitorContext.newPage();
    await startVisitorChat(visitor, server.url, 'Anna');
    await startVisitorChat(second, server.url, 'Bo');
    await acceptFromQueue(counsellor, 'Anna');
    await acceptFromQueue(counsellor, 'Bo');
    await second.getByRole('heading', { name: 'Je chat met Inge' }).waitFor();
    await visitor.getByRole('heading', { name: 'Je chat met Inge' }).waitFor();

    // Bo's chat is open; Anna writes and her tab shows a badge.
    await sendFrom(visitor, 'Jouw bericht', 'hallo van Anna');
    const annaTab = counsellor.getByRole('button', { name: /Anna/ });
    await annaTab.getByText('1 ongelezen bericht').waitFor();
    await annaTab.click();
    await counsellor.getByRole('heading', { name: 'Gesprek met Anna' }).waitFor();
    expect(await transcript(counsellor, '.c-messages')).toEqual(['hallo van Anna']);
    expect(await annaTab.locator('.c-badge').count()).toBe(0);

    // The counsellor ends Bo's chat; Bo sees it ended.
    await counsellor.getByRole('button', { name: /Bo/ }).click();
    await counsellor.getByRole('button', { name: 'Chat beëindigen' }).click();
    await counsellor.getByRole('button', { name: 'Ja, beëindigen' }).click();
    await second.getByText('De hulpverlener heeft de chat gestopt.').waitFor();
  });
});
