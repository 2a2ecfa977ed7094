// Attacks the access rules the way a stranger would: every route in Fastify's own route table,
// for every role and for no session, asked for by the plain path and by spellings the router
// may decode or fold onto the same route (percent-encoded letters and slashes, dot segments,
// double and trailing slashes, case, `;` suffixes, override headers). Each spelling must get the
// same answer as the plain path, or 404. Raw paths go out through node:http, which (unlike
// fetch) sends them exactly as written.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { rolePermissions } from '../permissions.js';
import type { StaffRole } from '../../../store/staffRepository.js';

const roles = Object.keys(rolePermissions) as StaffRole[];
const anId = '00000000-0000-4000-8000-000000000000';

interface RawAnswer {
  status: number;
  body: string;
}

function rawRequest(base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (error) => reject(new Error(`${method} ${path}: ${error.message}`)));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Spellings of one concrete path that a lax router might fold onto it. */
function pathVariants(path: string): string[] {
  const segments = path.split('/').slice(1);
  const encodeFirstLetter = (s: string) => s.replace(/[a-z]/i, (c) => `%${c.charCodeAt(0).toString(16)}`);
  const variants = [
    `/${segments.map(encodeFirstLetter).join('/')}`,
    `/${encodeFirstLetter(segments[0] ?? '')}${segments.length > 1 ? `/${segments.slice(1).join('/')}` : ''}`,
    `/${segments.join('%2F')}`,
    `/${segments[0]}%2F${segments.slice(1).join('/')}`,
    `/x/%2e%2e${path}`,
    `/x/%2E%2E${path}`,
    `/x/..${path}`,
    `/${segments[0]}/x/%2e%2e/${segments.slice(1).join('/')}`,
    `/${segments[0]}/%2e/${segments.slice(1).join('/')}`,
    `/${path}`,
    path.replace(/\//g, '//'),
    `${path}/`,
    path.toUpperCase(),
    path.replace(/(^|\/)([a-z])/g, (_m, slash: string, c: string) => `${slash}${c.toUpperCase()}`),
    `${path};x`,
    `/${segments[0]};x/${segments.slice(1).join('/')}`,
    `${path}%00`,
    `${path}%20`,
  ];
  return [...new Set(variants)].filter((v) => v !== path);
}

/**
 * Where the plain path was refused by the access rule (401/403), every spelling must be refused
 * the same way or not found: anything else means a handler ran that should not have. Where the
 * plain path reached its handler, a spelling may also be turned away as a bad request (a `;x`
 * in an id) or by the static-file server's own traversal guard (403), never let further.
 */
function sameDecision(plain: number, variant: number): boolean {
  if (variant === plain || variant === 404) return true;
  if (plain === 401 || plain === 403) return false;
  return variant === 400 || variant === 403;
}

describe('access is decided on the route that matched, whatever the spelling', () => {
  let server: TestServer;
  const sessions = new Map<StaffRole, { cookie: string; csrfToken: string }>();
  const signIn = async (role: StaffRole) => {
    const account = await server.createStaff(role);
    sessions.set(role, await server.login(account.username, account.password));
  };

  beforeAll(async () => {
    server = await startTestServer();
    for (const role of roles) await signIn(role);
  });
  afterAll(async () => {
    await server.close();
  });

  const askAs = async (role: StaffRole | undefined, method: string, path: string, extra: Record<string, string> = {}, csrf = true) => {
    const session = role ? sessions.get(role) : undefined;
    const hasBody = method !== 'GET' && method !== 'HEAD' && method !== 'DELETE';
    const answer = await rawRequest(
      server.url,
      method,
      path,
      {
        ...(session ? { cookie: session.cookie, ...(csrf ? { 'x-csrf-token': session.csrfToken } : {}) } : {}),
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
        ...extra,
      },
      hasBody ? '{}' : undefined,
    );
    // Signing out (or a variant of it) ends that session: sign in again for the next request.
    if (role && /logout/i.test(decodeURIComponent(path)) && answer.status < 300) await signIn(role);
    return answer;
  };

  it('finds every route in the table, including the pages and probes', () => {
    const urls = server.app.routes.map((r) => `${r.method} ${r.url}`);
    expect(urls).toContain('GET /api/settings');
    expect(urls).toContain('POST /api/staff');
    expect(urls).toContain('GET /');
    expect(server.app.routes.length).toBeGreaterThan(40);
  });

  it('answers every spelling of every route as the plain path does, or 404, for every role and for nobody', async () => {
    const mismatches: string[] = [];
    for (const route of server.app.routes) {
      const path = route.url.replace(/:[a-zA-Z]+/g, anId).replace('*', 'x');
      for (const role of [undefined, ...roles]) {
        const plain = await askAs(role, route.method, path);
        for (const variant of pathVariants(path)) {
          const answer = await askAs(role, route.method, variant);
          if (!sameDecision(plain.status, answer.status)) {
            mismatches.push(`${route.method} ${variant} as ${role ?? 'nobody'}: ${answer.status}, plain path ${plain.status}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 240_000);

  it('never lets a stranger read settings, staff, audit or blocks, nor create an account, by any spelling', async () => {
    const before = await server.app.ctx.repos.staff.count();
    for (const path of ['/api/settings', '/api/staff', '/api/audit', '/api/blocks']) {
      for (const variant of [path, ...pathVariants(path)]) {
        const answer = await askAs(undefined, 'GET', variant);
        expect([401, 404], `${variant}`).toContain(answer.status);
      }
    }
    for (const variant of ['/api/staff', ...pathVariants('/api/staff')]) {
      const answer = await rawRequest(server.url, 'POST', variant, { 'content-type': 'application/json' }, JSON.stringify({ username: 'intruder', displayName: 'Intruder', password: 'a long enough passphrase for this', role: 'supervisor', maxChats: 3 }));
      expect([401, 404], `${variant}`).toContain(answer.status);
    }
    expect(await server.app.ctx.repos.staff.count()).toBe(before);
    expect(await server.app.ctx.repos.staff.findByUsername('intruder')).toBeUndefined();
  });

  it('checks CSRF on every spelling of a state-changing route', async () => {
    const mismatches: string[] = [];
    for (const route of server.app.routes.filter((r) => r.method !== 'GET' && r.access !== 'public')) {
      const path = route.url.replace(/:[a-zA-Z]+/g, anId).replace('*', 'x');
      for (const variant of [path, ...pathVariants(path)]) {
        const answer = await askAs('admin', route.method, variant, {}, false);
        if (answer.status !== 403 && answer.status !== 404) mismatches.push(`${route.method} ${variant} without CSRF: ${answer.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('ignores method-override and original-URL headers', async () => {
    const mismatches: string[] = [];
    const headerSets: Record<string, string>[] = [
      { 'x-http-method-override': 'DELETE' },
      { 'x-http-method-override': 'PUT' },
      { 'x-method-override': 'POST' },
      { 'x-original-url': '/api/settings' },
      { 'x-rewrite-url': '/api/staff' },
      { 'x-forwarded-prefix': '/api' },
    ];
    for (const route of server.app.routes) {
      const path = route.url.replace(/:[a-zA-Z]+/g, anId).replace('*', 'x');
      for (const role of [undefined, 'counsellor' as const]) {
        const plain = await askAs(role, route.method, path);
        for (const headers of headerSets) {
          const answer = await askAs(role, route.method, path, headers);
          if (answer.status !== plain.status) mismatches.push(`${route.method} ${path} ${JSON.stringify(headers)} as ${role ?? 'nobody'}: ${answer.status}, plain ${plain.status}`);
        }
      }
    }
    // A page asked for with an original-URL header pointing at the API is still the page.
    const page = await askAs(undefined, 'GET', '/', { 'x-original-url': '/api/settings' });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('retentionDays');
    expect(mismatches).toEqual([]);
  });

  it('answers a path that matches no route with 404 for everyone, signed in or not', async () => {
    for (const role of [undefined, ...roles]) {
      for (const path of ['/api/nothing-here', '/api', '/nothing', '/api/settings/x/y']) {
        expect((await askAs(role, 'GET', path)).status, `${path} as ${role ?? 'nobody'}`).toBe(404);
      }
    }
  });
});
