// A browser and a Baken server for one describe block, started together (they do not depend
// on each other) and always stopped, even when starting one of them failed.
import type { Browser } from 'playwright-core';
import type { TestServer } from '../../src/server/testing/testServer.js';
import { launchBrowser } from './browser.js';
import { startE2EServer } from './server.js';

export async function startBrowserAndServer(env: Record<string, string> = {}): Promise<{ browser: Browser; server: TestServer }> {
  const [browser, server] = await Promise.allSettled([launchBrowser(), startE2EServer(env)]);
  if (browser.status === 'fulfilled' && server.status === 'fulfilled') return { browser: browser.value, server: server.value };
  await stopBrowserAndServer({
    browser: browser.status === 'fulfilled' ? browser.value : undefined,
    server: server.status === 'fulfilled' ? server.value : undefined,
  });
  throw browser.status === 'rejected' ? browser.reason : (server as PromiseRejectedResult).reason;
}

export async function stopBrowserAndServer({ browser, server }: { browser?: Browser | undefined; server?: TestServer | undefined }): Promise<void> {
  await browser?.close();
  await server?.close();
}
