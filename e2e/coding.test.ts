// A counsellor codes an ended chat by keyboard only: conditions hide and show fields live, a
// validation error appears next to its field, saving closes the chat and history is kept. The
// chat's transcript is beside the form (reading it is audited); the list shortens her nickname.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, newContext } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { signIn } from './support/flows.js';
import { axeViolations } from './support/axe.js';

async function endedChat(server: TestServer, counsellorId: string, nickname: string) {
  const repos = server.app.ctx.repos;
  const c = await repos.conversations.create({
    id: crypto.randomUUID(),
    tokenHash: crypto.randomUUID(),
    nickname,
    language: 'nl',
    preChat: { ageBand: '12_15', inDangerNow: 'no', topic: 'about_me' },
    now: Date.now() - 120_000,
  });
  for (const [i, [sender, body]] of ([['visitor', 'ik moet voor hem werken en krijg geen geld'], ['counsellor', 'Wat goed dat je het vertelt. Hoe oud ben je?'], ['visitor', 'ik ben 14']] as const).entries()) {
    await repos.messages.append({ id: crypto.randomUUID(), conversationId: c.id, clientId: `coding-msg-${i}-${c.id.slice(0, 8)}`, sender, senderStaffId: sender === 'counsellor' ? counsellorId : null, senderName: sender === 'counsellor' ? 'Inge' : null, body, now: Date.now() - 100_000 + i * 1000 });
  }
  return (await repos.conversations.applyTransition({ current: c, next: { status: 'ended', counsellorId, endReason: 'visitor' }, event: 'end', actor: { kind: 'visitor' }, now: Date.now() - 1000 }))!;
}

async function press(page: Page, key: string, times = 1) {
  for (let i = 0; i < times; i += 1) await page.keyboard.press(key);
}

const field = (page: Page, id: string) => page.locator(`[data-field="${id}"]`);


describe('coding a chat in the console', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('codes an ended chat by keyboard, with live conditions and an error next to the field', async () => {
    const inge = await server.createStaff('counsellor', { displayName: 'Inge' });
    const chat = await endedChat(server, inge.id, 'Roos');
    const context = await newContext(browser, { ...desktop, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, server.url, inge.username, inge.password);
    await page.getByRole('button', { name: 'Coderen' }).click();
    // The list is for finding the chat, not for seeing who she is: her nickname is shortened.
    const toCode = page.getByRole('region', { name: /Te coderen/ });
    await toCode.getByRole('button', { name: 'Codeer gesprek met R…' }).waitFor();
    expect(await toCode.textContent()).not.toContain('Roos');
    await toCode.getByRole('button', { name: 'Codeer gesprek met R…' }).click();
    await page.getByRole('heading', { name: 'Codering: gesprek met Roos' }).waitFor();

    // The transcript is beside the form, and reading it is in the audit log.
    const transcript = page.getByRole('log', { name: 'Het gesprek' });
    await transcript.getByText('ik moet voor hem werken en krijg geen geld').waitFor();
    await transcript.getByText('ik ben 14').waitFor();
    const [formBox, transcriptBox] = [await page.locator('.c-coding-form').first().boundingBox(), await transcript.boundingBox()];
    expect(transcriptBox!.x).toBeGreaterThan(formBox!.x + formBox!.width - 1);
    expect(transcriptBox!.y).toBeLessThan(formBox!.y + 200);
    const views = await server.app.ctx.repos.audit.list({ action: 'transcript.view', targetId: chat.id });
    expect(views.map((v) => [v.staff_id, JSON.parse(v.detail ?? '{}').purpose])).toEqual([[inge.id, 'coding']]);

    // Pre-filled from the pre-chat answers and visibly marked; the age band is a hint.
    await field(page, 'contactType').getByText('uit vragen vooraf').waitFor();
    expect(await field(page, 'contactType').getByLabel('Slachtoffer zelf').isChecked()).toBe(true);
    await field(page, 'age').getByText('Vooraf opgegeven: 12–15 jaar').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Conditions: a non-counselling contact hides the counselling fields, live.
    await field(page, 'contactType').locator('input:checked').focus();
    await press(page, 'ArrowDown', 5); // → Geen hulpvraag: stil
    expect(await field(page, 'contactType').getByLabel('Geen hulpvraag: stil').isChecked()).toBe(true);
    await expect.poll(() => field(page, 'age').count()).toBe(0);
    await press(page, 'ArrowUp', 5); // back to Slachtoffer zelf
    await field(page, 'age').waitFor();
    expect(await field(page, 'exploitationForms').count()).toBe(0);

    // By keyboard: Tab into the trafficking question; "Ja" shows the exploitation fields, "Nee" hides them.
    await press(page, 'Tab');
    await press(page, 'Space'); // Ja
    await field(page, 'exploitationForms').waitFor();
    await press(page, 'ArrowDown', 2); // Twijfel, Nee
    expect(await field(page, 'traffickingQuestion').getByLabel('Nee').isChecked()).toBe(true);
    await expect.poll(() => field(page, 'exploitationForms').count()).toBe(0);
    await press(page, 'Tab', 11); // through the 11 other-topic checkboxes to "Geen"
    await press(page, 'Space');
    await press(page, 'Tab'); // acute unsafety, pre-filled "Nee"
    await press(page, 'Tab'); // age
    await page.keyboard.type('150');
    await press(page, 'Tab'); // "Leeftijd onbekend"
    await press(page, 'Tab'); // age basis (appears once the age is known)
    await press(page, 'Space'); // Genoemd
    await press(page, 'Tab'); // gender
    await press(page, 'Space'); // Meisje/vrouw
    await press(page, 'Tab'); // language, pre-filled Nederlands
    await press(page, 'Tab', 7); // actions: to "Geen"
    await press(page, 'Space');
    await press(page, 'Tab'); // follow-up
    await press(page, 'Space'); // Ja
    await press(page, 'Tab'); // save
    await press(page, 'Enter');

    // The error is shown next to the age field, and focus goes there.
    await field(page, 'age').getByText('Dit getal ligt buiten het toegestane bereik.').waitFor();
    await page.getByText('Er is 1 fout. Kijk bij het veld.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-age');
    await press(page, 'Control+A');
    await page.keyboard.type('14');
    await page.getByRole('button', { name: 'Codering opslaan' }).focus();
    await press(page, 'Enter');
    await page.getByText('De codering is opgeslagen en het gesprek is afgesloten.').waitFor().catch(async (error: unknown) => {
      throw new Error(`${String(error)}\nform says: ${await page.locator('.c-coding-message').innerText()} | errors: ${(await page.locator('.c-field-error').allInnerTexts()).join(' / ')}`);
    });
    expect((await server.app.ctx.repos.conversations.findById(chat.id))?.status).toBe('closed');
    const stored = await server.app.ctx.repos.codings.get(chat.id);
    expect(stored?.values).toMatchObject({ contactType: 'victim', traffickingQuestion: 'no', otherTopics: ['none'], age: 14, ageBasis: 'stated', gender: 'female', actions: ['none'], followUpAgreed: true });

    // It left the "to code" list; editing later keeps the history.
    await expect.poll(() => page.getByRole('button', { name: 'Codeer gesprek met R…' }).count()).toBe(0);
    const boy = field(page, 'gender').getByLabel('Jongen/man');
    await boy.focus();
    await press(page, 'Space');
    // The form may still be settling after the list refreshed: wait until the choice took.
    await expect.poll(() => boy.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Codering opslaan' }).focus();
    await press(page, 'Enter');
    await page.getByText('De codering is opgeslagen.').waitFor().catch(async (error: unknown) => {
      throw new Error(`${String(error)}\nform says: ${await page.locator('.c-coding-message').innerText()}`);
    });
    await page.locator('.c-history').getByText(/gewijzigd: Gender/).waitFor();
    await page.locator('.c-history').getByText(/aangemaakt/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
