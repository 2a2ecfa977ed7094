// Another website on its own origin (a partner that embeds the widget, or a stranger trying to
// frame Baken), serving the pages a test writes, with the headers the test gives.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtherSite {
  origin: string;
  close(): Promise<void>;
}

export type SitePages = Record<string, { body: () => string; headers?: () => Record<string, string> }>;

/** On 127.0.0.1, so another *site* than the test server (localhost), as a real partner is. */
export async function startOtherSite(pages: SitePages): Promise<OtherSite> {
  const server = http.createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname];
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers?.() });
    res.end(page.body());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
