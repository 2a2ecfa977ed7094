// An administrator sees the visitor languages with their draft marks and switches one off; a
// visitor whose browser asks for it then gets Dutch and is not offered it. On the staff page she
// sets which languages a counsellor chats in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, newContext, phone } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { signIn } from './support/flows.js';
import { axeViolations } from './support/axe.js';

describe('visitor languages in the console', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('switching Polish off: a Polish browser gets Dutch, and Polish is not in the list', async () => {
    const admin = await server.createStaff('admin', { displayName: 'Beheer' });
    const staffContext = await newContext(browser, { ...desktop, bypassCSP: true });
    const console_ = await staffContext.newPage();
    await signIn(console_, server.url, admin.username, admin.password);
    await console_.getByRole('button', { name: 'Instellingen' }).click();
    const section = console_.getByRole('region', { name: 'Talen voor bezoekers' });
    await section.waitFor();
    // Each language in its own name and code; the five no native speaker checked are marked.
    const rows = await section.locator('li').evaluateAll((items) => items.map((li) => [li.getAttribute('data-language'), li.querySelector('label')!.textContent!.trim(), Boolean(li.querySelector('.c-badge-draft'))]));
    expect(rows).toEqual([
      ['nl', 'Nederlands (nl)', false],
      ['en', 'English (en)', false],
      ['pl', 'Polski (pl)', true],
      ['ro', 'Română (ro)', true],
      ['bg', 'Български (bg)', true],
      ['uk', 'Українська (uk)', true],
      ['ar', 'العربية (ar)', true],
    ]);
    expect(await section.getByText('conceptvertaling', { exact: true }).count()).toBe(5);
    expect(await section.getByRole('switch', { name: 'Nederlands (nl) aanbieden' }).isDisabled()).toBe(true);
    const polish = section.getByRole('switch', { name: 'Polski (pl) aanbieden' });
    expect(await polish.isChecked()).toBe(true);
    await polish.uncheck();
    await console_.getByRole('button', { name: 'Opslaan' }).click();
    await console_.getByText('De instellingen zijn opgeslagen.').waitFor();
    expect(await polish.isChecked()).toBe(false);
    expect(await axeViolations(console_)).toEqual([]);
    await staffContext.close();

    const context = await newContext(browser, { ...phone, locale: 'pl-PL' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Praat anoniem met iemand die je helpt' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    const options = await page.getByRole('combobox', { name: 'Taal' }).locator('option').allTextContents();
    expect(options).toEqual(['Nederlands', 'English', 'Română', 'Български', 'Українська', 'العربية']);
    await context.close();
  });

  it('sets the languages a counsellor chats in on the staff page', async () => {
    const admin = await server.createStaff('admin', { displayName: 'Beheer' });
    const inge = await server.createStaff('counsellor', { displayName: 'Inge' });
    const staffContext = await newContext(browser, { ...desktop, bypassCSP: true });
    const console_ = await staffContext.newPage();
    await signIn(console_, server.url, admin.username, admin.password);
    await console_.getByRole('button', { name: 'Medewerkers' }).click();
    const choice = console_.getByRole('group', { name: 'Talen waarin Inge chat' });
    await choice.waitFor();
    // Dutch only at first; the last language cannot be unticked.
    expect(await choice.getByRole('checkbox', { name: /Nederlands/ }).isChecked()).toBe(true);
    expect(await choice.getByRole('checkbox', { name: /Nederlands/ }).isDisabled()).toBe(true);
    await choice.getByRole('checkbox', { name: /Polski/ }).check();
    await console_.getByText('Inge is bijgewerkt.').waitFor();
    await expect.poll(async () => (await server.app.ctx.repos.staff.findById(inge.id))?.languages).toEqual(['nl', 'pl']);
    await console_.reload();
    await console_.getByRole('button', { name: 'Medewerkers' }).click();
    expect(await console_.getByRole('group', { name: 'Talen waarin Inge chat' }).getByRole('checkbox', { name: /Polski/ }).isChecked()).toBe(true);
    expect(await axeViolations(console_)).toEqual([]);
    await staffContext.close();
  });
});
