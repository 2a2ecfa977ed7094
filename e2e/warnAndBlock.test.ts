// A counsellor warns an abusive visitor and then blocks her from the chat itself. The visitor
// reads the warning in plain Dutch, sees the chat end, and after that only a neutral message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, newContext, phone } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { acceptFromQueue, startVisitorChat } from './support/flows.js';
import { signInAs } from './support/session.js';
import { axeViolations } from './support/axe.js';

describe('warning and blocking a visitor from the chat', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('warns in her language, blocks with the chat ended, and she then sees only "not available"', async () => {
    const inge = await server.createStaff('counsellor', { displayName: 'Inge' });
    const visitorContext = await newContext(browser, phone);
    const counsellorContext = await newContext(browser, { ...desktop, bypassCSP: true }); // axe is injected
    const visitor = await visitorContext.newPage();
    const counsellor = await counsellorContext.newPage();
    await signInAs(counsellor, server, inge);
    await startVisitorChat(visitor, server.url, 'Troll');
    await acceptFromQueue(counsellor, 'Troll');
    await visitor.getByRole('heading', { name: 'Je chat met Inge' }).waitFor();

    await counsellor.getByRole('button', { name: 'Waarschuwen of blokkeren' }).click();
    const panel = counsellor.getByRole('group', { name: 'Waarschuwen of blokkeren' });
    expect(await axeViolations(counsellor)).toEqual([]);
    await panel.getByLabel('Waarschuwing', { exact: true }).selectOption('abuse');
    await panel.getByRole('button', { name: 'Waarschuwing sturen' }).click();
    await panel.getByText('Waarschuwing gestuurd.').waitFor();
    await visitor.getByText('Let op: scheld de hulpverlener niet uit en beledig niemand. Ga je door? Dan stoppen we de chat.').waitFor();
    await counsellor.getByText('Waarschuwing gestuurd aan de bezoeker: schelden of beledigen.').waitFor();

    await panel.getByLabel('Reden om te blokkeren').selectOption('abuse');
    await panel.getByLabel('Blokkeren voor').selectOption('24');
    expect(await panel.getByLabel('Chat nu beëindigen').isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Blokkeren', exact: true }).click();
    await visitor.getByText('De hulpverlener heeft de chat gestopt.').waitFor();
    const blocks = await server.app.ctx.repos.store.db.selectFrom('visitor_blocks').selectAll().execute();
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ reason: 'abuse' });
    expect(Number(blocks[0]!.blocked_until) - Number(blocks[0]!.created_at)).toBe(24 * 3_600_000);

    // Starting again (the tab forgot the chat, so only her address for a short while tells her
    // apart): the same neutral words as when the chat is unreachable.
    await visitor.getByRole('button', { name: 'Nieuwe chat starten' }).click();
    await visitor.getByRole('button', { name: 'Start de chat' }).click();
    const skip = visitor.getByRole('button', { name: 'Vragen overslaan' });
    if (await skip.isVisible().catch(() => false)) await skip.click();
    await visitor.getByText('De chat is nu niet bereikbaar.', { exact: false }).waitFor();
    expect(await visitor.getByText('geblokkeerd', { exact: false }).count()).toBe(0);
    await visitorContext.close();
    await counsellorContext.close();
  });
});
