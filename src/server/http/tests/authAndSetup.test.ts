// First-start setup, sign-in, CSRF and the admin's staff management over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi } from '../../testing/httpCalls.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

const call = (server: TestServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => callApi(server, null, method, path, body, headers);

describe('setup and authentication', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('lets the first administrator in once, with the one-time token only', async () => {
    expect((await call(server, 'GET', '/api/setup')).body).toEqual({ needed: true });
    const token = server.app.ctx.setup.token!;
    const account = { username: 'beheer', displayName: 'Beheer', password: 'a long enough password' };
    expect((await call(server, 'POST', '/api/setup', { ...account, token: 'w'.repeat(43) })).status).toBe(403);
    expect((await call(server, 'POST', '/api/setup', { ...account, token })).status).toBe(201);
    expect((await call(server, 'POST', '/api/setup', { ...account, username: 'tweede', token })).status).toBe(409);
    expect((await call(server, 'GET', '/api/setup')).body).toEqual({ needed: false });
    const { cookie } = await server.login('beheer', 'a long enough password');
    const me = await call(server, 'GET', '/api/auth/me', undefined, { cookie });
    expect(me.body.staff).toMatchObject({ username: 'beheer', role: 'admin' });
    expect(me.body.permissions).toContain('staff:manage');
  });

  it('answers a wrong password and an unknown user with the same message', async () => {
    await server.createStaff('counsellor', { username: 'anna' });
    const wrong = await call(server, 'POST', '/api/auth/login', { username: 'anna', password: 'not the password' });
    const unknown = await call(server, 'POST', '/api/auth/login', { username: 'nobody', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('slows down password guessing on one account', async () => {
    await server.createStaff('counsellor', { username: 'bert' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call(server, 'POST', '/api/auth/login', { username: 'bert', password: `guess-${i}` })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
  });

  it('sets an httpOnly, SameSite=Strict session cookie only after the second step', async () => {
    const account = await server.createStaff('counsellor');
    const first = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: account.username, password: account.password }),
    });
    expect(first.headers.get('set-cookie')).toBeNull();
    const { challenge } = (await first.json()) as { challenge: string };
    const res = await fetch(`${server.url}/api/auth/login/code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ challenge, code: server.secondFactor(account.username) }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('lets an admin create staff, but only with a CSRF token', async () => {
    const admin = await server.createStaff('admin');
    const { cookie, csrfToken } = await server.login(admin.username, admin.password);
    const newStaff = { username: 'nieuw', displayName: 'Nieuw', password: 'another long password', role: 'counsellor', maxChats: 2 };
    expect((await call(server, 'POST', '/api/staff', newStaff, { cookie })).status).toBe(403);
    const created = await call(server, 'POST', '/api/staff', newStaff, { cookie, 'x-csrf-token': csrfToken });
    expect(created.status).toBe(201);
    expect(created.body.staff).toMatchObject({ username: 'nieuw', role: 'counsellor', maxChats: 2 });
    expect(JSON.stringify(created.body)).not.toContain('password');
    // The password the admin chose is temporary: her first sign-in ends in choosing her own.
    await expect(server.login('nieuw', 'another long password')).rejects.toThrow(/needs a new password/);
  });

  it('explains what is wrong with an invalid body', async () => {
    const admin = await server.createStaff('admin');
    const { cookie, csrfToken } = await server.login(admin.username, admin.password);
    const res = await call(server, 'POST', '/api/staff', { username: 'x', password: 'short', role: 'king' }, { cookie, 'x-csrf-token': csrfToken });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['displayName', 'password', 'role', 'username']);
  });

  it('ends the sessions of a disabled account', async () => {
    const admin = await server.createStaff('admin');
    const target = await server.createStaff('counsellor');
    const { cookie, csrfToken } = await server.login(admin.username, admin.password);
    const { cookie: theirs } = await server.login(target.username, target.password);
    const res = await call(server, 'PATCH', `/api/staff/${target.id}`, { disabled: true }, { cookie, 'x-csrf-token': csrfToken });
    expect(res.status).toBe(200);
    expect((await call(server, 'GET', '/api/auth/me', undefined, { cookie: theirs })).status).toBe(401);
    await expect(server.login(target.username, target.password)).rejects.toThrow('401');
  });

  it('denies staff routes to the wrong role and to nobody', async () => {
    const counsellor = await server.createStaff('counsellor');
    const { cookie } = await server.login(counsellor.username, counsellor.password);
    expect((await call(server, 'GET', '/api/staff')).status).toBe(401);
    expect((await call(server, 'GET', '/api/staff', undefined, { cookie })).status).toBe(403);
  });
});

describe('every response', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('carries a strict CSP, no referrer and no caching', async () => {
    for (const path of ['/', '/console', '/healthz', '/api/config', '/nope']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('reports health and readiness', async () => {
    expect((await call(server, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await call(server, 'GET', '/readyz')).body).toEqual({ status: 'ready' });
  });
});

describe('quick exit without a socket', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('ends the chat from a beacon carrying the tab token, and says the same for unknown tokens', async () => {
    const { startVisitorChat } = await import('../../testing/chatScenario.js');
    const { token, conversationId } = await startVisitorChat(server);
    const beacon = (body: string) => fetch(`${server.url}/api/visitor/end`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body });
    expect((await beacon(JSON.stringify({ token: 'z'.repeat(43), reason: 'quick_exit' }))).status).toBe(204);
    expect((await server.app.ctx.repos.conversations.findById(conversationId))?.status).toBe('waiting');
    expect((await beacon(JSON.stringify({ token, reason: 'quick_exit' }))).status).toBe(204);
    expect(await server.app.ctx.repos.conversations.findById(conversationId)).toMatchObject({ status: 'ended', endReason: 'quick_exit' });
    expect((await beacon('not json')).status).toBe(400);
  });
});
