// With local translation on (a fake engine here), the counsellor reads a visitor's message in
// her own words and in translation, each marked as what it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { connected, request, startTestServer, type TestServer } from '../src/server/testing/testServer.js';
import { sendAs, unwrap } from '../src/server/testing/chatScenario.js';
import { FakeTranslator } from '../src/app/translation/fakeTranslator.js';
import type { Ack } from '../src/protocol/ack.js';
import type { VisitorChatSnapshot } from '../src/protocol/visitorProtocol.js';
import { desktop, launchBrowser, newContext } from './support/browser.js';
import { ensureBuilt } from './support/server.js';
import { acceptFromQueue } from './support/flows.js';
import { signInAs } from './support/session.js';
import { axeViolations } from './support/axe.js';

describe('machine translation in the console', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    ensureBuilt();
    const translator = new FakeTranslator({ 'I do not want to go back there': 'Ik wil daar niet meer naartoe' });
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ dialect: 'sqlite', env: { WEB_DIR: 'dist/web' }, translator })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the original and the translation of her message, both marked', async () => {
    const inge = await server.createStaff('counsellor', { displayName: 'Inge' });
    const visitor = server.visitor();
    await connected(visitor);
    unwrap(await request<Ack<VisitorChatSnapshot & { token: string }>>(visitor, 'chat:start', { nickname: 'Amy', language: 'en' }));
    const context = await newContext(browser, { ...desktop, bypassCSP: true });
    const page = await context.newPage();
    await signInAs(page, server, inge);
    await acceptFromQueue(page, 'Amy');
    unwrap(await sendAs(visitor, { clientId: 'translated-001', body: 'I do not want to go back there' }));

    const message = page.locator('.c-msg-visitor');
    await message.getByText('Ik wil daar niet meer naartoe').waitFor();
    expect(await message.locator('.c-original .c-translation-mark').textContent()).toBe('Origineel (EN)');
    expect(await message.locator('.c-original .plain-text').textContent()).toBe('I do not want to go back there');
    expect(await message.locator('.c-translation .c-translation-mark').textContent()).toBe('Automatische vertaling (EN → NL), kan fouten bevatten');
    expect(await message.locator('.c-original').getAttribute('lang')).toBe('en');

    // After a reload the translation is still there (made again from memory, never stored).
    await page.reload();
    await page.locator('.c-msg-visitor .c-translation', { hasText: 'Ik wil daar niet meer naartoe' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    visitor.disconnect();
    await context.close();
  });
});
