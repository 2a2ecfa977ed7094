// Warm handover and continuity in the console, in real Chromium: a counsellor records a handover
// she agreed to and opens the printable letter (only what she agreed to share); a supervisor
// approves an emergency handover; a visitor returning with her code brings her summary and
// earlier chats to her new counsellor, who opens the earlier transcript only with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { connected, request } from '../src/server/testing/testServer.js';
import { sendAs, signedInCounsellor, startVisitorChat, unwrap } from '../src/server/testing/chatScenario.js';
import { callApi } from '../src/server/testing/httpCalls.js';
import type { Ack } from '../src/protocol/ack.js';
import type { VisitorChatSnapshot } from '../src/protocol/visitorProtocol.js';
import { desktop, newContext } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { signInAs } from './support/session.js';
import { acceptFromQueue } from './support/flows.js';
import { axeViolations } from './support/axe.js';

describe('warm handover and continuity in the console', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('records a handover she agreed to and prints a letter with only what she agreed to share', async () => {
    const anna = await server.createStaff('counsellor', { displayName: 'Anna' });
    const chat = await startVisitorChat(server, 'Roos');
    const context = await newContext(browser, { ...desktop, bypassCSP: true });
    const page = await context.newPage();
    await signInAs(page, server, anna);
    await acceptFromQueue(page, 'Roos');

    await page.getByText('Warme overdracht (0)').click();
    await page.getByRole('button', { name: 'Overdracht vastleggen' }).click();
    const form = page.getByRole('form', { name: 'Warme overdracht' });
    await form.getByLabel('Met haar toestemming').check();
    // Picked from the referral directory: the name fills in, and stays editable as free text.
    await form.getByLabel('Uit de sociale kaart').selectOption({ label: 'Veilig Thuis' });
    expect(await form.getByLabel('Organisatie', { exact: true }).inputValue()).toBe('Veilig Thuis');
    await form.getByLabel('Hoe').selectOption({ label: 'Brief' });
    await form.getByLabel('Haar toestemming, in haar eigen woorden').fill('Ze zei: ja, vertel het ze maar.');
    await form.getByLabel('Wat gedeeld wordt').fill('Zij is 15 en moet thuis werken zonder loon.');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Overdracht vastleggen' }).click();
    await page.getByRole('status').filter({ hasText: 'De overdracht is vastgelegd.' }).waitFor();
    const item = page.locator('[data-handover]');
    await item.getByText('Veilig Thuis', { exact: true }).waitFor();
    // The handover points at the directory's own entry.
    const [saved] = await server.app.ctx.repos.handovers.listForConversation(chat.conversationId);
    expect((await server.app.ctx.repos.directory.get(saved!.directoryEntryId!))?.name).toBe('Veilig Thuis');
    expect(await item.textContent()).toContain('Vastgelegd');
    expect((await server.app.ctx.repos.audit.list({ action: 'handover.recorded', targetId: chat.conversationId })).length).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const [letter] = await Promise.all([context.waitForEvent('page'), item.getByRole('link', { name: 'Brief om te printen' }).click()]);
    await letter.getByRole('heading', { name: 'Overdracht aan Veilig Thuis' }).waitFor();
    const sheet = letter.getByRole('article');
    expect(await sheet.textContent()).toContain('Zij is 15 en moet thuis werken zonder loon.');
    expect(await sheet.textContent()).toContain('Brief');
    // Her consent in her words, her nickname and the console itself stay off the letter.
    expect(await letter.locator('body').textContent()).not.toContain('vertel het ze maar');
    expect(await letter.locator('body').textContent()).not.toContain('Roos');
    expect(await letter.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
    expect(await axeViolations(letter)).toEqual([]);
    await letter.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await letter.getByRole('button', { name: 'Printen' }).click();
    expect(await letter.locator('body').getAttribute('data-printed')).toBe('yes');
    // On paper the print button is gone and the letter remains.
    await letter.emulateMedia({ media: 'print' });
    expect(await letter.getByRole('button', { name: 'Printen' }).isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await context.close();
  });

  it('lets a supervisor approve an emergency handover that waits for her decision', async () => {
    const counsellor = await signedInCounsellor(server, { displayName: 'Karim' });
    const chat = await startVisitorChat(server, 'Noor');
    unwrap(await request(counsellor.socket, 'conversation:accept', { conversationId: chat.conversationId }));
    const recorded = await callApi(server, counsellor, 'POST', '/api/handovers', { conversationId: chat.conversationId, kind: 'emergency', organisation: 'Politie', method: 'phone', shared: 'Adres en wat er nu gebeurt.', reason: 'Ze wordt nu bedreigd met een mes.' });
    expect(recorded.body.handover.status).toBe('pending');

    const sara = await server.createStaff('supervisor', { displayName: 'Sara' });
    const context = await newContext(browser, { ...desktop, bypassCSP: true });
    const page = await context.newPage();
    await signInAs(page, server, sara, '/console/handovers');
    await page.getByRole('heading', { name: 'Warme overdrachten' }).waitFor();
    await page.getByLabel('Toon').selectOption({ label: 'Alleen wachtend op goedkeuring' });
    const row = page.locator(`[data-handover="${recorded.body.handover.id}"]`);
    await row.getByText('Reden: Ze wordt nu bedreigd met een mes.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await row.getByRole('button', { name: 'Goedkeuren' }).click();
    await page.getByRole('status').filter({ hasText: 'Goedgekeurd' }).waitFor();
    await page.getByLabel('Toon').selectOption({ label: 'Alle' });
    await page.locator(`[data-handover="${recorded.body.handover.id}"][data-status="approved"]`).waitFor();
    expect((await server.app.ctx.repos.audit.list({ action: 'handover.approved', targetId: chat.conversationId })).map((e) => e.staff_id)).toEqual([sara.id]);
    await context.close();
  });

  it('attack: markup in a handover renders as text on the printable letter, never as HTML', async () => {
    const anna = await signedInCounsellor(server, { displayName: 'Anna' });
    const chat = await startVisitorChat(server, 'Noor');
    unwrap(await request(anna.socket, 'conversation:accept', { conversationId: chat.conversationId }));
    const organisation = '<img src=x onerror="window.__pwned=1">Opvang';
    const shared = '<script>window.__pwned=2</script><b>vet</b> en <a href="https://evil.example">link</a>';
    const recorded = await callApi(server, anna, 'POST', '/api/handovers', { conversationId: chat.conversationId, kind: 'consent', organisation, method: 'letter', consentSummary: 'ja', shared });
    expect(recorded.status).toBe(201);
    anna.socket.disconnect();

    const context = await newContext(browser, { ...desktop, bypassCSP: true });
    const page = await context.newPage();
    // The letter page has no console around it (no sign-out button to wait for): her cookie, then the page.
    const eq = anna.cookie.indexOf('=');
    await context.addCookies([{ name: anna.cookie.slice(0, eq), value: anna.cookie.slice(eq + 1), url: server.url }]);
    await page.goto(`${server.url}/console/handovers/${recorded.body.handover.id}/letter`);
    const sheet = page.getByRole('article');
    await sheet.getByText(shared).waitFor();
    expect(await sheet.textContent()).toContain(organisation);
    expect(await sheet.locator('img[src="x"], script, b, a').count()).toBe(0);
    expect(await page.title()).toContain(organisation);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await context.close();
  });

  it('shows her new counsellor the summary and earlier chats, and opens an earlier transcript only with a reason', async () => {
    // Her first chat, with Bert: she asks for a return code, Bert codes the chat and keeps a summary.
    const bert = await signedInCounsellor(server, { displayName: 'Bert' });
    const first = await startVisitorChat(server, 'Sam');
    unwrap(await request(bert.socket, 'conversation:accept', { conversationId: first.conversationId }));
    unwrap(await sendAs(first.visitor, { clientId: 'first-00001', body: 'ik ben weggelopen en slaap bij een vriend' }));
    const { code } = unwrap(await request<Ack<{ code: string }>>(first.visitor, 'returnCode:create'));
    unwrap(await request(first.visitor, 'chat:end', { reason: 'visitor' }));
    const coded = await callApi(server, bert, 'PUT', `/api/codings/${first.conversationId}`, {
      values: { contactType: 'victim', traffickingQuestion: 'no', otherTopics: ['runaway'], acuteUnsafety: false, age: 16, ageBasis: 'stated', gender: 'female', language: 'nl', actions: ['none'], followUpAgreed: true },
    });
    expect(coded.status).toBe(200);
    expect((await callApi(server, bert, 'PUT', `/api/continuity/${first.conversationId}/summary`, { body: 'Weggelopen, slaapt bij een vriend. Wil nog geen politie.', baseUpdatedAt: null })).status).toBe(200);
    bert.socket.disconnect();

    // She comes back with her code; Lisa takes the chat.
    const lisa = await server.createStaff('counsellor', { displayName: 'Lisa' });
    const visitor = server.visitor();
    await connected(visitor);
    unwrap(await request<Ack<VisitorChatSnapshot>>(visitor, 'chat:start', { nickname: 'Sam', language: 'nl', returnCode: code }));
    const context = await newContext(browser, { ...desktop, bypassCSP: true });
    const page = await context.newPage();
    await signInAs(page, server, lisa);
    await acceptFromQueue(page, 'Sam');

    const panel = page.locator('.c-continuity');
    // Closed at first (the chat keeps its room), saying what is inside.
    await panel.getByText('Eerder contact (1 eerdere chat · samenvatting)').click();
    await panel.getByText('Weggelopen, slaapt bij een vriend. Wil nog geen politie.').waitFor();
    const earlier = panel.locator(`[data-earlier="${first.conversationId}"]`);
    expect(await earlier.textContent()).toContain('met Bert');
    expect(await earlier.textContent()).toContain('Weggelopen of dakloos');
    // Nothing of the earlier transcript is on screen until she opens it.
    expect(await page.getByText('ik ben weggelopen en slaap bij een vriend').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await earlier.getByRole('button', { name: 'Eerdere chat openen' }).click();
    const open = earlier.getByRole('button', { name: 'Openen (wordt vastgelegd)' });
    expect(await open.isDisabled()).toBe(true);
    await earlier.getByLabel('Waarom open je deze chat?').selectOption({ label: 'Zij verwijst naar dat gesprek' });
    await open.click();
    const log = panel.getByRole('log', { name: /Chat van/ });
    await log.getByText('ik ben weggelopen en slaap bij een vriend').waitFor();
    const views = await server.app.ctx.repos.audit.list({ action: 'transcript.view', targetId: first.conversationId, staffId: lisa.id });
    expect(views.map((v) => JSON.parse(v.detail!))).toEqual([{ via: 'continuity', from: expect.any(String), reason: 'visitor_refers_to_it' }]);

    // She edits the summary for whoever talks to her next.
    await panel.getByRole('button', { name: 'Samenvatting bewerken' }).click();
    await panel.getByLabel('Korte samenvatting voor collega’s die haar later spreken').fill('Weggelopen; nu terug bij haar moeder.');
    await panel.getByRole('button', { name: 'Opslaan' }).click();
    await panel.getByText('Bijgewerkt door Lisa', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
