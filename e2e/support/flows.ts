// Steps several browser tests share: a counsellor signing in, a visitor starting a chat.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { nextSecondFactor, rememberTestTotp, testTotpFor, totpCode } from '../../src/server/testing/testMfa.js';

/**
 * Signs in through both steps: password, then a code computed from the account's TOTP secret
 * (known to the test helper for accounts made by createStaff). An account that is not enrolled
 * yet goes through enrolment: the secret is read off the screen, like a person would type it
 * into an authenticator app, and kept for later sign-ins. An account with a temporary password
 * (made by an administrator, or reset) then chooses `newPassword`.
 */
export async function signIn(page: Page, baseUrl: string, username: string, password: string, newPassword?: string): Promise<void> {
  await page.goto(`${baseUrl}/console`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const codeField = page.getByLabel('Code uit je app of herstelcode');
  const secret = page.locator('[data-secret]');
  await codeField.or(secret).waitFor();
  if (await secret.isVisible()) {
    await enrolInBrowser(page, baseUrl, username);
  } else {
    const entry = testTotpFor(baseUrl, username);
    if (!entry) throw new Error(`no TOTP secret known for ${username}`);
    await codeField.fill(nextSecondFactor(entry, Date.now()));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
  }
  const signedIn = page.getByRole('button', { name: 'Uitloggen' });
  const ownPassword = page.getByRole('heading', { name: 'Kies je eigen wachtwoord' });
  await signedIn.or(ownPassword).waitFor();
  if (await ownPassword.isVisible()) {
    if (!newPassword) throw new Error(`${username} signs in with a temporary password: pass the new one`);
    await chooseOwnPassword(page, newPassword);
  }
  await signedIn.waitFor();
}

/** The last step of signing in with a temporary password: her own, twice. */
export async function chooseOwnPassword(page: Page, newPassword: string): Promise<void> {
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(newPassword);
  await page.getByLabel('Nieuw wachtwoord nog een keer').fill(newPassword);
  await page.getByRole('button', { name: 'Wachtwoord opslaan en verder' }).click();
}

/** On the enrolment screen: reads the secret, types the app's code, keeps the recovery codes. */
export async function enrolInBrowser(page: Page, baseUrl: string, username: string): Promise<string[]> {
  const secret = (await page.locator('[data-secret]').getAttribute('data-secret'))!;
  const entry = rememberTestTotp(baseUrl, username, secret);
  const now = Date.now();
  entry.lastStep = Math.floor(now / 30_000);
  await page.getByLabel('Code van 6 cijfers').fill(totpCode(secret, now));
  await page.getByRole('button', { name: 'Instellen en inloggen' }).click();
  const list = page.getByRole('list', { name: 'Herstelcodes' });
  await list.waitFor();
  const codes = (await list.locator('code').allTextContents()).map((c) => c.trim());
  entry.recoveryCodes.push(...codes);
  await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
  return codes;
}

export async function startVisitorChat(page: Page, baseUrl: string, nickname: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Hoe mogen we je noemen?').fill(nickname);
  await page.getByRole('button', { name: 'Start de chat' }).click();
  await page.getByRole('button', { name: 'Vragen overslaan' }).click(); // the optional pre-chat step
  await page.getByRole('heading', { name: 'Je bent in de wachtrij' }).waitFor();
}

export async function acceptFromQueue(page: Page, nickname: string): Promise<void> {
  await page.getByRole('button', { name: `Chat met ${nickname} aannemen` }).click();
  await page.getByRole('heading', { name: `Gesprek met ${nickname}` }).waitFor();
}

/** Every message body in a transcript, in screen order (stored and pending). */
export async function transcript(page: Page, selector: string): Promise<string[]> {
  return page.locator(`${selector} .plain-text`).allTextContents();
}

export async function sendFrom(page: Page, composerLabel: RegExp | string, text: string): Promise<void> {
  const box = page.getByLabel(composerLabel);
  await box.fill(text);
  await box.press('Enter');
  expect(await box.inputValue()).toBe('');
}

/**
 * Picks a language on the visitor page, by the list's accessible name in the page's current
 * language (as she finds it) and the language's own name (as she reads it).
 */
export async function chooseVisitorLanguage(page: Page, ownName: string): Promise<void> {
  const names = /^(Taal|Language|Język|Limba|Език|Мова|اللغة)$/;
  await page.getByRole('combobox', { name: names }).selectOption({ label: ownName });
  await expect.poll(() => page.getByRole('combobox', { name: names }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(ownName);
}
