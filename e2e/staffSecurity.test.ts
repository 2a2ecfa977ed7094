// Two-step sign-in in the console: a new account enrols (secret shown once, recovery codes
// shown once), signs out, signs in again with a code from the app; a wrong code is refused;
// a recovery code works once; her sessions page lists the session she is in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { nextSecondFactor, testTotpFor } from '../src/server/testing/testMfa.js';
import { desktop, newContext } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { enrolInBrowser } from './support/flows.js';
import { decodeQrPixels } from '../src/server/testing/decodeQr.js';

/** Reads a QR code off a screenshot, as a phone's camera would: the pixels, decoded by jsQR. */
async function scanQr(browser: Browser, png: Buffer): Promise<string | null> {
  const page = await browser.newPage();
  try {
    const { width, height, data } = await page.evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.naturalWidth, image.naturalHeight];
      const g = canvas.getContext('2d')!;
      g.drawImage(image, 0, 0);
      return { width: canvas.width, height: canvas.height, data: Array.from(g.getImageData(0, 0, canvas.width, canvas.height).data) };
    }, `data:image/png;base64,${png.toString('base64')}`);
    return decodeQrPixels(Uint8ClampedArray.from(data), width, height);
  } finally {
    await page.close();
  }
}

describe('two-step sign-in in the console', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('enrols on first sign-in, then asks for a code; a wrong code is refused, a recovery code works once', async () => {
    const noor = await server.createStaff('counsellor', { username: 'noor', displayName: 'Noor', password: 'noor haar eigen lange zin', enrolled: false });
    const context = await newContext(browser, desktop);
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused/.test(m.text())) cspErrors.push(m.text());
    });
    const passwordStep = async () => {
      await page.goto(`${server.url}/console`);
      await page.getByLabel('Gebruikersnaam').fill('noor');
      await page.getByLabel('Wachtwoord').fill(noor.password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
    };

    await passwordStep();
    await page.getByRole('heading', { name: 'Tweestapsverificatie instellen' }).waitFor();
    // The secret is shown for typing into an app, together with the otpauth:// address.
    const secret = await page.locator('[data-secret]').getAttribute('data-secret');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.locator('.c-secret-uri').textContent()).toContain(`secret=${secret}`);
    // And as a QR code to scan: what the screen shows decodes to the same address.
    const qr = page.getByRole('img', { name: 'QR-code voor je authenticator-app' });
    await qr.waitFor();
    expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
    expect(await scanQr(browser, await qr.screenshot())).toBe(await page.locator('.c-secret-uri').textContent());
    // Drawn as an element from the page's own code: nothing the CSP (img-src 'self') refuses.
    expect(cspErrors).toEqual([]);
    await page.getByLabel('Code van 6 cijfers').fill('000000');
    await page.getByRole('button', { name: 'Instellen en inloggen' }).click();
    await page.getByText('Deze code klopt niet.').waitFor();
    const codes = await enrolInBrowser(page, server.url, 'noor');
    expect(codes).toHaveLength(10);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('Je bent uitgelogd.').waitFor();

    // Second sign-in: password, then a code. No session exists before the code.
    await passwordStep();
    await page.getByRole('heading', { name: 'Tweestapsverificatie' }).waitFor();
    expect(await context.cookies()).toEqual([]);
    const codeField = page.getByLabel('Code uit je app of herstelcode');
    await codeField.fill('123456');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText('Deze code klopt niet.').waitFor();
    await codeField.fill(nextSecondFactor(testTotpFor(server.url, 'noor')!, Date.now()));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();

    // Her sessions page shows this session.
    await page.getByRole('button', { name: 'Beveiliging' }).click();
    await page.getByRole('heading', { name: 'Mijn sessies' }).waitFor();
    await page.getByText('(Deze sessie)').waitFor();
    await page.getByText('Je hebt nog 10 ongebruikte herstelcodes.').waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('Je bent uitgelogd.').waitFor();

    // A recovery code signs her in once.
    await passwordStep();
    await codeField.fill(codes[0]!);
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await passwordStep();
    await codeField.fill(codes[0]!);
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText('Deze code klopt niet.').waitFor();
    await context.close();
  });
});
