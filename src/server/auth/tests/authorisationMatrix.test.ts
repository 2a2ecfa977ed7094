// Walks every HTTP route and every staff socket event, for every role and for no session,
// and checks the answer against the one permission table. Default deny: a route without an
// access rule is refused to everyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, request, startTestServer, type StaffSocket, type TestServer } from '../../testing/testServer.js';
import { can, rolePermissions, staffEventPermissions } from '../permissions.js';
import type { Ack } from '../../../protocol/ack.js';
import type { StaffRole } from '../../../store/staffRepository.js';

const roles = Object.keys(rolePermissions) as StaffRole[];
const anId = '00000000-0000-4000-8000-000000000000';

describe('authorisation matrix', () => {
  let server: TestServer;
  const sessions = new Map<StaffRole, { cookie: string; csrfToken: string; socket: StaffSocket }>();
  beforeAll(async () => {
    server = await startTestServer();
    for (const role of roles) {
      const account = await server.createStaff(role);
      const login = await server.login(account.username, account.password);
      const socket = server.staff(login.cookie);
      await connected(socket);
      sessions.set(role, { ...login, socket });
    }
  });
  afterAll(async () => {
    await server.close();
  });

  it('declares an access rule on every API route', () => {
    const api = server.app.routes.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(10);
    expect(api.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('walks the audit log routes too, which only the audit permission opens', () => {
    const audit = server.app.routes.filter((r) => r.url.startsWith('/api/audit'));
    expect(audit.map((r) => `${r.method} ${r.url} ${r.access}`).sort()).toEqual([
      'GET /api/audit audit:read',
      'GET /api/audit.csv audit:read',
      'GET /api/audit/staff audit:read',
      'GET /api/audit/verify audit:read',
    ]);
    expect(roles.filter((role) => can(role, 'audit:read'))).toEqual(['admin']);
  });

  it('walks the mailbox routes too: her two are public (her code is the credential), the mailbox needs chat:handle', () => {
    const mailbox = server.app.routes.filter((r) => r.url.includes('/mailbox'));
    expect(mailbox.map((r) => `${r.method} ${r.url} ${r.access}`).sort()).toEqual([
      'GET /api/mailbox chat:handle',
      'GET /api/mailbox/:id chat:handle',
      'POST /api/mailbox/:id/claim chat:handle',
      'POST /api/mailbox/:id/release chat:handle',
      'POST /api/mailbox/:id/reply chat:handle',
      'POST /api/visitor/mailbox/letters public',
      'POST /api/visitor/mailbox/read public',
    ]);
    expect(roles.filter((role) => can(role, 'chat:handle'))).toEqual(['counsellor', 'supervisor']);
  });

  it('walks the snippet and directory routes too: reading for everyone who chats (and who keeps them), changing for supervisors and administrators', () => {
    const toolkit = server.app.routes.filter((r) => r.url.startsWith('/api/snippets') || r.url.startsWith('/api/directory'));
    expect(toolkit.map((r) => `${r.method} ${r.url} ${r.access}`).sort()).toEqual([
      'DELETE /api/directory/:id toolkit:edit',
      'DELETE /api/snippets/:id toolkit:edit',
      'GET /api/directory toolkit:read',
      'GET /api/directory/export toolkit:edit',
      'GET /api/snippets toolkit:read',
      'POST /api/directory toolkit:edit',
      'POST /api/directory/import toolkit:edit',
      'POST /api/snippets toolkit:edit',
      'POST /api/snippets/:id/used toolkit:read',
      'PUT /api/directory/:id toolkit:edit',
      'PUT /api/snippets/:id toolkit:edit',
    ]);
    expect(roles.filter((role) => can(role, 'toolkit:edit'))).toEqual(['supervisor', 'admin']);
    // Everyone who handles chats can read them.
    expect(roles.filter((role) => can(role, 'chat:handle')).every((role) => can(role, 'toolkit:read'))).toBe(true);
  });

  it('opens the service figures to supervisors and administrators only, by their own permission', () => {
    const figures = server.app.routes.filter((r) => r.url.startsWith('/api/figures'));
    expect(figures.map((r) => `${r.method} ${r.url} ${r.access}`).sort()).toEqual(['GET /api/figures figures:read', 'GET /api/figures.csv figures:read']);
    expect(roles.filter((role) => can(role, 'figures:read')).sort()).toEqual(['admin', 'supervisor']);
  });

  it('serves nothing outside /api but the pages, built assets, tab icons and probes (metrics only on their own listener)', () => {
    // A new route outside /api escapes the access check above: it has to be added here on purpose.
    const other = server.app.routes.filter((r) => !r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    expect(other.sort()).toEqual(
      ['GET /', 'GET /privacy', 'GET /console', 'GET /console/*', 'GET /assets/*', 'GET /icons/:name', 'GET /favicon.ico', 'GET /healthz', 'GET /readyz'].sort(),
    );
    // The icons are the visitor page's own: open to everyone, declared so.
    for (const url of ['/icons/:name', '/favicon.ico']) expect(server.app.routes.find((r) => r.url === url)?.access).toBe('public');
  });

  it('walks the handover and continuity routes: the counsellor of a chat records and reads, supervisors list and decide', () => {
    const routes = server.app.routes.filter((r) => r.url.startsWith('/api/handovers') || r.url.startsWith('/api/continuity'));
    expect(routes.map((r) => `${r.method} ${r.url} ${r.access}`).sort()).toEqual([
      'GET /api/continuity/:conversationId chat:handle',
      'GET /api/handovers chat:supervise',
      'GET /api/handovers/:id/letter chat:handle',
      'GET /api/handovers/for/:conversationId chat:handle',
      'POST /api/continuity/:conversationId/earlier/:earlierId chat:handle',
      'POST /api/handovers chat:handle',
      'POST /api/handovers/:id/decision chat:supervise',
      'PUT /api/continuity/:conversationId/summary chat:handle',
    ]);
    // Which chat she holds is checked by the use cases (see handoversAndContinuity.test.ts).
    expect(roles.filter((role) => can(role, 'chat:supervise'))).toEqual(['supervisor']);
  });

  it('walks the passkey routes too: signed-in staff manage their own, the sign-in step is public', () => {
    const access = (method: string, url: string) => server.app.routes.find((r) => r.method === method && r.url === url)?.access;
    expect(access('POST', '/api/auth/passkeys/options')).toBe('staff');
    expect(access('POST', '/api/auth/passkeys')).toBe('staff');
    expect(access('DELETE', '/api/auth/passkeys/:id')).toBe('staff');
    expect(access('POST', '/api/auth/login/passkey/options')).toBe('public');
    expect(access('POST', '/api/auth/login/passkey')).toBe('public');
  });

  it('walks the visibility routes too: administrators keep the tokens, reports readers see the counts, the status and arrivals are public', () => {
    const visibility = server.app.routes.filter((r) => r.url.startsWith('/api/referrals') || r.url.startsWith('/api/visibility') || r.url === '/api/status' || r.url === '/api/reports/visibility');
    expect(visibility.map((r) => `${r.method} ${r.url} ${r.access}`).sort()).toEqual([
      'DELETE /api/referrals/:token staff:manage',
      'GET /api/referrals staff:manage',
      'GET /api/referrals/:token/poster staff:manage',
      'GET /api/reports/visibility reports:read',
      'GET /api/status public',
      'POST /api/referrals staff:manage',
      'POST /api/visibility/arrivals public',
    ]);
  });

  it('answers every API route for every role exactly as the permission table says', async () => {
    const mismatches: string[] = [];
    for (const route of server.app.routes.filter((r) => r.url.startsWith('/api/'))) {
      const url = `${server.url}${route.url.replace(/:[a-zA-Z]+/g, anId).replace('*', 'x')}`;
      for (const role of [undefined, ...roles]) {
        const session = role ? sessions.get(role) : undefined;
        const res = await fetch(url, {
          method: route.method,
          headers: {
            ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { 'content-type': 'application/json' }),
          },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: '{}' }),
        });
        await res.arrayBuffer();
        const access = route.access;
        const expected =
          access === 'public' ? 'allowed' : !role ? 401 : access === 'staff' || (access && can(role, access)) ? 'allowed' : 403;
        const actual = res.status === 401 || res.status === 403 ? res.status : 'allowed';
        // The logout route ends the session it was called with, so log in again afterwards.
        if (route.url === '/api/auth/logout' && session && role) {
          const account = await server.createStaff(role);
          const login = await server.login(account.username, account.password);
          const socket = server.staff(login.cookie);
          await connected(socket);
          sessions.set(role, { ...login, socket });
        }
        if (actual !== expected) mismatches.push(`${route.method} ${route.url} as ${role ?? 'nobody'}: expected ${expected}, got ${res.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('answers every staff socket event for every role exactly as the permission table says', async () => {
    const mismatches: string[] = [];
    for (const [event, permission] of Object.entries(staffEventPermissions)) {
      if (event === 'typing') continue; // no acknowledgement to observe; covered by the gateway's shared check
      for (const role of roles) {
        const socket = sessions.get(role)!.socket;
        const args = event === 'queue:list' || event === 'conversation:mine' || event === 'queue:pullNext' || event === 'board:get' || event === 'colleagues:list' ? [] : [{}];
        const ack = await request<Ack<unknown>>(socket, event, ...args);
        const forbidden = !ack.ok && ack.error.code === 'forbidden';
        if (forbidden === can(role, permission)) mismatches.push(`${event} as ${role}: ${forbidden ? 'forbidden' : 'allowed'} but the table says ${can(role, permission) ? 'allowed' : 'forbidden'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
