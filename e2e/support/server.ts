// A real Baken server (SQLite in memory) serving the built pages from dist/web.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestServer, type TestServer } from '../../src/server/testing/testServer.js';
import type { Clock } from '../../src/app/clock.js';

let built = false;

/** `npm test` builds first; a lone `vitest run --project e2e` builds if dist/web is missing. */
export function ensureBuilt(): void {
  if (built || (fs.existsSync('dist/web/visitor/index.html') && fs.existsSync('dist/web/embed.js') && fs.existsSync('dist/web/embed.js.br'))) {
    built = true;
    return;
  }
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '-c', 'vite.embed.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  execFileSync('node', ['scripts/compressAssets.mjs'], { stdio: 'inherit' });
  built = true;
}

export async function startE2EServer(env: Record<string, string> = {}, clock?: Clock): Promise<TestServer> {
  ensureBuilt();
  return startTestServer({ dialect: 'sqlite', env: { WEB_DIR: 'dist/web', ...env }, ...(clock ? { clock } : {}) });
}

/** A stand-in for the neutral site quick exit goes to. */
export async function startNeutralSite(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><title>Weather</title><h1>Weather today</h1></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/weather`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
