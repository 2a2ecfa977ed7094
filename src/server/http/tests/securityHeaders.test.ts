// Who may frame what: partner sites may frame the visitor pages (the widget); the console, the
// API and everything else can never be framed, and without partners nothing can.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

const visitorPages = ['/', '/privacy'];
const neverFramed = ['/console', '/console/staff', '/api/config', '/api/auth/me', '/healthz', '/nope', '/assets/nope.js'];
const partners = 'https://www.partner.nl,https://school.example';

async function headersOf(server: TestServer, path: string) {
  const res = await fetch(`${server.url}${path}`);
  await res.arrayBuffer();
  return { status: res.status, csp: res.headers.get('content-security-policy') ?? '', xfo: res.headers.get('x-frame-options'), type: res.headers.get('content-type') };
}

describe('framing headers', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('without partners: no page at all may be framed, and there is no widget script', async () => {
    server = await startTestServer();
    for (const path of [...visitorPages, ...neverFramed]) {
      const h = await headersOf(server, path);
      expect(h.csp, path).toContain("frame-ancestors 'none'");
      expect(h.xfo, path).toBe('DENY');
    }
    expect((await headersOf(server, '/embed.js')).status).toBe(404);
  });

  it('with partners: only they may frame the visitor pages; the console and the API stay unframeable', async () => {
    server = await startTestServer({ env: { PARTNER_ORIGINS: partners } });
    for (const path of visitorPages) {
      const h = await headersOf(server, path);
      expect(h.status, path).toBe(200);
      expect(h.csp, path).toContain('frame-ancestors https://www.partner.nl https://school.example');
      expect(h.csp, path).not.toContain("frame-ancestors 'none'");
      // X-Frame-Options cannot name two sites; with DENY the partners could not frame at all.
      expect(h.xfo, path).toBeNull();
    }
    for (const path of neverFramed) {
      const h = await headersOf(server, path);
      expect(h.csp, path).toContain("frame-ancestors 'none'");
      expect(h.csp, path).not.toContain('partner.nl');
      expect(h.xfo, path).toBe('DENY');
    }
  });

  it('with partners: serves the widget script as JavaScript under the same strict policy', async () => {
    server = await startTestServer({ env: { PARTNER_ORIGINS: partners } });
    const h = await headersOf(server, '/embed.js');
    expect(h.status).toBe(200);
    expect(h.type).toMatch(/^text\/javascript/);
    expect(h.csp).toContain("frame-ancestors 'none'");
    expect(h.csp).not.toContain('unsafe-inline');
  });

  it('tells the visitor page which partners may frame it, so its quick exit only messages them', async () => {
    server = await startTestServer({ env: { PARTNER_ORIGINS: partners } });
    const config = (await (await fetch(`${server.url}/api/config`)).json()) as { partnerOrigins: string[] };
    expect(config.partnerOrigins).toEqual(['https://www.partner.nl', 'https://school.example']);
  });

  it('every response keeps the other strict headers, framed or not', async () => {
    server = await startTestServer({ env: { PARTNER_ORIGINS: partners } });
    for (const path of [...visitorPages, ...neverFramed, '/embed.js']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy'), path).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('permissions-policy'), path).toContain('camera=()');
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });
});
