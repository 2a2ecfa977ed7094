// The built visitor page is small, loads no console code or strings, has no inline script
// or style (the CSP forbids them), and runs with no CSP violation and no third-party request.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Response } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { newContext, phone, desktop } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { ensureBuilt } from './support/server.js';

const dist = 'dist/web';
const assetsOf = (html: string) => [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]!);

describe('the built visitor page', () => {
  beforeAll(() => ensureBuilt());

  it('loads only its own and shared chunks, never console code or console strings', () => {
    const html = fs.readFileSync(path.join(dist, 'visitor/index.html'), 'utf8');
    const assets = assetsOf(html);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(asset).toMatch(/^(visitor|shared)-/);
    // Follow static imports too: everything the visitor loads up front. Dynamic imports are the
    // strings of the other languages, each loaded only when she chooses it (checked below).
    const seen = new Set<string>();
    const lazy = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      if (!file.endsWith('.js')) return;
      const code = fs.readFileSync(path.join(dist, 'assets', file), 'utf8');
      for (const m of code.matchAll(/(?:from|import)\s*["'`]\.\/([\w.-]+\.js)["'`]/g)) visit(m[1]!);
      for (const m of code.matchAll(/import\(\s*["'`]\.\/([\w.-]+\.js)["'`]/g)) lazy.add(m[1]!);
    };
    assets.forEach(visit);
    // 'previously registered' comes from the WebAuthn library: passkeys are console code.
    for (const file of [...seen, ...lazy]) {
      expect(file).not.toMatch(/^console-/);
      const text = fs.readFileSync(path.join(dist, 'assets', file), 'utf8');
      for (const consoleOnly of ['Gebruikersnaam', 'Medewerkers', 'conversation:accept', 'x-csrf-token', 'previously registered']) expect(text, `${file} holds "${consoleOnly}"`).not.toContain(consoleOnly);
    }
    // One chunk of strings per language but Dutch (which is in the main bundle, as the fallback).
    // Other lazy chunks are screens she opens on purpose (the mailbox).
    const languageChunks = [...lazy].filter((f) => f.startsWith('visitor-strings-'));
    expect(languageChunks.map((f) => /^visitor-strings-([a-z]{2})-/.exec(f)?.[1]).sort()).toEqual(['ar', 'bg', 'en', 'pl', 'ro', 'uk']);
    for (const file of seen) expect(file, 'no other language’s strings load up front').not.toMatch(/^visitor-strings-/);
    const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, 'assets', f))).length;
    // What her first visit loads: the page and her language's strings. Code loaded only when she
    // asks for it (the mailbox screen) is reported beside it.
    const gzipped = [...seen].filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0);
    const largestLanguage = Math.max(...languageChunks.map(gz));
    console.log(`visitor JS, gzip: ${(gzipped / 1024).toFixed(1)} kB, plus at most ${(largestLanguage / 1024).toFixed(1)} kB for another language`);
    // Preact instead of React keeps the page near 50 kB; a cheap phone on 3G loads it in about a second.
    // The cap holds with the largest language's strings added.
    expect(gzipped + largestLanguage).toBeLessThan(64 * 1024);
  });

  it('builds the partner widget as one tiny classic script that stores nothing on the partner page', () => {
    const code = fs.readFileSync(path.join(dist, 'embed.js'), 'utf8');
    // A classic script: no module syntax, no chunks to load; its strings are in it.
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    expect(code).not.toMatch(/import\(/);
    expect(code).toContain('Chat anoniem');
    expect(code).toContain('Chat anonymously');
    // Every language's few strings are in it (no second request): Polish and Arabic, say.
    expect(code).toContain('Czat anonimowy');
    expect(code).toContain('دردشة مجهولة الهوية');
    for (const trace of ['localStorage', 'sessionStorage', 'document.cookie', 'indexedDB', 'serviceWorker']) expect(code, trace).not.toContain(trace);
    for (const consoleOnly of ['Gebruikersnaam', 'Medewerkers', 'x-csrf-token']) expect(code).not.toContain(consoleOnly);
    const gzipped = zlib.gzipSync(code).length;
    console.log(`embed.js, gzip: ${(gzipped / 1024).toFixed(1)} kB`);
    // Was 4 kB with Dutch and English; the five more languages' launcher and status words add
    // about 1.5 kB. Bundled rather than fetched: a partner's strict CSP then need not allow more.
    expect(gzipped).toBeLessThan(5.5 * 1024);
  });

  it('has no inline script or style in either page', () => {
    for (const page of ['visitor', 'console']) {
      const html = fs.readFileSync(path.join(dist, page, 'index.html'), 'utf8');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|style="/);
    }
  });
});

describe('in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('sends the visitor page compressed: its first visit transfers about 60 kB, its scripts about 50 kB', async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Start de chat' }).waitFor();
    await page.waitForLoadState('networkidle');
    let total = 0;
    let scripts = 0;
    for (const response of responses) {
      // What went over the wire: the encoded body and the headers.
      const sizes = await response.request().sizes();
      total += sizes.responseBodySize + sizes.responseHeadersSize;
      const path = new URL(response.url()).pathname;
      if (path.endsWith('.js')) scripts += sizes.responseBodySize;
      if (path.startsWith('/assets/')) {
        expect(response.headers()['content-encoding'], path).toBe('br');
        expect(response.headers()['vary'], path).toMatch(/accept-encoding/i);
        expect(response.headers()['cache-control'], path).toBe('no-store');
      }
    }
    console.log(`visitor page, first visit: ${(total / 1024).toFixed(1)} kB transferred, of which scripts ${(scripts / 1024).toFixed(1)} kB`);
    // Uncompressed it was about 190 kB (174 kB of scripts); README states these figures.
    expect(scripts).toBeLessThan(56 * 1024);
    expect(total).toBeLessThan(70 * 1024);
    await context.close();
  });

  it('runs both pages with no CSP violation and no request to another origin', async () => {
    for (const [url, options] of [[`${server.url}/`, phone], [`${server.url}/privacy`, phone], [`${server.url}/console`, desktop]] as const) {
      const context = await newContext(browser, options);
      const page = await context.newPage();
      const problems: string[] = [];
      const foreign: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('request', (r) => {
        if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
      });
      await page.goto(url);
      await page.locator('h1').first().waitFor();
      await page.waitForTimeout(300);
      expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
      expect(foreign).toEqual([]);
      await context.close();
    }
  });
});
