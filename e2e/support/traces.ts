// What Baken left in a browser for its origin: storage, databases, caches, service workers and
// cookies. Quick exit and a normal end must leave none of it.
import type { BrowserContext } from 'playwright-core';

export interface Traces {
  sessionStorage: number;
  localStorage: number;
  indexedDb: string[];
  caches: string[];
  serviceWorkers: number;
  cookies: string;
}

/** Opens a fresh page on the Baken origin (without running its app) and lists what is stored. */
export async function tracesOnOrigin(context: BrowserContext, origin: string): Promise<Traces & { browserCookies: number }> {
  const page = await context.newPage();
  // Serve an empty document for the origin so the check does not itself run Baken's code.
  await page.route(`${origin}/__trace_check`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>check</title>' }));
  await page.goto(`${origin}/__trace_check`);
  const traces = await page.evaluate(async (): Promise<Traces> => ({
    sessionStorage: sessionStorage.length,
    localStorage: localStorage.length,
    indexedDb: (await indexedDB.databases()).map((d) => d.name ?? ''),
    caches: await caches.keys(),
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    cookies: document.cookie,
  }));
  await page.close();
  return { ...traces, browserCookies: (await context.cookies(origin)).length };
}

export const nothing = { sessionStorage: 0, localStorage: 0, indexedDb: [], caches: [], serviceWorkers: 0, cookies: '', browserCookies: 0 };
