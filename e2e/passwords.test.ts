// Passwords in the console: an administrator resets a forgotten one and hands over the temporary
// password; she signs in with it and must choose her own before the console opens; later she
// changes it herself on the Security page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, newContext } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { signInAs } from './support/session.js';
import { signIn } from './support/flows.js';
import { axeViolations } from './support/axe.js';
import { nextSecondFactor, testTotpFor } from '../src/server/testing/testMfa.js';

describe('passwords in the console', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('resets a forgotten password, makes her choose her own at sign-in, and lets her change it on the Security page', async () => {
    const admin = await server.createStaff('admin', { displayName: 'Beheer' });
    await server.createStaff('counsellor', { username: 'noa', displayName: 'Noa', password: 'noa haar vergeten wachtwoord' });

    // The administrator resets Noa's password on the staff page.
    const adminContext = await newContext(browser, { ...desktop, bypassCSP: true });
    const adminPage = await adminContext.newPage();
    await signInAs(adminPage, server, admin);
    await adminPage.getByRole('button', { name: 'Medewerkers' }).click();
    adminPage.once('dialog', (dialog) => void dialog.accept());
    await adminPage.getByRole('button', { name: 'Wachtwoord resetten Noa' }).click();
    const notice = adminPage.locator('[data-temporary-password]');
    await notice.getByText('Tijdelijk wachtwoord voor Noa:').waitFor();
    const temporary = (await notice.getAttribute('data-temporary-password'))!;
    expect(await notice.locator('code').textContent()).toBe(temporary);
    await adminPage.locator('tr[data-username="noa"]').getByText('moet eigen wachtwoord kiezen').waitFor();
    expect(await axeViolations(adminPage)).toEqual([]);

    // Noa signs in with it: after her code she must choose her own password first.
    const noaContext = await newContext(browser, { ...desktop, bypassCSP: true });
    const noa = await noaContext.newPage();
    await noa.goto(`${server.url}/console`);
    await noa.getByLabel('Gebruikersnaam').fill('noa');
    await noa.getByLabel('Wachtwoord').fill('noa haar vergeten wachtwoord');
    await noa.getByRole('button', { name: 'Inloggen' }).click();
    await noa.getByText('Gebruikersnaam of wachtwoord klopt niet.').waitFor();
    await noa.getByLabel('Wachtwoord').fill(temporary);
    await noa.getByRole('button', { name: 'Inloggen' }).click();
    await noa.getByLabel('Code uit je app of herstelcode').fill(nextSecondFactor(testTotpFor(server.url, 'noa')!, Date.now()));
    await noa.getByRole('button', { name: 'Bevestigen' }).click();
    await noa.getByRole('heading', { name: 'Kies je eigen wachtwoord' }).waitFor();
    expect(await noa.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
    expect(await axeViolations(noa)).toEqual([]);
    await noa.getByLabel('Nieuw wachtwoord', { exact: true }).fill('welkom123456');
    await noa.getByLabel('Nieuw wachtwoord nog een keer').fill('welkom123456');
    await noa.getByRole('button', { name: 'Wachtwoord opslaan en verder' }).click();
    await noa.getByText('Dit wachtwoord is te bekend of te makkelijk te raden.', { exact: false }).waitFor();
    await noa.getByLabel('Nieuw wachtwoord', { exact: true }).fill('noa kiest haar eigen zin');
    await noa.getByLabel('Nieuw wachtwoord nog een keer').fill('noa kiest een andere zin');
    await noa.getByRole('button', { name: 'Wachtwoord opslaan en verder' }).click();
    await noa.getByText('De twee wachtwoorden zijn niet hetzelfde.').waitFor();
    await noa.getByLabel('Nieuw wachtwoord nog een keer').fill('noa kiest haar eigen zin');
    await noa.getByRole('button', { name: 'Wachtwoord opslaan en verder' }).click();
    await noa.getByRole('button', { name: 'Uitloggen' }).waitFor();

    // Later she changes it herself; a wrong current password is said plainly.
    await noa.getByRole('button', { name: 'Beveiliging' }).click();
    const section = noa.getByRole('region', { name: 'Wachtwoord wijzigen' });
    await section.getByLabel('Huidig wachtwoord').fill('niet mijn wachtwoord');
    await section.getByLabel('Nieuw wachtwoord', { exact: true }).fill('noa verandert het nog eens');
    await section.getByLabel('Nieuw wachtwoord nog een keer').fill('noa verandert het nog eens');
    await section.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await section.getByText('Je huidige wachtwoord klopt niet.').waitFor();
    await section.getByLabel('Huidig wachtwoord').fill('noa kiest haar eigen zin');
    await section.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await noa.getByText('Je wachtwoord is gewijzigd.', { exact: false }).waitFor();
    expect(await axeViolations(noa)).toEqual([]);

    // The newest password is the one that works now.
    await noa.getByRole('button', { name: 'Uitloggen' }).click();
    await noa.getByText('Je bent uitgelogd.').waitFor();
    await signIn(noa, server.url, 'noa', 'noa verandert het nog eens');
    const audit = (await server.app.ctx.repos.store.db.selectFrom('audit_log').select('action').execute()).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['staff.password_reset', 'password.changed', 'password.change_failed']));
    await adminContext.close();
    await noaContext.close();
  });
});
