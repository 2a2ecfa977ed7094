// Steps several browser tests share: a counsellor signing in, a visitor starting a chat.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/console`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
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
