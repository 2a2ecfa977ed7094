// An administrator's disguise (tab title and icon) and clickable-links choice: saved and audited,
// handed to the visitor page and console, written into the visitor page as it is served, and
// the bundled icons served from our own origin only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disguiseIcons } from '../../../protocol/disguiseIcons.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

/** A web directory like the build's, made from the sources (the pages and icons are copied as they are). */
function sourceWebDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-web-'));
  for (const page of ['visitor', 'console']) {
    fs.mkdirSync(path.join(dir, page));
    fs.copyFileSync(path.join('web', page, 'index.html'), path.join(dir, page, 'index.html'));
  }
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.cpSync(path.join('web', 'public', 'icons'), path.join(dir, 'icons'), { recursive: true });
  return dir;
}

describe('disguise and clickable links', () => {
  let server: TestServer;
  let webDir: string;
  let admin: { cookie: string; csrfToken: string };
  const put = (body: unknown) =>
    fetch(`${server.url}/api/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      body: JSON.stringify(body),
    });
  const config = async () => (await fetch(`${server.url}/api/config`)).json() as Promise<Record<string, unknown>>;
  const visitorPage = async (pathname = '/') => (await fetch(`${server.url}${pathname}`)).text();

  beforeAll(async () => {
    webDir = sourceWebDir();
    server = await startTestServer({ env: { WEB_DIR: webDir } });
    const account = await server.createStaff('admin');
    admin = await server.login(account.username, account.password);
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('starts plain: the Baken icon, no disguise, links not clickable', async () => {
    expect(await config()).toMatchObject({ disguiseIcon: 'baken', clickableLinks: false });
    expect(await config()).not.toHaveProperty('disguiseTitle');
    const html = await visitorPage();
    expect(html).toContain('<title>Baken – anonieme chat</title>');
    expect(html).toContain('href="/icons/baken.svg"');
  });

  it('saves the choice, records who changed which fields, and hands it to both pages', async () => {
    const res = await put({ disguiseTitle: 'Recepten & <meer>', disguiseIcon: 'recipes', clickableLinks: true });
    expect(res.status).toBe(200);
    expect(await config()).toMatchObject({ disguiseTitle: 'Recepten & <meer>', disguiseIcon: 'recipes', clickableLinks: true });
    const [entry] = await server.app.ctx.repos.audit.list({ action: 'settings.update' });
    expect(JSON.parse(entry!.detail!)).toEqual({ fields: ['disguiseTitle', 'disguiseIcon', 'clickableLinks'] });
  });

  it('serves the visitor page already disguised, with the title escaped; the console stays Baken', async () => {
    for (const pathname of ['/', '/privacy']) {
      const html = await visitorPage(pathname);
      expect(html).toContain('<title>Recepten &#38; &#60;meer&#62;</title>');
      expect(html).toContain('href="/icons/recipes.svg"');
      expect(html).not.toContain('Baken –');
    }
    const consoleHtml = await visitorPage('/console');
    expect(consoleHtml).toContain('href="/icons/baken.svg"');
    // Browsers that ask for /favicon.ico on their own get the neutral icon too.
    const favicon = await fetch(`${server.url}/favicon.ico`);
    expect(favicon.headers.get('content-type')).toContain('image/svg+xml');
    expect(await favicon.text()).toBe(fs.readFileSync(path.join('web', 'public', 'icons', 'recipes.svg'), 'utf8'));
  });

  it('changes only the fields a save names, leaving the others as they were', async () => {
    expect((await put({ retentionDays: 12, busy: true })).status).toBe(200);
    expect((await put({ clickableLinks: false })).status).toBe(200);
    const settings = await server.app.ctx.repos.settings.get();
    expect(settings).toMatchObject({ retentionDays: 12, busy: true, clickableLinks: false, disguiseIcon: 'recipes', disguiseTitle: 'Recepten & <meer>' });
    await put({ clickableLinks: true, retentionDays: 30, busy: false });
  });

  it('removes a setting without a default when a save sends null, and refuses null for the others', async () => {
    expect((await put({ queueCap: 40, quickExitUrl: 'https://www.nu.nl/', confidentialityNl: 'Alleen bij direct levensgevaar.' })).status).toBe(200);
    expect(await config()).toMatchObject({ quickExitUrl: 'https://www.nu.nl/', confidentiality: { nl: 'Alleen bij direct levensgevaar.' } });
    expect((await put({ queueCap: null, quickExitUrl: null, confidentialityNl: null })).status).toBe(200);
    const settings = await server.app.ctx.repos.settings.get();
    expect(settings).not.toHaveProperty('queueCap');
    expect(settings).not.toHaveProperty('quickExitUrl');
    expect(await config()).toMatchObject({ quickExitUrl: server.app.ctx.config.quickExitUrl, confidentiality: {} });
    expect((await put({ retentionDays: null })).status).toBe(400);
    expect((await server.app.ctx.repos.settings.get()).retentionDays).toBe(30);
  });

  it('refuses an icon that is not one of the bundled ones', async () => {
    const res = await put({ disguiseIcon: 'https://elders.example/icon.png' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues.map((i) => i.path)).toEqual(['disguiseIcon']);
    expect((await config()).disguiseIcon).toBe('recipes');
  });

  it('serves every bundled icon to anyone as an SVG image, and nothing else from /icons', async () => {
    for (const icon of disguiseIcons) {
      const res = await fetch(`${server.url}/icons/${icon}.svg`);
      expect(res.status, icon).toBe(200);
      expect(res.headers.get('content-type')).toContain('image/svg+xml');
      expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      expect(await res.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
    for (const bad of ['/icons/other.svg', '/icons/baken.png', '/icons/..%2Fvisitor%2Findex.html', '/icons/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd']) {
      expect((await fetch(`${server.url}${bad}`)).status, bad).toBe(404);
    }
  });
});
