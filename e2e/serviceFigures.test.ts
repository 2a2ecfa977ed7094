// A supervisor opens "Cijfers" in real Chromium: yesterday's seeded chats show as the day's
// figures (arrivals, answers within 1/5/15 minutes, waits, a protected count of visitors who gave
// up, chat length), the occupancy, the hour-of-week heatmap, the closed hours and the hour the
// queue was full, and the CSV downloads with the same numbers; the page passes axe. A counsellor
// has no such tab.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { amsterdamWallTimeToInstant } from '../src/domain/schedule/openingHours.js';
import { desktop, newContext } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { signInAs } from './support/session.js';
import { axeViolations } from './support/axe.js';

const MIN = 60_000;
/** Yesterday in Amsterdam, YYYY-MM-DD. */
const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() - 86_400_000));
const [y, m, d] = day.split('-').map(Number) as [number, number, number];
const at = (hour: number, minute = 0) => amsterdamWallTimeToInstant(y, m, d, hour * 60 + minute);
/** Monday 0 … Sunday 6. */
const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;

describe('the service figures page', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    ({ browser, server } = await startBrowserAndServer());
    const anna = await server.createStaff('counsellor', { displayName: 'Anna' });
    const db = server.app.ctx.repos.store.db;
    // 23 chats from 10:00, two minutes apart: ten answered after 30 s, ten after 3 minutes (each
    // lasting 10 minutes), three given up after 2 minutes. Anna was on duty 09:00–13:00.
    const rows = Array.from({ length: 23 }, (_, i) => {
      const createdAt = at(10, i * 2);
      const wait = i < 10 ? 30_000 : i < 20 ? 3 * MIN : null;
      const acceptedAt = wait === null ? null : createdAt + wait;
      return {
        id: crypto.randomUUID(),
        visitor_token_hash: crypto.randomBytes(32).toString('hex'),
        wrapped_key: '',
        language: 'nl',
        status: 'closed',
        counsellor_id: acceptedAt === null ? null : anna.id,
        end_reason: acceptedAt === null ? 'abandoned' : 'visitor',
        last_seq: 0,
        created_at: createdAt,
        accepted_at: acceptedAt,
        ended_at: acceptedAt === null ? createdAt + 2 * MIN : acceptedAt + 10 * MIN,
        priority: 'normal',
      };
    });
    await db.insertInto('conversations').values(rows).execute();
    await db
      .insertInto('counsellor_status_changes')
      .values([
        { staff_id: anna.id, at: at(9), status: 'available' },
        { staff_id: anna.id, at: at(13), status: 'offline' },
      ])
      .execute();
    // Open 09:00–17:00 on that weekday only; at most two may wait at once.
    const weekdayName = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
    await server.app.ctx.repos.settings.update({ availability: 'auto', queueCap: 2, openingHours: { timeZone: 'Europe/Amsterdam', weekly: [{ day: weekdayName, start: '09:00', end: '17:00' }], exceptions: [] } }, null, Date.now());
  });
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('shows a supervisor the day’s figures with protected small counts, and downloads them as CSV', async () => {
    const supervisor = await server.createStaff('supervisor', { displayName: 'Coördinator' });
    const context = await newContext(browser, { ...desktop, bypassCSP: true });
    const page = await context.newPage();
    await signInAs(page, server, supervisor);
    await page.getByRole('navigation').getByRole('button', { name: 'Cijfers' }).click();
    await page.getByRole('heading', { name: 'Cijfers van de dienst' }).waitFor();
    await page.getByLabel('Per', { exact: true }).selectOption('day');
    await page.getByLabel('Van (datum)').fill(day);
    await page.getByLabel('Tot en met (datum)').fill(day);
    await page.getByRole('button', { name: 'Tonen' }).click();

    const row = page.locator(`table[data-table="periods"] tr[data-period="${day}"]`);
    await row.waitFor();
    const cell = (column: string) => row.locator(`td[data-column="${column}"]`).textContent();
    expect(await cell('arrivals')).toBe('23');
    expect(await cell('answered')).toBe('20');
    expect(await cell('within1')).toBe('43%');
    expect(await cell('within5')).toBe('87%');
    expect(await cell('waitP90')).toBe('3 min');
    expect(await cell('chatLength')).toBe('10 min');
    // Three who gave up: too few to show, and the page says what the mark means.
    expect(await cell('abandoned')).toBe('<5');
    expect(await row.locator('td[data-column="abandoned"]').getAttribute('data-suppressed')).toBe('true');
    await page.getByText('<5: 1 tot en met 4.').waitFor();
    expect(await page.getByRole('img', { name: 'Binnengekomen chats per dag' }).locator(`[data-bar="${day}"]`).textContent()).toMatch(/23$/);
    expect(await page.getByRole('img', { name: 'Bezetting per dag' }).locator(`[data-bar="${day}"]`).textContent()).toMatch(/83%$/);

    const occupancy = page.locator(`table[data-table="occupancy"] tr[data-period="${day}"]`);
    expect(await occupancy.locator('td[data-column="hours"]').textContent()).toBe('4');
    expect(await occupancy.locator('td[data-column="occupancy"]').textContent()).toBe('83%');
    const heat = page.getByRole('table', { name: /Binnengekomen chats per weekdag en uur/ });
    expect(await heat.locator(`tr[data-weekday="${weekday}"] td[data-hour="10"]`).textContent()).toBe('23');
    expect(await heat.locator(`tr[data-weekday="${weekday}"] td[data-hour="9"]`).textContent()).toBe('0');
    // Closed 16 hours that day by the opening hours; the queue of two was full in the 10:00 hour
    // (from 10:20 each visitor waited three minutes, so two waited at once).
    const hours = page.locator(`table[data-table="hours"] tr[data-period="${day}"]`);
    expect(await hours.locator('td[data-column="closed"]').textContent()).toBe('16');
    expect(await hours.locator('td[data-column="full"]').textContent()).toBe('1');
    await page.getByText('Gesloten periodes (2)').click();
    expect(await page.locator('[data-list="full-queue"] li').allTextContents()).toEqual([expect.stringMatching(/10:00 tot .*11:00$/)]);
    expect(await axeViolations(page)).toEqual([]);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe(`baken-figures-day-${day}-${day}.csv`);
    const lines = fs.readFileSync((await csv.path())!, 'utf8').trim().split('\r\n');
    expect(lines[0]!.startsWith('period,priority,arrivals,answered')).toBe(true);
    expect(lines).toContain(`${day},all,23,20,0.435,0.870,0.870,1,3,<5,–,10`);
    await context.close();
  });

  it('has no figures tab for a counsellor', async () => {
    const counsellor = await server.createStaff('counsellor');
    const context = await newContext(browser, desktop);
    const page = await context.newPage();
    await signInAs(page, server, counsellor);
    await page.getByRole('navigation').getByRole('button').first().waitFor();
    expect(await page.getByRole('navigation').getByRole('button', { name: 'Cijfers' }).count()).toBe(0);
    await context.close();
  });
});
