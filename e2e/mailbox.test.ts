// The anonymous mailbox in a real browser: the chat is closed, she leaves a message and gets a
// return code; a counsellor takes it from the Postvak in the console and answers; she reads the
// answer only with her code. Every screen is checked with axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, newContext, phone } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { signIn, startVisitorChat } from './support/flows.js';
import { axeViolations } from './support/axe.js';

describe('the anonymous mailbox', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('takes a message while the chat is closed, and she reads the counsellor’s answer with her code', async () => {
    await server.app.ctx.repos.settings.update({ availability: 'closed', mailboxAnswerDays: 2 }, null, Date.now());
    const visitorContext = await newContext(browser, { ...phone, bypassCSP: true });
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${server.url}/`);
    await visitor.getByRole('heading', { name: 'De chat is nu dicht' }).waitFor();
    await visitor.getByRole('button', { name: 'Laat een bericht achter' }).click();
    await visitor.getByRole('heading', { name: 'Een bericht achterlaten' }).waitFor();
    await visitor.getByText('Je krijgt geen e-mail en geen bericht op je telefoon', { exact: false }).first().waitFor();
    expect(await axeViolations(visitor)).toEqual([]);
    await visitor.getByLabel('Jouw bericht').fill('Ik kan niet veilig wachten. Hij houdt mijn paspoort.');
    await visitor.getByRole('button', { name: 'Verstuur bericht' }).click();
    await visitor.getByRole('heading', { name: 'Je bericht is verstuurd' }).waitFor();
    const code = (await visitor.locator('.v-code').getAttribute('data-code'))!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await visitor.locator('.v-answer-within').textContent()).toContain('We antwoorden binnen 2 werkdagen');
    expect(await axeViolations(visitor)).toEqual([]);

    const inge = await server.createStaff('counsellor', { displayName: 'Inge' });
    const consoleContext = await newContext(browser, { ...desktop, bypassCSP: true });
    const counsellor = await consoleContext.newPage();
    await signIn(counsellor, server.url, inge.username, inge.password);
    // The tab tells her one letter waits, in words for a screen reader too.
    const postvakTab = counsellor.getByRole('button', { name: 'Postvak, onbeantwoorde berichten: 1', exact: true });
    await postvakTab.waitFor();
    expect(await postvakTab.textContent()).toBe('Postvak (1)');
    await postvakTab.click();
    await counsellor.getByRole('heading', { name: 'Postvak' }).waitFor();
    // The list shows no content: reading a message is what the audit log records.
    expect(await counsellor.locator('.c-mailbox').textContent()).not.toContain('paspoort');
    expect(await axeViolations(counsellor)).toEqual([]);
    await counsellor.getByRole('button', { name: 'Neem dit bericht' }).click();
    await counsellor.getByText('Hij houdt mijn paspoort.', { exact: false }).waitFor();
    expect(await axeViolations(counsellor)).toEqual([]);
    await counsellor.getByLabel('Jouw antwoord').fill('Wat goed dat je schrijft. Je paspoort is van jou. Bel gerust 0800-2000.');
    await counsellor.getByRole('button', { name: 'Verstuur antwoord' }).click();
    await counsellor.getByText('Antwoord verstuurd', { exact: false }).waitFor();
    await counsellor.getByText('Er wachten geen berichten.').waitFor();
    await counsellor.getByRole('button', { name: 'Postvak', exact: true }).waitFor();
    const audited = await server.app.ctx.repos.audit.list({ action: 'transcript.view', staffId: inge.id });
    expect(audited).toHaveLength(1);

    // She comes back and looks, with her code (as she wrote it down, in lower case).
    await visitor.getByRole('button', { name: 'Lees mijn antwoord' }).click();
    await visitor.getByRole('heading', { name: 'Lees mijn antwoord' }).waitFor();
    await visitor.getByLabel('Jouw terugkomcode').fill('ZZZZ-ZZZZ');
    await visitor.getByRole('button', { name: 'Laat zien' }).click();
    await visitor.getByText('Deze code kennen we niet (meer).', { exact: false }).waitFor();
    await visitor.getByLabel('Jouw terugkomcode').fill(code.toLowerCase());
    await visitor.getByRole('button', { name: 'Laat zien' }).click();
    await visitor.getByRole('heading', { name: 'Ons antwoord' }).waitFor();
    await visitor.getByText('Je paspoort is van jou.', { exact: false }).waitFor();
    await visitor.getByText('Ik kan niet veilig wachten.', { exact: false }).waitFor();
    expect(await axeViolations(visitor)).toEqual([]);

    await visitor.getByRole('button', { name: 'Terug' }).click();
    await visitor.getByRole('heading', { name: 'De chat is nu dicht' }).waitFor();
    await visitorContext.close();
    await consoleContext.close();
    await server.app.ctx.repos.settings.update({ availability: 'open' }, null, Date.now());
  });

  it('lets her stop waiting in the queue, after she confirms, and leave a letter with her own return code', async () => {
    const visitorContext = await newContext(browser, { ...phone, bypassCSP: true });
    const visitor = await visitorContext.newPage();
    await startVisitorChat(visitor, server.url, 'Mira');
    await visitor.getByRole('button', { name: 'Krijg een terugkomcode' }).click();
    const code = (await visitor.locator('.v-code').getAttribute('data-code'))!;
    await visitor.getByRole('button', { name: 'Ik heb hem opgeschreven' }).click();
    const waitingNow = async () => (await server.app.ctx.repos.conversations.listQueued()).length;
    expect(await waitingNow()).toBe(1);

    // Saying no keeps her place.
    await visitor.getByRole('button', { name: 'Kun je niet wachten? Laat een bericht achter' }).click();
    await visitor.getByText('Dan stopt je plek in de rij.', { exact: false }).waitFor();
    expect(await axeViolations(visitor)).toEqual([]);
    await visitor.getByRole('button', { name: 'Nee, ik wacht' }).click();
    await visitor.getByRole('heading', { name: 'Je bent in de wachtrij' }).waitFor();
    expect(await waitingNow()).toBe(1);

    await visitor.getByRole('button', { name: 'Kun je niet wachten? Laat een bericht achter' }).click();
    await visitor.getByRole('button', { name: 'Ja, stop met wachten' }).click();
    await visitor.getByRole('heading', { name: 'Een bericht achterlaten' }).waitFor();
    expect(await waitingNow()).toBe(0);
    expect(await visitor.getByLabel('Jouw terugkomcode').inputValue()).toBe(code);
    expect(await axeViolations(visitor)).toEqual([]);
    await visitor.getByLabel('Jouw bericht').fill('Ik moet weg. Kunnen jullie me later antwoorden?');
    await visitor.getByRole('button', { name: 'Verstuur bericht' }).click();
    await visitor.getByRole('heading', { name: 'Je bericht is verstuurd' }).waitFor();
    // Her letter joins her earlier chat: no new code.
    await visitor.getByText('Lees het antwoord later met je eigen terugkomcode.').waitFor();
    expect(await visitor.locator('.v-code').count()).toBe(0);
    await visitorContext.close();
  });
});
