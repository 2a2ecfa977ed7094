// Built scripts, styles, icons and the widget script go out as the brotli or gzip copy made at
// build time, whichever the browser accepts, labelled so that the browser and any cache in
// between know what they got; still never cached.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { chooseEncoding } from '../web/contentEncoding.js';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose body is not decoded on the way (fetch would undo the compression). */
function get(url: string, acceptEncoding?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

const script = `export const greeting = ${JSON.stringify('Hallo, fijn dat je er bent. '.repeat(200))};\n`;

describe('compressed assets', () => {
  let server: TestServer;
  let web: string;
  beforeAll(async () => {
    web = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-web-'));
    for (const dir of ['assets', 'icons', 'visitor', 'console']) fs.mkdirSync(path.join(web, dir));
    fs.writeFileSync(path.join(web, 'assets', 'visitor-test.js'), script);
    fs.writeFileSync(path.join(web, 'assets', 'visitor-test.css'), `.v-app { color: red; }\n`.repeat(100));
    fs.writeFileSync(path.join(web, 'icons', 'weather.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<circle r="1"/>'.repeat(50)}</svg>`);
    fs.writeFileSync(path.join(web, 'embed.js'), `(function(){${'var a=1;'.repeat(300)}})();\n`);
    fs.writeFileSync(path.join(web, 'visitor', 'index.html'), '<!doctype html><title>Baken</title>');
    fs.writeFileSync(path.join(web, 'console', 'index.html'), '<!doctype html><title>Baken</title>');
    // The same step `npm run build` runs after Vite.
    execFileSync('node', ['scripts/compressAssets.mjs', web]);
    server = await startTestServer({ env: { WEB_DIR: web, PARTNER_ORIGINS: 'https://www.partner.nl' } });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(web, { recursive: true, force: true });
  });

  it('sends brotli to a browser that takes it, gzip to one that takes only gzip, the file itself otherwise', async () => {
    const url = `${server.url}/assets/visitor-test.js`;
    const br = await get(url, 'gzip, deflate, br, zstd');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('no-store');
    expect(zlib.brotliDecompressSync(br.body).toString('utf8')).toBe(script);
    expect(br.body.length).toBeLessThan(script.length / 10);

    const gz = await get(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(zlib.gunzipSync(gz.body).toString('utf8')).toBe(script);

    const refused = await get(url, 'br;q=0, gzip;q=0.8');
    expect(refused.headers['content-encoding']).toBe('gzip');

    const plain = await get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body.toString('utf8')).toBe(script);

    const css = await get(`${server.url}/assets/visitor-test.css`, 'br');
    expect(css.headers['content-encoding']).toBe('br');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('compresses the tab icons and the partner widget script the same way', async () => {
    const icon = await get(`${server.url}/icons/weather.svg`, 'gzip, br');
    expect(icon.headers['content-encoding']).toBe('br');
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(icon.body).toString('utf8')).toContain('<circle');

    const embed = await get(`${server.url}/embed.js`, 'gzip');
    expect(embed.headers['content-encoding']).toBe('gzip');
    expect(embed.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(zlib.gunzipSync(embed.body).toString('utf8')).toContain('var a=1;');
    expect((await get(`${server.url}/embed.js`)).headers['content-encoding']).toBeUndefined();
  });

  it('reads Accept-Encoding by its weights', () => {
    expect(chooseEncoding('gzip, br', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('br;q=0.5, gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('*', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('identity', ['br', 'gzip'])).toBeUndefined();
    expect(chooseEncoding('br', ['gzip'])).toBeUndefined();
    expect(chooseEncoding(undefined, ['br'])).toBeUndefined();
  });
});
