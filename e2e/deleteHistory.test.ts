// A visitor deletes all her chats with her return code from the privacy page, in plain words,
// after one confirmation; the server really deletes the messages and the code stops working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { request } from '../src/server/testing/testServer.js';
import { acceptedChat, sendAs, unwrap } from '../src/server/testing/chatScenario.js';
import type { Ack } from '../src/protocol/ack.js';
import { newContext, phone } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { axeViolations } from './support/axe.js';

describe('deleting her history with her return code', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('deletes her messages after one confirmation, and then no longer knows the code', async () => {
    const chat = await acceptedChat(server);
    unwrap(await sendAs(chat.visitor, { clientId: 'client-0001', body: 'hij neemt mijn geld af' }));
    const { code } = unwrap(await request<Ack<{ code: string }>>(chat.visitor, 'returnCode:create'));
    unwrap(await request(chat.visitor, 'chat:end', { reason: 'visitor' }));

    const context = await newContext(browser, { ...phone, bypassCSP: true }); // axe is injected as a script
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Wat gebeurt er met wat ik vertel?' }).click();
    await page.getByRole('heading', { name: 'Je chats wissen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const form = page.getByRole('region', { name: 'Je chats wissen' });
    await form.getByLabel('Jouw terugkomcode').fill(code.toLowerCase());
    await form.getByRole('button', { name: 'Wis mijn chats' }).click();
    // One clear question before anything is deleted; "No" deletes nothing.
    await form.getByText('Weet je het zeker?', { exact: false }).waitFor();
    await form.getByRole('button', { name: 'Nee, niet wissen' }).click();
    expect(await server.app.ctx.repos.messages.listAfter(chat.conversationId, 0)).toHaveLength(1);

    await form.getByRole('button', { name: 'Wis mijn chats' }).click();
    await form.getByRole('button', { name: 'Ja, wis alles' }).click();
    await form.getByText('Klaar. De berichten van 1 chat zijn gewist. Je code werkt niet meer.').waitFor();
    expect(await server.app.ctx.repos.messages.listAfter(chat.conversationId, 0)).toEqual([]);
    expect(await form.getByLabel('Jouw terugkomcode').inputValue()).toBe('');
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel('Jouw terugkomcode').fill(code);
    await form.getByRole('button', { name: 'Wis mijn chats' }).click();
    await form.getByRole('button', { name: 'Ja, wis alles' }).click();
    await form.getByText('We kennen deze code niet (meer).', { exact: false }).waitFor();
    await context.close();
  });
});
