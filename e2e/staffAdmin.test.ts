// First-admin set-up through the one-time link, then an admin creates a counsellor who signs in;
// disabling her account ends her open console session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, newContext } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { signIn } from './support/flows.js';

describe('staff accounts in the console', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('sets up the first admin, who creates a counsellor that can sign in, and can disable her', async () => {
    const token = server.app.ctx.setup.token;
    expect(token).toBeTruthy();
    const adminContext = await newContext(browser, desktop);
    const admin = await adminContext.newPage();
    await admin.goto(`${server.url}/console/setup#${token}`);
    await admin.getByRole('heading', { name: 'Baken instellen' }).waitFor();
    // The token is taken out of the address bar at once.
    expect(new URL(admin.url()).hash).toBe('');
    await admin.getByLabel('Gebruikersnaam').fill('beheer');
    await admin.getByLabel('Naam die collega’s zien').fill('Beheerder Bram');
    await admin.getByLabel('Wachtwoord (minstens 12 tekens)').fill('een lang beheer wachtwoord');
    await admin.getByRole('button', { name: 'Account maken' }).click();
    await admin.getByText('Het beheerdersaccount is gemaakt.').waitFor();
    await admin.getByRole('button', { name: 'Naar inloggen' }).click();
    await signIn(admin, server.url, 'beheer', 'een lang beheer wachtwoord');

    await admin.getByRole('heading', { name: 'Medewerkers', exact: true }).waitFor();
    await admin.getByLabel('Gebruikersnaam').fill('inge');
    await admin.getByLabel('Naam', { exact: true }).fill('Inge');
    await admin.getByLabel('Tijdelijk wachtwoord').fill('inge haar eerste wachtwoord');
    await admin.getByLabel('Rol', { exact: true }).selectOption('counsellor');
    await admin.getByLabel('Max. chats tegelijk').fill('2');
    await admin.getByRole('button', { name: 'Account maken' }).click();
    await admin.getByText('Account voor Inge is gemaakt.').waitFor();
    const row = admin.locator('tr[data-username="inge"]');
    await row.waitFor();
    // Her password is temporary until her first sign-in.
    expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['Inge', 'inge', '2', 'Actief (moet eigen wachtwoord kiezen)']));

    // A short password is refused with a clear message.
    await admin.getByLabel('Gebruikersnaam').fill('kort');
    await admin.getByLabel('Naam', { exact: true }).fill('Kort');
    await admin.getByLabel('Tijdelijk wachtwoord').fill('kort');
    await admin.evaluate(() => document.querySelector<HTMLInputElement>('#new-password')!.removeAttribute('minlength'));
    await admin.getByRole('button', { name: 'Account maken' }).click();
    await admin.getByText('Controleer de ingevulde gegevens.').waitFor();

    // The new counsellor signs in and sees the queue.
    const ingeContext = await newContext(browser, desktop);
    const inge = await ingeContext.newPage();
    // The password the administrator chose is temporary: she chooses her own on the way in.
    await signIn(inge, server.url, 'inge', 'inge haar eerste wachtwoord', 'inge kiest haar eigen zin');
    await inge.getByRole('heading', { name: /Wachtrij/ }).waitFor();
    await inge.getByText('Ingelogd als Inge (Hulpverlener)').waitFor();

    // Disabling her account ends her session; her console says so.
    await row.getByRole('button', { name: /Blokkeren/ }).click();
    await admin.getByText('Inge is bijgewerkt.').waitFor();
    await expect.poll(() => row.locator('td').allTextContents()).toContain('Geblokkeerd');
    await inge.getByText('Je sessie is beëindigd. Log opnieuw in.').waitFor();

    await adminContext.close();
    await ingeContext.close();
  });
});
