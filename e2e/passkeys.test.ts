// Passkeys in real Chromium, with Chrome's virtual authenticator standing in for a fingerprint
// reader: a counsellor signs in with her app, adds a passkey on the Security page, signs out,
// signs in with password and passkey, then removes it and is asked for a code again.
// WebAuthn needs a secure context and a domain name, so the browser uses http://localhost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, newContext } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { signIn } from './support/flows.js';
import { axeViolations } from './support/axe.js';

describe('passkeys in the console', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('adds a passkey, signs in with password and passkey, and after removing it asks for a code', async () => {
    const baseUrl = server.url.replace('127.0.0.1', 'localhost');
    const pien = await server.createStaff('counsellor', { username: 'pien', displayName: 'Pien', password: 'pien haar eigen lange zin' });
    const context = await newContext(browser, { ...desktop, bypassCSP: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    });
    const storedOnDevice = async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length;
    const passwordStep = async () => {
      await page.goto(`${baseUrl}/console`);
      await page.getByLabel('Gebruikersnaam').fill('pien');
      await page.getByLabel('Wachtwoord').fill(pien.password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('heading', { name: 'Tweestapsverificatie' }).waitFor();
    };

    // Signed in with her app; no passkey yet, so the code step offers none.
    await signIn(page, baseUrl, 'pien', pien.password);
    await page.getByRole('button', { name: 'Beveiliging' }).click();
    await page.getByRole('heading', { name: 'Passkeys' }).waitFor();
    await page.getByText('Je hebt nog geen passkey.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A name first, before the browser asks for a fingerprint.
    await page.getByLabel('Naam voor een nieuwe passkey').fill('   ');
    await page.getByRole('button', { name: 'Passkey toevoegen' }).click();
    await page.getByText('Geef de passkey eerst een naam.').waitFor();
    expect(await storedOnDevice()).toBe(0);
    await page.getByLabel('Naam voor een nieuwe passkey').fill('Laptop op kantoor');
    await page.getByRole('button', { name: 'Passkey toevoegen' }).click();
    await page.getByText('De passkey “Laptop op kantoor” is toegevoegd.').waitFor();
    const list = page.getByRole('table', { name: 'Mijn passkeys' });
    await list.getByRole('cell', { name: 'Laptop op kantoor', exact: true }).waitFor();
    await list.getByRole('cell', { name: 'Nog niet' }).waitFor();
    expect(await storedOnDevice()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('Je bent uitgelogd.').waitFor();

    // Password, then the passkey instead of a code: the console opens.
    await passwordStep();
    const usePasskey = page.getByRole('button', { name: 'Passkey gebruiken' });
    await usePasskey.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await usePasskey.click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await page.getByRole('button', { name: 'Beveiliging' }).click();
    await list.getByRole('cell', { name: 'Laptop op kantoor', exact: true }).waitFor();
    expect(await list.getByRole('cell', { name: 'Nog niet' }).count()).toBe(0);

    // A sign-in that has fetched its passkey options before the passkey is removed…
    const pending = await page.evaluate(async (password) => {
      const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
      const { challenge } = (await post('/api/auth/login', { username: 'pien', password })) as { challenge: string };
      const { options } = (await post('/api/auth/login/passkey/options', { challenge })) as { options: { challenge: string; rpId: string; allowCredentials: { id: string }[] } };
      return { challenge, options };
    }, pien.password);

    // Removing needs a fresh check; the sign-in's has run out, so she confirms with password
    // and passkey instead of a code…
    await server.app.ctx.repos.store.db.updateTable('staff_sessions').set({ reauth_at: null }).execute();
    await page.getByRole('button', { name: 'Verwijderen Laptop op kantoor' }).click();
    await page.getByRole('heading', { name: 'Bevestig dat jij het bent' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Bevestig liever met een passkey' }).click();
    await page.getByText('Typ eerst je wachtwoord.').waitFor();
    await page.locator('#reauth-password').fill(pien.password);
    await page.getByRole('button', { name: 'Bevestig liever met een passkey' }).click();
    await page.getByText('De passkey “Laptop op kantoor” is verwijderd.').waitFor();
    await page.getByText('Je hebt nog geen passkey.').waitFor();

    // …the device still signs with it, but the server no longer accepts the signature.
    const status = await page.evaluate(async ({ challenge, options }) => {
      const bytes = (b64url: string) => Uint8Array.from(atob(b64url.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
      const text = (buffer: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      const credential = (await navigator.credentials.get({
        publicKey: { challenge: bytes(options.challenge), rpId: options.rpId, allowCredentials: options.allowCredentials.map((c) => ({ id: bytes(c.id), type: 'public-key' as const })) },
      })) as PublicKeyCredential;
      const response = credential.response as AuthenticatorAssertionResponse;
      const res = await fetch('/api/auth/login/passkey', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          challenge,
          credential: {
            id: credential.id,
            rawId: text(credential.rawId),
            type: 'public-key',
            clientExtensionResults: {},
            response: { clientDataJSON: text(response.clientDataJSON), authenticatorData: text(response.authenticatorData), signature: text(response.signature) },
          },
        }),
      });
      return res.status;
    }, pending);
    expect(status).toBe(401);
    expect(await storedOnDevice()).toBe(1);

    // And the next sign-in asks for a code, with no passkey on offer.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await passwordStep();
    await page.getByLabel('Code uit je app of herstelcode').waitFor();
    expect(await usePasskey.count()).toBe(0);
    await context.close();
  });
});
