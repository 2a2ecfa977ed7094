// A counsellor's console whose session runs out idle shows the sign-in page at that moment, and
// the chat's messages stop arriving; it does not wait for her next click.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { TestClock } from '../src/server/testing/testClock.js';
import { desktop, launchBrowser, newContext, phone } from './support/browser.js';
import { startE2EServer } from './support/server.js';
import { acceptFromQueue, sendFrom, signIn, startVisitorChat } from './support/flows.js';

describe('an idle console ends with its session', () => {
  let browser: Browser;
  let server: TestServer;
  // Real time until the jump, so TOTP codes and timers behave; then 31 minutes at once.
  const clock = new TestClock(Date.now());
  const ticking = setInterval(() => (clock.t += 100), 100);
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2EServer({}, clock);
  });
  afterAll(async () => {
    clearInterval(ticking);
    await browser?.close();
    await server?.close();
  });

  it('shows the sign-in page with a notice, and hears nothing more of the chat', async () => {
    const inge = await server.createStaff('counsellor', { displayName: 'Inge' });
    const visitorContext = await newContext(browser, phone);
    const counsellorContext = await newContext(browser, desktop);
    try {
      const visitor = await visitorContext.newPage();
      const counsellor = await counsellorContext.newPage();
      await signIn(counsellor, server.url, inge.username, inge.password);
      await startVisitorChat(visitor, server.url, 'Roos');
      await acceptFromQueue(counsellor, 'Roos');
      await sendFrom(visitor, 'Jouw bericht', 'ben je er nog');
      await counsellor.locator('.c-msg-visitor', { hasText: 'ben je er nog' }).waitFor();

      clock.t += 31 * 60_000;
      expect(await server.app.sessionWatch.sweep()).toBe(1);
      await counsellor.getByText('Je sessie is beëindigd. Log opnieuw in.').waitFor();
      expect(await counsellor.getByRole('button', { name: 'Inloggen' }).isVisible()).toBe(true);
      await sendFrom(visitor, 'Jouw bericht', 'dit mag zij niet meer zien');
      await new Promise((r) => setTimeout(r, 300));
      expect(await counsellor.getByText('dit mag zij niet meer zien').count()).toBe(0);
    } finally {
      await visitorContext.close();
      await counsellorContext.close();
    }
  });
});
