// Snippets and the referral directory in real Chromium: a supervisor adds a snippet; a
// counsellor types `/vei` in the message box, picks a snippet by keyboard, sees it in the box
// unsent, edits and sends it; she puts an organisation's card from the directory into the box.
// Every screen passes axe, with the list and the directory open.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, newContext, phone } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { acceptFromQueue, signIn, startVisitorChat, transcript } from './support/flows.js';
import { axeViolations } from './support/axe.js';

describe('snippets and the referral directory in the console', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('a supervisor adds a snippet; a counsellor finds it with /, picks by keyboard, edits and sends; a directory card lands in the box unsent', async () => {
    // The supervisor adds a snippet on the management page.
    const sanne = await server.createStaff('supervisor', { displayName: 'Sanne' });
    const supervisor = await (await newContext(browser, { ...desktop, bypassCSP: true })).newPage();
    await signIn(supervisor, server.url, sanne.username, sanne.password);
    await supervisor.getByRole('button', { name: 'Teksten en sociale kaart' }).click();
    await supervisor.getByRole('heading', { name: 'Standaardteksten en sociale kaart' }).waitFor();
    await supervisor.locator('[data-snippet="Ben je nu veilig?"]').waitFor();
    await supervisor.getByRole('button', { name: 'Standaardtekst toevoegen' }).click();
    const form = supervisor.getByRole('form', { name: 'Standaardtekst toevoegen' });
    await form.getByLabel('Taal').selectOption('nl');
    await form.getByLabel('Onderwerp').fill('Veiligheid');
    await form.getByLabel('Titel').fill('Veilige slaapplek');
    await form.getByLabel('Tekst').fill('Heb je vannacht een veilige plek om te slapen?');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await supervisor.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    await supervisor.locator('[data-snippet="Veilige slaapplek"]').waitFor();
    // The directory's shipped entries say they still need checking.
    await supervisor.locator('[data-entry="Veilig Thuis"]').getByText('Eerst controleren').first().waitFor();
    expect(await axeViolations(supervisor)).toEqual([]);
    expect((await server.app.ctx.repos.audit.list({ action: 'snippet.create' })).map((e) => e.staff_id)).toEqual([sanne.id]);

    // A visitor and a counsellor in a chat.
    const inge = await server.createStaff('counsellor', { displayName: 'Inge' });
    const visitor = await (await newContext(browser, phone)).newPage();
    const counsellor = await (await newContext(browser, { ...desktop, bypassCSP: true })).newPage();
    await signIn(counsellor, server.url, inge.username, inge.password);
    await startVisitorChat(visitor, server.url, 'Roos');
    await acceptFromQueue(counsellor, 'Roos');
    await visitor.getByRole('heading', { name: 'Je chat met Inge' }).waitFor();

    // `/vei`: the list opens, filtered; the chat's language first, the new snippet on top.
    const box = counsellor.getByLabel('Bericht aan Roos');
    await box.pressSequentially('/vei');
    const list = counsellor.getByRole('listbox', { name: 'Standaardteksten' });
    await list.waitFor();
    expect(await list.getByRole('option').allTextContents()).toEqual([expect.stringContaining('Veilige slaapplek'), expect.stringContaining('Ben je nu veilig?')]);
    await counsellor.getByRole('status').filter({ hasText: '2 standaardteksten gevonden' }).waitFor();
    expect(await axeViolations(counsellor)).toEqual([]);

    // Arrow keys move the choice (the box keeps focus and points at it); Enter inserts it.
    const selected = () => list.locator('[aria-selected="true"]').textContent();
    expect(await selected()).toContain('Veilige slaapplek');
    await box.press('ArrowDown');
    expect(await selected()).toContain('Ben je nu veilig?');
    const activeId = await box.getAttribute('aria-activedescendant');
    expect(await list.locator(`[id="${activeId}"]`).textContent()).toContain('Ben je nu veilig?');
    await box.press('ArrowUp');
    await box.press('ArrowUp');
    expect(await selected()).toContain('Ben je nu veilig?');
    await box.press('Enter');
    await expect.poll(() => list.count()).toBe(0);
    const safeNow = 'Ik wil eerst iets vragen: ben je nu op een veilige plek? Is er iemand bij je die meeleest of je bang maakt? Ben je in gevaar, bel dan meteen 112.';
    expect(await box.inputValue()).toBe(safeNow);
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    // Nothing was sent: no message in either transcript.
    expect(await transcript(counsellor, '.c-messages')).toEqual([]);
    expect(await transcript(visitor, '.v-messages')).toEqual([]);
    await expect.poll(async () => (await server.app.ctx.repos.snippets.list()).find((s) => s.title === 'Ben je nu veilig?')?.useCount).toBe(1);

    // She edits it, then sends it herself.
    await box.press('End');
    await box.pressSequentially(' Neem je tijd.');
    await box.press('Enter');
    await visitor.locator('.v-msg-counsellor', { hasText: 'Neem je tijd.' }).waitFor();
    expect(await transcript(visitor, '.v-messages')).toEqual([`${safeNow} Neem je tijd.`]);

    // A search that finds nothing is not sent by Enter; Escape closes the list and leaves what she typed.
    await box.pressSequentially('/xyzq');
    await counsellor.getByText('Geen standaardtekst gevonden.', { exact: false }).first().waitFor();
    await box.press('Enter');
    expect(await box.inputValue()).toBe('/xyzq');
    await box.fill('');
    await box.pressSequentially('/anon');
    await list.waitFor();
    await box.press('Escape');
    await expect.poll(() => list.count()).toBe(0);
    expect(await box.inputValue()).toBe('/anon');
    await box.fill('');
    expect(await transcript(visitor, '.v-messages')).toHaveLength(1);

    // The directory: search it, put Veilig Thuis's card into the box, not sent.
    await counsellor.getByText('Sociale kaart', { exact: true }).click();
    await counsellor.getByLabel('Zoeken in de sociale kaart').fill('veilig thuis');
    const entry = counsellor.locator('.c-directory [data-entry="Veilig Thuis"]');
    await entry.waitFor();
    expect(await axeViolations(counsellor)).toEqual([]);
    await entry.getByRole('button', { name: 'In bericht aan bezoeker zetten' }).click();
    const card = await box.inputValue();
    expect(card.split('\n')).toEqual([
      'Veilig Thuis',
      'Advies en hulp bij huiselijk geweld en kindermishandeling. Ook voor melden. Gratis bellen.',
      'Bellen: 0800-2000',
      'Website: https://www.veiligthuis.nl',
      'Wanneer: Altijd, dag en nacht',
    ]);
    await counsellor.getByRole('status').filter({ hasText: 'Veilig Thuis staat in je bericht' }).waitFor();
    expect(await transcript(visitor, '.v-messages')).toHaveLength(1);
    await box.press('Enter');
    await visitor.locator('.v-msg-counsellor', { hasText: 'Bellen: 0800-2000' }).waitFor();
  });

  it('shows the directory entries that match the referrals ticked in the coding form', async () => {
    const noor = await server.createStaff('counsellor', { displayName: 'Noor' });
    const repos = server.app.ctx.repos;
    const started = await repos.conversations.create({
      id: crypto.randomUUID(),
      tokenHash: crypto.randomUUID(),
      nickname: 'Lisa',
      language: 'nl',
      preChat: { ageBand: '12_15', inDangerNow: 'no', topic: 'about_me' },
      now: Date.now() - 120_000,
    });
    await repos.conversations.applyTransition({ current: started, next: { status: 'ended', counsellorId: noor.id, endReason: 'visitor' }, event: 'end', actor: { kind: 'visitor' }, now: Date.now() - 1000 });
    const page = await (await newContext(browser, { ...desktop, bypassCSP: true })).newPage();
    await signIn(page, server.url, noor.username, noor.password);
    await page.getByRole('button', { name: 'Coderen' }).click();
    await page.getByRole('button', { name: 'Codeer gesprek met L…' }).click();
    await page.getByRole('heading', { name: 'Codering: gesprek met Lisa' }).waitFor();

    const actions = page.locator('[data-field="actions"]');
    const hints = page.getByRole('region', { name: 'Passend bij de gekozen verwijzingen (sociale kaart)' });
    expect(await hints.count()).toBe(0);
    await actions.getByLabel('Politie', { exact: true }).check();
    await hints.locator('[data-entry="Politie (mensenhandel)"]').getByText('Bellen: 0900-8844', { exact: false }).waitFor();
    await actions.getByLabel('Veilig Thuis', { exact: true }).check();
    await expect.poll(() => hints.locator('[data-entry]').evaluateAll((els) => els.map((e) => e.getAttribute('data-entry')))).toEqual(['Politie (mensenhandel)', 'Veilig Thuis']);
    expect(await axeViolations(page)).toEqual([]);
    await actions.getByLabel('Politie', { exact: true }).uncheck();
    await actions.getByLabel('Veilig Thuis', { exact: true }).uncheck();
    await expect.poll(() => hints.count()).toBe(0);
  });
});
