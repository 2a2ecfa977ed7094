// Notices a night shift needs: the title counts what waits for her, a chime sounds, and a desktop
// notification says what happened without a word of the chat; keyboard shortcuts do the usual steps.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../src/server/testing/testServer.js';
import { desktop, launchBrowser, newContext, phone } from './support/browser.js';
import { ensureBuilt } from './support/server.js';
import { axeViolations } from './support/axe.js';
import { sendFrom, startVisitorChat } from './support/flows.js';
import { signInAs } from './support/session.js';

interface Recorded {
  notices: { title: string; body: string; tag: string }[];
  chimes: number;
  permissionAsked: number;
}

/** Runs before the console's code: records every Notification made, every tone started, every permission request. */
function recordNotices(): void {
  const w = window as unknown as { __recorded: Recorded };
  w.__recorded = { notices: [], chimes: 0, permissionAsked: 0 };
  const Original = window.Notification;
  if (Original) {
    class RecordedNotification extends Original {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        w.__recorded.notices.push({ title, body: options?.body ?? '', tag: options?.tag ?? '' });
      }
      static override get permission() {
        return Original.permission;
      }
      static override requestPermission() {
        w.__recorded.permissionAsked++;
        return Original.requestPermission();
      }
    }
    window.Notification = RecordedNotification;
  }
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
    w.__recorded.chimes++;
    return start.apply(this, args);
  };
}

/**
 * Headless Chromium answers "denied" for a site never asked; this stands in for a desktop browser
 * that has not been asked yet and says yes when asked.
 */
function notYetAsked(): void {
  let permission: NotificationPermission = 'default';
  const Real = window.Notification;
  class NotAsked extends Real {
    static override get permission() {
      return permission;
    }
    static override requestPermission() {
      permission = 'granted';
      return Promise.resolve(permission);
    }
  }
  window.Notification = NotAsked;
}

const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __recorded: Recorded }).__recorded);

describe('console notices and shortcuts', () => {
  let browser: Browser;
  let server: TestServer;
  let visitorContext: BrowserContext;
  let counsellorContext: BrowserContext;
  let counsellor: Page;

  beforeAll(async () => {
    ensureBuilt();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function start(routingMode: 'manual' | 'automatic', permissions: string[] = ['notifications'], notAsked = false): Promise<void> {
    server = await startTestServer({ dialect: 'sqlite', env: { WEB_DIR: 'dist/web' }, routingMode });
    const inge = await server.createStaff('counsellor', { displayName: 'Inge' });
    visitorContext = await newContext(browser, phone);
    counsellorContext = await newContext(browser, { ...desktop, bypassCSP: true, permissions });
    if (notAsked) await counsellorContext.addInitScript(notYetAsked);
    await counsellorContext.addInitScript(recordNotices);
    counsellor = await counsellorContext.newPage();
    await signInAs(counsellor, server, inge);
    // Sound needs a first click or key press on the page, as a person signing in makes.
    await counsellor.getByRole('heading', { name: 'Mijn chats' }).click();
  }
  async function visitor(nickname: string): Promise<Page> {
    const page = await visitorContext.newPage();
    await startVisitorChat(page, server.url, nickname);
    return page;
  }
  const pickFromQueue = async (nickname: string) => {
    await counsellor.getByRole('button', { name: `Chat met ${nickname} aannemen` }).click();
    await counsellor.getByRole('heading', { name: `Gesprek met ${nickname}` }).waitFor();
  };

  afterEach(async () => {
    await visitorContext?.close();
    await counsellorContext?.close();
    await server?.close();
  });

  it('counts waiting chats and unread messages in the title, chimes, and notifies without the message or a name', async () => {
    await start('manual');
    await expect.poll(() => counsellor.title()).toBe('Baken console');
    // Allowed through the browser already: no button to ask, a switch to turn them off.
    expect(await counsellor.getByLabel('Bureaubladmeldingen').isChecked()).toBe(true);

    const anna = await visitor('Anna');
    await expect.poll(() => counsellor.title()).toBe('(1) Baken console');
    await visitor('Bo');
    await expect.poll(() => counsellor.title()).toBe('(2) Baken console');
    expect((await recorded(counsellor)).notices.map((n) => n.body)).toEqual(['Nieuwe chat in de wachtrij', 'Nieuwe chat in de wachtrij']);

    await pickFromQueue('Anna');
    await pickFromQueue('Bo');
    await expect.poll(() => counsellor.title()).toBe('Baken console');
    const chimesBefore = (await recorded(counsellor)).chimes;
    expect(chimesBefore).toBeGreaterThan(0);

    // Bo's chat is in view; Anna writes something she would not want on a screen.
    await sendFrom(anna, 'Jouw bericht', 'Ik woon bij Karel in de Dorpsstraat');
    await expect.poll(() => counsellor.title()).toBe('(1) Baken console');
    await counsellor.getByRole('button', { name: /Anna/ }).getByText('1 ongelezen bericht').waitFor();
    const after = await recorded(counsellor);
    expect(after.notices.at(-1)).toEqual({ title: 'Baken console', body: 'Nieuw bericht in een chat', tag: 'baken-message' });
    expect(after.chimes).toBeGreaterThan(chimesBefore);
    const everything = JSON.stringify(after.notices);
    for (const secret of ['Karel', 'Dorpsstraat', 'woon', 'Anna', 'Bo']) expect(everything).not.toContain(secret);

    // Sound off, remembered over a reload: the next message counts but makes no sound.
    await counsellor.getByLabel('Geluid bij een nieuwe chat, een aanbod of een nieuw bericht').uncheck();
    await counsellor.reload();
    await counsellor.getByRole('heading', { name: 'Mijn chats' }).click();
    expect(await counsellor.getByLabel('Geluid bij een nieuwe chat, een aanbod of een nieuw bericht').isChecked()).toBe(false);
    await counsellor.getByRole('button', { name: /Bo/ }).click();
    await sendFrom(anna, 'Jouw bericht', 'nog iets');
    await expect.poll(() => counsellor.title()).toBe('(1) Baken console');
    await expect.poll(async () => (await recorded(counsellor)).notices.length).toBe(1);
    expect((await recorded(counsellor)).chimes).toBe(0);

    // A message while she looks at another console tab is unread too; the chats tab shows it read.
    await counsellor.getByRole('button', { name: /Anna/ }).click();
    await expect.poll(() => counsellor.title()).toBe('Baken console');
    await counsellor.getByRole('button', { name: 'Beveiliging' }).click();
    await sendFrom(anna, 'Jouw bericht', 'ben je er nog');
    await expect.poll(() => counsellor.title()).toBe('(1) Baken console');
    await counsellor.getByRole('button', { name: 'Chats' }).click();
    await expect.poll(() => counsellor.title()).toBe('Baken console');
    expect(await axeViolations(counsellor)).toEqual([]);
  });

  it('asks for desktop notifications only when she presses the button', async () => {
    await start('manual', [], true);
    const ask = counsellor.getByRole('button', { name: 'Bureaubladmeldingen aanzetten' });
    await ask.waitFor();
    expect((await recorded(counsellor)).permissionAsked).toBe(0);
    await ask.click();
    await expect.poll(async () => (await recorded(counsellor)).permissionAsked).toBe(1);
    await counsellor.getByLabel('Bureaubladmeldingen').waitFor();
    expect(await counsellor.getByLabel('Bureaubladmeldingen').isChecked()).toBe(true);
    expect(await ask.count()).toBe(0);
  });

  it('accepts, switches, focuses the message box and ends with Alt shortcuts; "?" lists them', async () => {
    await start('manual');
    await visitor('Anna');
    await counsellor.getByRole('button', { name: 'Chat met Anna aannemen' }).waitFor();
    await counsellor.keyboard.press('Alt+KeyA');
    await counsellor.getByRole('heading', { name: 'Gesprek met Anna' }).waitFor();
    const composer = counsellor.getByLabel('Bericht aan Anna');
    // Plain letters and "?" are text in the message box, never a shortcut.
    await composer.pressSequentially('na?');
    expect(await composer.inputValue()).toBe('na?');
    expect(await counsellor.getByRole('dialog').count()).toBe(0);
    await composer.fill('');

    const bo = await visitor('Bo');
    await counsellor.getByRole('button', { name: 'Chat met Bo aannemen' }).waitFor();
    await counsellor.keyboard.press('Alt+KeyA');
    await counsellor.getByRole('heading', { name: 'Gesprek met Bo' }).waitFor();
    await counsellor.keyboard.press('Alt+KeyN');
    await counsellor.getByRole('heading', { name: 'Gesprek met Anna' }).waitFor();
    await counsellor.keyboard.press('Alt+KeyN');
    await counsellor.getByRole('heading', { name: 'Gesprek met Bo' }).waitFor();

    await counsellor.getByRole('log').focus();
    await counsellor.keyboard.press('Alt+KeyM');
    await expect.poll(() => counsellor.evaluate(() => document.activeElement?.id)).toBe('c-composer');

    await counsellor.getByRole('log').focus();
    await counsellor.keyboard.press('?');
    const help = counsellor.getByRole('dialog', { name: 'Sneltoetsen' });
    await help.waitFor();
    await help.getByRole('row', { name: /Alt\+E Chat beëindigen/ }).waitFor();
    expect(await axeViolations(counsellor)).toEqual([]);
    await counsellor.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // Ending asks first; the confirmation has focus, so Enter confirms.
    await counsellor.keyboard.press('Alt+KeyE');
    await counsellor.getByText('Deze chat echt beëindigen?').waitFor();
    await expect.poll(() => counsellor.evaluate(() => document.activeElement?.textContent)).toBe('Ja, beëindigen');
    await counsellor.keyboard.press('Enter');
    await bo.getByText('De hulpverlener heeft de chat gestopt.').waitFor();
  });

  it('announces an offer made to her, and Alt+A accepts it', async () => {
    await start('automatic');
    await visitor('Lina');
    await counsellor.getByRole('region', { name: 'Nieuwe chat voor jou' }).waitFor();
    await expect.poll(async () => (await recorded(counsellor)).notices.map((n) => n.body)).toContain('Er wordt je een chat aangeboden');
    await expect.poll(() => counsellor.title()).toBe('(1) Baken console');
    await counsellor.keyboard.press('Alt+KeyA');
    await counsellor.getByRole('heading', { name: 'Gesprek met Lina' }).waitFor();
    await expect.poll(() => counsellor.title()).toBe('Baken console');
  });
});
