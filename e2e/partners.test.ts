// Partners in the browser: a partner page on another origin shows an inline badge with the
// chat's live status, which follows the service (and pauses while the page is hidden); the
// widget's data-source is counted per day and source, never on the chat; an administrator
// keeps the referral tokens and prints a poster with a QR code; the reports area shows the
// visibility table per source, protected like the monitor.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { connected, request } from '../src/server/testing/testServer.js';
import { decodeQrPath } from '../src/server/testing/decodeQr.js';
import { desktop, launchBrowser, newContext, phone } from './support/browser.js';
import { startE2EServer } from './support/server.js';
import { startOtherSite, type OtherSite } from './support/otherSite.js';
import { signInAs } from './support/session.js';
import { axeViolations } from './support/axe.js';

describe('partners', () => {
  let browser: Browser;
  let partner: OtherSite;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let bakenUrl = '';

  const policy = () => ({
    'content-security-policy': `default-src 'self'; script-src ${bakenUrl}; frame-src ${bakenUrl}; connect-src ${bakenUrl}; style-src 'self'; img-src 'self'`,
  });
  const partnerPage = (body: string, scriptAttributes: string) => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Jongerenwerk West</title></head>
<body><main><h1>Jongerenwerk West</h1>${body}</main>
<script src="${bakenUrl}/embed.js" defer ${scriptAttributes}></script></body></html>`;

  beforeAll(async () => {
    browser = await launchBrowser();
    partner = await startOtherSite({
      // Only the badge, in the partner's own text: no floating button.
      '/badge': { body: () => partnerPage('<p>Wil je praten? <span data-baken-badge data-source="school-west"></span></p>', 'data-launcher="off"'), headers: policy },
      '/widget': { body: () => partnerPage('<p>Wil je praten?</p>', 'data-source="school-west"'), headers: policy },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await partner?.close();
  });
  beforeEach(async () => {
    server = await startE2EServer({ PARTNER_ORIGINS: partner.origin });
    bakenUrl = server.url;
    context = await newContext(browser, { ...phone, bypassCSP: false });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  /** A counsellor on duty with a free place: the chat is plainly open. */
  async function counsellorOnDuty(): Promise<void> {
    const account = await server.createStaff('counsellor');
    const socket = server.staff((await server.login(account.username, account.password)).cookie);
    await connected(socket);
    await request(socket, 'status:set', { status: 'available' });
  }

  it('shows the badge with the live status on a partner page elsewhere, follows the service closing, and rests while hidden', async () => {
    await counsellorOnDuty();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    let statusRequests = 0;
    page.on('request', (r) => {
      if (r.url() === `${bakenUrl}/api/status`) statusRequests += 1;
    });
    // With routing on, Playwright leaves the HTTP cache out: the fake clock below moves minutes
    // that the browser's cache (30 s) never sees pass.
    await context.route(`${bakenUrl}/api/status`, (route) => route.continue());
    await page.clock.install();
    await page.goto(`${partner.origin}/badge`);

    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toBe('Nu open');
    const link = page.getByRole('link', { name: 'Chat anoniem met een hulpverlener' });
    expect(await link.getAttribute('href')).toBe(`${bakenUrl}/?lang=nl&via=school-west`);
    expect(await page.getByRole('button').count()).toBe(0); // no floating button on this page
    expect(await context.cookies()).toEqual([]);

    // A supervisor closes the chat; within a minute the partner's page says so.
    await server.app.ctx.repos.settings.update({ availability: 'closed' }, null, Date.now());
    await page.clock.fastForward(60_000);
    await expect.poll(() => status.textContent()).toBe('Nu gesloten');

    // While the page is hidden (another tab in front) nothing is asked; back in view, at once.
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const before = statusRequests;
    await server.app.ctx.repos.settings.update({ availability: 'open', busy: true }, null, Date.now());
    await page.clock.fastForward(5 * 60_000);
    await page.waitForTimeout(300);
    expect(statusRequests).toBe(before);
    expect(await status.textContent()).toBe('Nu gesloten');
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => status.textContent()).toBe('Druk: je moet misschien even wachten');
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);

    const axeContext = await newContext(browser, { ...desktop, bypassCSP: true });
    const axePage = await axeContext.newPage();
    await axePage.goto(`${partner.origin}/badge`);
    await axePage.getByRole('status').getByText('Druk', { exact: false }).waitFor();
    expect(await axeViolations(axePage)).toEqual([]);
    await axeContext.close();
  });

  it('counts the widget’s source when the start page opens and when her chat starts, and never on the chat', async () => {
    await server.app.ctx.repos.referrals.create({ token: 'school-west', label: 'School West', kind: 'partner' }, 'test', Date.now());
    await page.goto(`${partner.origin}/widget`);
    const launcher = page.getByRole('button', { name: /Chat anoniem/ });
    await expect.poll(() => launcher.textContent()).toMatch(/Druk/); // nobody on duty yet: she would wait
    await launcher.click();
    const frame = page.frameLocator('iframe[title="Anonieme chat met een hulpverlener"]');
    await frame.getByLabel('Hoe mogen we je noemen?').fill('Mila');
    await frame.getByRole('button', { name: 'Start de chat' }).click();
    await frame.getByRole('button', { name: 'Vragen overslaan' }).click();
    await frame.getByRole('heading', { name: 'Je bent in de wachtrij' }).waitFor();

    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    await expect.poll(() => server.app.ctx.repos.visibility.between(today, today)).toEqual([
      { day: today, source: 'school-west', counter: 'arrival', count: 1 },
      { day: today, source: 'school-west', counter: 'chat', count: 1 },
    ]);
    // The token left the frame's address at once, and her chat does not hold it.
    const inner = page.frames().find((f) => f.url().startsWith(bakenUrl))!;
    expect(inner.url()).toBe(`${bakenUrl}/?lang=nl`);
    const rows = await server.app.ctx.repos.store.db.selectFrom('conversations').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('school-west');
    expect(await context.cookies(partner.origin)).toEqual([]);
  });

  it('asks "How did you find us?" when switched on, and counts the answer per day, not who gave it', async () => {
    await server.app.ctx.repos.referrals.create({ token: 'poster-station', label: 'Poster station', kind: 'poster' }, 'test', Date.now());
    await server.app.ctx.repos.settings.update({ askHowFound: true }, null, Date.now());
    // She scanned the poster: the link carries the token, which leaves the address at once.
    const visitorContext = await newContext(browser, { ...phone, bypassCSP: true }); // for axe
    const page = await visitorContext.newPage();
    await page.goto(`${bakenUrl}/?via=poster-station`);
    await page.getByLabel('Hoe mogen we je noemen?').fill('Sam');
    expect(new URL(page.url()).search).toBe('');
    await page.getByRole('button', { name: 'Start de chat' }).click();
    const question = page.getByRole('group', { name: 'Hoe heb je ons gevonden?' });
    await question.getByLabel('Via een poster of folder').check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Naar de chat' }).click();
    await page.getByRole('heading', { name: 'Je bent in de wachtrij' }).waitFor();
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    await expect.poll(() => server.app.ctx.repos.visibility.between(today, today)).toEqual([
      { day: today, source: 'poster-station', counter: 'arrival', count: 1 },
      { day: today, source: 'poster-station', counter: 'chat', count: 1 },
      { day: today, source: 'poster-station', counter: 'found:poster', count: 1 },
    ]);
    const rows = await server.app.ctx.repos.store.db.selectFrom('conversations').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('poster-station');
    expect(JSON.stringify(rows)).not.toContain('howFound');
    await visitorContext.close();
  });

  it('lets an administrator add a token and print its poster: name, one line, the link and a QR code that reads back', async () => {
    await server.app.ctx.repos.settings.update({ serviceName: 'Fier Chat' }, null, Date.now());
    const admin = await server.createStaff('admin');
    const adminContext = await newContext(browser, { ...desktop, bypassCSP: true });
    const console = await adminContext.newPage();
    await signInAs(console, server, admin);
    await console.getByRole('button', { name: 'Instellingen' }).click();
    const partners = console.locator('[data-section="partners"]');
    // The optional question is off until she switches it on; that is saved at once.
    const ask = partners.getByLabel('Vraag bezoekers "Hoe heb je ons gevonden?" voor het gesprek');
    expect(await ask.isChecked()).toBe(false);
    await ask.check();
    await partners.getByText('Opgeslagen.').waitFor();
    expect((await server.app.ctx.repos.settings.get()).askHowFound).toBe(true);
    await partners.getByLabel('Naam').fill('Poster station');
    await partners.getByLabel('Code', { exact: true }).fill('Station-Poster');
    await partners.getByLabel('Soort').selectOption('poster');
    await partners.getByRole('button', { name: 'Code toevoegen' }).click();
    await partners.getByText('Verwijzingscode station-poster toegevoegd.').waitFor();
    const row = partners.locator('tr[data-token="station-poster"]');
    await row.getByText(`${server.url}/?via=station-poster`).waitFor();
    expect(await row.getByRole('link', { name: 'Poster: Poster station (opent in een nieuw tabblad)' }).getAttribute('href')).toBe('/console/poster/station-poster');
    // A token that is not a slug is refused with the reason.
    await partners.getByLabel('Naam').fill('Kapot');
    await partners.getByLabel('Code', { exact: true }).fill('met spatie');
    await partners.getByRole('button', { name: 'Code toevoegen' }).click();
    await partners.getByRole('alert').waitFor();
    expect(await axeViolations(console)).toEqual([]);
    expect((await server.app.ctx.repos.audit.list({ action: 'referral.create' })).length).toBe(1);

    await console.goto(`${server.url}/console/poster/station-poster`);
    await console.getByRole('heading', { name: 'Fier Chat' }).waitFor();
    await console.getByText('Chat anoniem met een hulpverlener. Gratis, en je hoeft niet te zeggen wie je bent.').waitFor();
    const qr = console.getByRole('img', { name: `QR-code met de link ${server.url}/?via=station-poster` });
    const { viewBox, d } = await qr.evaluate((svg) => ({ viewBox: svg.getAttribute('viewBox')!, d: svg.querySelector('path')!.getAttribute('d')! }));
    const side = Number(viewBox.split(' ')[2]);
    expect(decodeQrPath({ size: side - 8, margin: 4, path: d })).toBe(`${server.url}/?via=station-poster`);
    await console.getByText(`${server.url}/?via=station-poster`).waitFor();
    expect(await axeViolations(console)).toEqual([]);
    // Printed: one A4 page, without the buttons.
    await console.emulateMedia({ media: 'print' });
    expect(await console.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    const pdf = await console.pdf({ format: 'A4' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await adminContext.close();
  });

  it('shows the visibility table per source in the reports area, small counts hidden as in the monitor', async () => {
    const repos = server.app.ctx.repos;
    await repos.referrals.create({ token: 'school-west', label: 'School West', kind: 'partner' }, 'test', Date.now());
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    for (let i = 0; i < 24; i += 1) await repos.visibility.increment(today, 'school-west', i < 9 ? ['arrival', 'chat'] : ['arrival']);
    for (let i = 0; i < 7; i += 1) await repos.visibility.increment(today, 'direct', ['chat']);
    for (let i = 0; i < 10; i += 1) await repos.visibility.increment(today, 'station', ['arrival']);
    await repos.visibility.increment(today, 'unknown', ['arrival']);
    await repos.visibility.increment(today, 'unknown', ['arrival']);

    const researcher = await server.createStaff('researcher');
    const reportsContext = await newContext(browser, { ...desktop, bypassCSP: true });
    const reports = await reportsContext.newPage();
    await signInAs(reports, server, researcher);
    const table = reports.locator('[data-section="visibility"] table');
    const schoolRow = table.locator('tr', { hasText: 'School West (school-west)' });
    await schoolRow.waitFor();
    expect(await schoolRow.locator('td').allTextContents()).toEqual(['24', expect.stringMatching(/^9\b.*37,5/)]);
    expect(await table.locator('tr', { hasText: 'Onbekende code' }).locator('td').first().textContent()).toBe('<5');
    // The total minus the others would give the hidden 2 away: the cheapest other count goes too.
    expect(await table.locator('tr', { hasText: 'station' }).locator('td').first().textContent()).toBe('x');
    expect(await table.locator('tr', { hasText: 'Zonder verwijzing' }).locator('td').nth(1).textContent()).toBe('7');
    await reports.getByText('Het aantal gesprekken met een vraag over mensenhandel staat hier niet per bron', { exact: false }).waitFor();
    expect(await axeViolations(reports)).toEqual([]);
    await reportsContext.close();
  });
});
