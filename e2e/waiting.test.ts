// The visitor's way in: the optional pre-chat step, the waiting screen with her place and an
// honest estimate, 112 when she is in danger, and a return code written down and used again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { startVisitorChat as startBySocket } from '../src/server/testing/chatScenario.js';
import { newContext, phone } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { axeViolations } from './support/axe.js';
import { callApi } from '../src/server/testing/httpCalls.js';
import { startVisitorChat } from './support/flows.js';

describe('waiting for a counsellor', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('shows 112 at once when she is in danger, then her place in the queue and an honest estimate', async () => {
    await startBySocket(server, 'Eerder'); // someone is already waiting
    const context = await newContext(browser, { ...phone, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Start de chat' }).click();
    await page.getByRole('heading', { name: 'Drie korte vragen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Skipping is one tap; here she answers.
    expect(await page.getByRole('button', { name: 'Vragen overslaan' }).isVisible()).toBe(true);
    await page.getByRole('radio', { name: 'Ja' }).check();
    const call = page.getByRole('link', { name: 'Bel 112' });
    await call.waitFor();
    expect(await call.getAttribute('href')).toBe('tel:112');
    expect(await call.isVisible()).toBe(true);
    await page.getByRole('radio', { name: '12 tot 15' }).check();
    await page.getByRole('button', { name: 'Naar de chat' }).click();
    await page.getByRole('heading', { name: 'Je bent in de wachtrij' }).waitFor();

    // In danger now: she goes before the visitor who came earlier; nobody is on duty yet.
    await page.getByText('Jij bent de volgende.').waitFor();
    await page.getByText('We weten nog niet hoe lang het duurt.').waitFor();
    expect(await page.getByRole('link', { name: 'Bel 112' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // A second visitor in the browser without answers waits behind both.
    const second = await context.newPage();
    await startVisitorChat(second, server.url, 'Sam');
    await second.getByText('Je bent nummer 3 in de wachtrij.').waitFor();
    expect(await second.getByText('Ben je nu in gevaar? Bel 112.').isVisible()).toBe(true);

    // Busy mode is said honestly.
    // Busy mode is said at once to everyone waiting, when a supervisor switches it on.
    const supervisor = await server.createStaff('supervisor');
    const login = await server.login(supervisor.username, supervisor.password);
    expect((await callApi(server, login, 'PATCH', '/api/service', { busy: true })).status).toBe(200);
    await second.getByText('Het is nu erg druk.', { exact: false }).waitFor();
    await context.close();
  });

  it('gives a return code to write down and continues with it; an unknown code is said clearly', async () => {
    const context = await newContext(browser, { ...phone, bypassCSP: true });
    const page = await context.newPage();
    await startVisitorChat(page, server.url, 'Noor');
    await page.getByRole('button', { name: 'Krijg een terugkomcode' }).click();
    const codeEl = page.locator('.v-code');
    await codeEl.waitFor();
    const code = (await codeEl.textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await page.getByText('Maak geen screenshot.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ik heb hem opgeschreven' }).click();
    await page.getByRole('button', { name: 'Chat stoppen' }).click();
    await page.getByRole('button', { name: 'Ja, stoppen' }).click();
    await page.getByRole('button', { name: 'Nieuwe chat starten' }).click();

    // Back, with the code (typed in lower case).
    await page.getByText('Heb je een terugkomcode?').click();
    await page.getByLabel('Jouw terugkomcode').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Start de chat' }).click();
    await page.getByRole('button', { name: 'Vragen overslaan' }).click();
    await page.getByRole('heading', { name: 'Je bent in de wachtrij' }).waitFor();
    expect(await page.getByText('We kennen deze code niet').count()).toBe(0);
    // Both chats belong to the same (anonymous) visitor now.
    const withCode = await server.app.ctx.repos.store.db.selectFrom('conversations').select(['visitor_key']).where('visitor_key', 'is not', null).execute();
    expect(withCode).toHaveLength(2);
    expect(withCode[1]!.visitor_key).toBe(withCode[0]!.visitor_key);

    // A code nobody knows: she still gets her chat, and is told.
    const other = await context.newPage();
    await other.goto(`${server.url}/`);
    await other.getByText('Heb je een terugkomcode?').click();
    await other.getByLabel('Jouw terugkomcode').fill('AAAA-BBBB');
    await other.getByRole('button', { name: 'Start de chat' }).click();
    await other.getByRole('button', { name: 'Vragen overslaan' }).click();
    await other.getByRole('heading', { name: 'Je bent in de wachtrij' }).waitFor();
    await other.getByText('We kennen deze code niet (meer). Je chat gewoon zonder code.').waitFor();
    await context.close();
  });
});
