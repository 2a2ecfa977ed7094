// The administrator's audit log screen: a colleague signs in, the administrator finds that
// sign-in by staff member and action with a readable label, pages back, checks the chain and
// downloads the filtered log; a counsellor has no such tab and is refused by the API.
import fs from 'node:fs';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import type { AuditAction } from '../src/domain/audit/auditActions.js';
import { desktop, newContext } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { signIn } from './support/flows.js';
import { axeViolations } from './support/axe.js';

describe('audit log in the console', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('lets an administrator filter, page, verify and export the log; a counsellor sees none of it', async () => {
    const admin = await server.createStaff('admin', { username: 'beheer', displayName: 'Bram' });
    const inge = await server.createStaff('counsellor', { username: 'inge', displayName: 'Inge' });

    // Inge signs in: that is audited. Her console has no audit tab, and the API refuses her.
    const ingeContext = await newContext(browser, desktop);
    const ingePage = await ingeContext.newPage();
    await signIn(ingePage, server.url, inge.username, inge.password);
    await ingePage.getByRole('heading', { name: /Wachtrij/ }).waitFor();
    expect(await ingePage.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button').allTextContents()).not.toContain('Auditlog');
    expect(await ingePage.evaluate(() => Promise.all(['/api/audit', '/api/audit/verify'].map((p) => fetch(p).then((r) => r.status))))).toEqual([403, 403]);
    await ingePage.goto(`${server.url}/console/audit`);
    await ingePage.getByRole('heading', { name: /Wachtrij/ }).waitFor();
    expect(await ingePage.getByRole('heading', { name: 'Auditlog' }).count()).toBe(0);
    await ingeContext.close();

    // A long history of transcript views (to page through) and an action this console does not know.
    const chatId = crypto.randomUUID();
    for (let i = 0; i < 105; i++) {
      await server.app.ctx.repos.audit.append({ at: Date.now() - 3_600_000 + i, staffId: inge.id, action: 'transcript.view', targetType: 'conversation', targetId: chatId });
    }
    await server.app.ctx.repos.audit.append({ at: Date.now(), staffId: null, action: 'future.thing' as AuditAction });

    const context = await newContext(browser, { ...desktop, bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, server.url, admin.username, admin.password);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Auditlog' }).click();
    await page.getByRole('heading', { name: 'Auditlog', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/audit');
    // Newest first: the unknown action shows by its raw name, then the administrator's own sign-in.
    const firstRows = page.locator('tbody tr');
    await firstRows.first().waitFor();
    expect(await firstRows.first().getAttribute('data-action')).toBe('login');
    await page.locator('tr[data-action="future.thing"]').getByText('future.thing').waitFor();
    await page.locator('tr[data-action="future.thing"]').getByText('Systeem').waitFor();

    // Filter by staff member and a single action: Inge's sign-in, with a readable label.
    await page.getByLabel('Medewerker').selectOption({ label: 'Inge (inge)' });
    await page.getByLabel('Actie').selectOption({ label: 'Ingelogd' });
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.getByText('1 item getoond, nieuwste eerst.').waitFor();
    const row = page.locator('tr[data-action="login"]');
    expect(await row.locator('td').allTextContents()).toEqual([expect.stringMatching(/\d{2}:\d{2}:\d{2}/), 'inge', 'Ingelogd', '–', 'factor: totp']);
    expect(await axeViolations(page)).toEqual([]);

    // The whole sign-in group: the password step too.
    await page.getByLabel('Actie').selectOption({ label: 'Alles bij: Inloggen en sessies' });
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.getByText('2 items getoond, nieuwste eerst.').waitFor();
    expect(await page.locator('tbody tr td:nth-child(3)').allTextContents()).toEqual(['Ingelogd', 'Wachtwoord goed, code gevraagd']);

    // By conversation, short id as shown on screen; 100 at a time, then "load older".
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await page.getByLabel('Gesprek-ID').fill(chatId.slice(0, 8));
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.getByText('100 items getoond, nieuwste eerst.').waitFor();
    expect(await page.locator('tbody tr').first().locator('td').nth(3).textContent()).toBe(`Gesprek ${chatId.slice(0, 8)}`);
    await page.getByRole('button', { name: 'Oudere items laden' }).click();
    await page.getByText('105 items getoond, nieuwste eerst.').waitFor();
    expect(await page.getByRole('button', { name: 'Oudere items laden' }).count()).toBe(0);

    // A date range counts whole days in the administrator's time zone.
    const day = (offset: number) => {
      const d = new Date(Date.now() + offset * 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    await page.getByLabel('Van (datum)').fill(day(1));
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.getByText('Geen items voor dit filter.').waitFor();
    await page.getByLabel('Van (datum)').fill(day(-1));
    await page.getByLabel('Tot en met (datum)').fill(day(1));
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.getByText('100 items getoond, nieuwste eerst.').waitFor();

    // The chain is intact.
    await page.getByRole('button', { name: 'Keten controleren' }).click();
    const total = await server.app.ctx.repos.audit.verifyChain();
    await page.getByText(`De keten is intact: ${total.entries} items gecontroleerd.`).waitFor();

    // Download what the filter shows, conversation and dates (she signed in minutes ago, so no
    // second check); the export is in the log itself.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV downloaden' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^baken-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(csv).toHaveLength(106);
    expect(csv[1]).toContain(',inge,transcript.view,conversation,');
    await page.getByText('De CSV is gedownload.').waitFor();
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await page.locator('tr[data-action="audit.exported"]').getByText('Auditlog geëxporteerd').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Complete in English too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.locator('tr[data-action="audit.exported"]').getByText('Audit log exported').waitFor();
    await page.getByLabel('Action').selectOption({ label: 'All of: Transcript access' });
    await context.close();
  });
});
