// The supervisor's live board: the queue and the counsellors, a priority changed by hand,
// a whisper the counsellor gets and the visitor never sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { connected, nextEvent, request } from '../src/server/testing/testServer.js';
import { startVisitorChat as startBySocket, unwrap } from '../src/server/testing/chatScenario.js';
import type { Ack } from '../src/protocol/ack.js';
import { newContext, phone, desktop } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { axeViolations } from './support/axe.js';
import { startVisitorChat } from './support/flows.js';
import { signInAs } from './support/session.js';

describe('supervisor board', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('shows queue and counsellors live, changes a priority, and whispers unseen by the visitor', async () => {
    const inge = await server.createStaff('counsellor', { displayName: 'Inge' });
    const { cookie } = await server.login(inge.username, inge.password);
    const counsellor = server.staff(cookie);
    await connected(counsellor);

    const visitorContext = await newContext(browser, phone);
    const visitor = await visitorContext.newPage();
    await startVisitorChat(visitor, server.url, 'Roos');
    const roos = (await server.app.ctx.repos.conversations.listQueued()).find((c) => c.nickname === 'Roos')!;
    unwrap(await request<Ack<unknown>>(counsellor, 'conversation:accept', { conversationId: roos.id }));
    await visitor.getByRole('heading', { name: 'Je chat met Inge' }).waitFor();

    const boss = await server.createStaff('supervisor', { displayName: 'Baas' });
    const page = await (await newContext(browser, { ...desktop, bypassCSP: true })).newPage();
    await signInAs(page, server, boss, '/console/board');
    await page.getByRole('heading', { name: 'Overzicht' }).waitFor();
    await page.locator('tr[data-counsellor="Inge"]').getByText('Beschikbaar').waitFor();
    expect(await page.locator('tr[data-counsellor="Inge"] td').nth(2).textContent()).toBe('1/3');

    // Someone new arrives: the board shows it without a reload.
    await startBySocket(server, 'Sam');
    const samRow = page.locator('#board-queue ~ * tr', { hasText: 'Sam' });
    await samRow.waitFor();
    await samRow.getByText('Prioriteit: Normaal').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Prioriteit van Sam').selectOption('critical');
    await samRow.getByText('Prioriteit: Acuut').waitFor();
    await samRow.getByText('met de hand gezet', { exact: false }).waitFor();
    await page.locator('li[data-priority="critical"] .c-tile-number', { hasText: '1' }).waitFor();

    // Read along silently and whisper; the counsellor gets it, the visitor never does.
    const whispered = nextEvent<{ note: { kind: string; body: string } }>(counsellor, 'note');
    await page.getByRole('button', { name: 'Stil meelezen in chat met Roos' }).click();
    await page.getByRole('heading', { name: 'Je leest mee in de chat met Roos' }).waitFor();
    await page.getByLabel('Fluisteren naar de hulpverlener (alleen zij ziet dit)').fill('FLUISTER-42: vraag naar school');
    await page.getByRole('button', { name: 'Fluisteren', exact: true }).click();
    await page.locator('.c-note-whisper', { hasText: 'FLUISTER-42' }).waitFor();
    expect((await whispered).note).toMatchObject({ kind: 'whisper', body: 'FLUISTER-42: vraag naar school' });
    expect(await axeViolations(page)).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await visitor.content()).not.toContain('FLUISTER-42');

    // Busy mode by hand.
    await page.getByRole('radio', { name: 'Aan' }).check();
    await expect.poll(async () => (await server.app.ctx.repos.settings.get()).busy).toBe(true);
    await visitorContext.close();
  });
});
