// Transfer and end as the visitor sees them: "we are bringing in a colleague" while a chat goes
// back to the queue, and the counsellor's last words on the end screen until she leaves it,
// never again after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, newContext, phone } from './support/browser.js';
import { acceptFromQueue, sendFrom, signIn, startVisitorChat } from './support/flows.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { axeViolations } from './support/axe.js';

describe('what she sees when a chat is handed on or ends', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    ({ browser, server } = await startBrowserAndServer());
  });
  afterAll(async () => {
    await stopBrowserAndServer({ browser, server });
  });

  it('says a colleague is coming during a hand-back, and keeps the last words on the end screen only', async () => {
    const inge = await server.createStaff('counsellor', { displayName: 'Inge' });
    const visitorContext = await newContext(browser, { ...phone, bypassCSP: true });
    const counsellorContext = await newContext(browser, desktop);
    try {
      const visitor = await visitorContext.newPage();
      const counsellor = await counsellorContext.newPage();
      await signIn(counsellor, server.url, inge.username, inge.password);
      await startVisitorChat(visitor, server.url, 'Roos');
      await acceptFromQueue(counsellor, 'Roos');
      await visitor.getByRole('heading', { name: 'Je chat met Inge' }).waitFor();

      // Handed back to the queue: she hears why, not just "you are in the queue".
      await counsellor.getByRole('button', { name: 'Overdragen' }).first().click();
      await counsellor.getByLabel('Aan wie').selectOption('');
      await counsellor.locator('form.c-transfer').getByRole('button', { name: 'Overdragen' }).click();
      await visitor.getByRole('heading', { name: 'We halen een collega erbij' }).waitFor();
      expect(await visitor.getByText('Een andere hulpverlener gaat verder met je chat.', { exact: false }).isVisible()).toBe(true);
      expect(await axeViolations(visitor)).toEqual([]);

      await acceptFromQueue(counsellor, 'Roos');
      await visitor.getByRole('heading', { name: 'Je chat met Inge' }).waitFor();
      await sendFrom(counsellor, 'Bericht aan Roos', 'Bel Fier op 088 208 0000, dag en nacht.');
      await visitor.locator('.v-msg-counsellor', { hasText: '088 208 0000' }).waitFor();
      await counsellor.getByRole('button', { name: 'Chat beëindigen' }).click();
      await counsellor.getByRole('button', { name: 'Ja, beëindigen' }).click();

      await visitor.getByRole('heading', { name: 'De chat is gestopt' }).waitFor();
      const lastWords = visitor.getByRole('region', { name: 'Het laatste bericht van Inge' });
      await lastWords.waitFor();
      expect(await lastWords.textContent()).toContain('Bel Fier op 088 208 0000, dag en nacht.');
      expect(await visitor.locator('.v-messages').count()).toBe(0);
      expect(await visitor.evaluate(() => sessionStorage.length)).toBe(0);
      expect(await axeViolations(visitor)).toEqual([]);

      // A reload (or whoever opens the tab again) finds nothing of it.
      await visitor.reload();
      await visitor.getByRole('button', { name: 'Start de chat' }).waitFor();
      expect(await visitor.content()).not.toContain('088 208 0000');
    } finally {
      await visitorContext.close();
      await counsellorContext.close();
    }
  });
});
