// Passwords over real HTTP: changing my own (current password and a recent check; my other
// sessions end), an administrator's reset to a temporary password, and a temporary password
// (reset or new account) that must be replaced at the next sign-in before any session exists.
// Each change and its audit entry are one transaction.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { callApi, staffHeaders } from '../../testing/httpCalls.js';
import { TestClock } from '../../testing/testClock.js';
import { rememberTestTotp, totpCode } from '../../testing/testMfa.js';
import { recentAuthWindowMs } from '../recentAuth.js';

const call = (server: TestServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => callApi(server, null, method, path, body, headers);
const auth = staffHeaders;

describe.each(['sqlite', 'postgres'] as const)('passwords on %s', (dialect) => {
  let server: TestServer;
  let clock: TestClock;
  beforeEach(async () => {
    clock = new TestClock(Date.UTC(2025, 2, 3, 9, 0, 0));
    server = await startTestServer({ clock, dialect });
  });
  afterEach(async () => {
    await server.close();
  });

  const actions = async () => (await server.app.ctx.repos.store.db.selectFrom('audit_log').select(['action', 'staff_id', 'target_id']).orderBy('id').execute()).map((a) => a);
  /** Password, then the second factor; returns the answer of the second step. */
  const twoSteps = async (username: string, password: string) => {
    const first = await call(server, 'POST', '/api/auth/login', { username, password });
    if (first.status !== 200) return first;
    return call(server, 'POST', '/api/auth/login/code', { challenge: first.body.challenge, code: server.secondFactor(username) });
  };

  it('changes my own password with the current one; my other sessions end, this one stays', async () => {
    const hanna = await server.createStaff('counsellor', { username: 'hanna', password: 'hanna haar oude lange zin' });
    const elsewhere = await server.login('hanna', hanna.password);
    clock.t += 40_000;
    const here = await server.login('hanna', hanna.password);

    const wrong = await call(server, 'POST', '/api/auth/password', { currentPassword: 'niet mijn wachtwoord', newPassword: 'een heel nieuwe zin van hanna' }, auth(here));
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('wrong_password');
    const weak = await call(server, 'POST', '/api/auth/password', { currentPassword: hanna.password, newPassword: 'password1234' }, auth(here));
    expect(weak.body.error.code).toBe('weak_password');
    const same = await call(server, 'POST', '/api/auth/password', { currentPassword: hanna.password, newPassword: hanna.password }, auth(here));
    expect(same.body?.error?.code, JSON.stringify([same.status, same.body])).toBe('password_unchanged');
    expect((await call(server, 'GET', '/api/auth/me', undefined, { cookie: elsewhere.cookie })).status).toBe(200);

    const ok = await call(server, 'POST', '/api/auth/password', { currentPassword: hanna.password, newPassword: 'een heel nieuwe zin van hanna' }, auth(here));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ endedSessions: 1 });
    expect((await call(server, 'GET', '/api/auth/me', undefined, { cookie: elsewhere.cookie })).status).toBe(401);
    expect((await call(server, 'GET', '/api/auth/me', undefined, { cookie: here.cookie })).status).toBe(200);
    expect((await call(server, 'POST', '/api/auth/login', { username: 'hanna', password: hanna.password })).status).toBe(401);
    expect((await twoSteps('hanna', 'een heel nieuwe zin van hanna')).status).toBe(200);
    const log = await actions();
    expect(log.map((a) => a.action)).toEqual(expect.arrayContaining(['password.change_failed', 'password.changed']));
    expect(log.find((a) => a.action === 'password.changed')).toMatchObject({ staff_id: hanna.id, target_id: hanna.id });
    expect(await server.app.ctx.repos.audit.verifyChain()).toMatchObject({ ok: true });
  });

  it('asks for a fresh password-and-code check when the last one is over five minutes old', async () => {
    const ivo = await server.createStaff('counsellor', { username: 'ivo' });
    const s = await server.login('ivo', ivo.password);
    clock.t += recentAuthWindowMs + 1000;
    const late = await call(server, 'POST', '/api/auth/password', { currentPassword: ivo.password, newPassword: 'ivo zijn nieuwe lange zin' }, auth(s));
    expect(late.status).toBe(403);
    expect(late.body.error.code).toBe('reauth_required');
    expect((await call(server, 'POST', '/api/auth/reauth', { password: ivo.password, code: server.secondFactor('ivo') }, auth(s))).status).toBe(200);
    expect((await call(server, 'POST', '/api/auth/password', { currentPassword: ivo.password, newPassword: 'ivo zijn nieuwe lange zin' }, auth(s))).status).toBe(200);
  });

  it('lets an administrator reset a password: a temporary one, her sessions end, and she chooses her own before any session', async () => {
    const admin = await server.createStaff('admin', { username: 'beheer' });
    const jet = await server.createStaff('counsellor', { username: 'jet', displayName: 'Jet' });
    const boss = await server.login('beheer', admin.password);
    const hers = await server.login('jet', jet.password);
    const counsellor = await server.createStaff('counsellor');
    const notAllowed = await server.login(counsellor.username, counsellor.password);
    expect((await call(server, 'POST', `/api/staff/${jet.id}/password/reset`, {}, auth(notAllowed))).status).toBe(403);
    expect((await call(server, 'POST', `/api/staff/${admin.id}/password/reset`, {}, auth(boss))).status).toBe(409);

    const reset = await call(server, 'POST', `/api/staff/${jet.id}/password/reset`, {}, auth(boss));
    expect(reset.status).toBe(200);
    const temporary: string = reset.body.temporaryPassword;
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await call(server, 'GET', '/api/auth/me', undefined, { cookie: hers.cookie })).status).toBe(401);
    expect((await call(server, 'POST', '/api/auth/login', { username: 'jet', password: jet.password })).status).toBe(401);
    const list = await call(server, 'GET', '/api/staff', undefined, { cookie: boss.cookie });
    expect(list.body.staff.find((s: { id: string }) => s.id === jet.id).mustChangePassword).toBe(true);

    // Password and second factor as always, then no session: her own password first.
    const second = await twoSteps('jet', temporary);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ step: 'password', challenge: expect.any(String) });
    expect(second.cookie).toBe('');
    const challenge = second.body.challenge;
    expect((await call(server, 'POST', '/api/auth/login/password', { challenge, newPassword: 'welkom123456' })).body.error.code).toBe('weak_password');
    expect((await call(server, 'POST', '/api/auth/login/password', { challenge, newPassword: temporary })).body.error.code).toBe('password_unchanged');
    const done = await call(server, 'POST', '/api/auth/login/password', { challenge, newPassword: 'jet kiest haar eigen zin' });
    expect(done.status).toBe(200);
    expect(done.cookie).toMatch(/^baken_session=/);
    expect(done.body.staff).toMatchObject({ username: 'jet', mustChangePassword: false });
    expect((await call(server, 'GET', '/api/auth/me', undefined, { cookie: done.cookie })).status).toBe(200);
    // The step cannot be used twice, and the temporary password is gone.
    expect((await call(server, 'POST', '/api/auth/login/password', { challenge, newPassword: 'nog een andere lange zin' })).body.error.code).toBe('login_expired');
    expect((await call(server, 'POST', '/api/auth/login', { username: 'jet', password: temporary })).status).toBe(401);
    expect((await twoSteps('jet', 'jet kiest haar eigen zin')).cookie).toMatch(/^baken_session=/);

    const log = await actions();
    expect(log.find((a) => a.action === 'staff.password_reset')).toMatchObject({ staff_id: admin.id, target_id: jet.id });
    expect(log.filter((a) => a.action === 'password.changed' && a.staff_id === jet.id)).toHaveLength(1);
    expect(await server.app.ctx.repos.audit.verifyChain()).toMatchObject({ ok: true });
  });

  it('needs a fresh check before an administrator resets a password', async () => {
    const admin = await server.createStaff('admin');
    const kees = await server.createStaff('counsellor');
    const boss = await server.login(admin.username, admin.password);
    clock.t += recentAuthWindowMs + 1000;
    const late = await call(server, 'POST', `/api/staff/${kees.id}/password/reset`, {}, auth(boss));
    expect(late.body.error.code).toBe('reauth_required');
  });

  it('makes a new account choose her own password at her first sign-in, after setting up two-step sign-in', async () => {
    const admin = await server.createStaff('admin');
    const boss = await server.login(admin.username, admin.password);
    const created = await call(server, 'POST', '/api/staff', { username: 'lot', displayName: 'Lot', password: 'het tijdelijke wachtwoord van lot', role: 'counsellor' }, auth(boss));
    expect(created.status).toBe(201);
    expect(created.body.staff.mustChangePassword).toBe(true);

    const first = await call(server, 'POST', '/api/auth/login', { username: 'lot', password: 'het tijdelijke wachtwoord van lot' });
    expect(first.body.step).toBe('enrol');
    rememberTestTotp(server.url, 'lot', first.body.secret).lastStep = Math.floor(clock.now() / 30_000);
    const enrolled = await call(server, 'POST', '/api/auth/login/enrol', { challenge: first.body.challenge, code: totpCode(first.body.secret, clock.now()) });
    expect(enrolled.status).toBe(200);
    expect(enrolled.cookie).toBe('');
    expect(enrolled.body.step).toBe('password');
    expect(enrolled.body.recoveryCodes).toHaveLength(10);
    const done = await call(server, 'POST', '/api/auth/login/password', { challenge: enrolled.body.challenge, newPassword: 'lot haar eigen lange zin' });
    expect(done.cookie).toMatch(/^baken_session=/);
    expect((await call(server, 'GET', '/api/auth/me', undefined, { cookie: done.cookie })).body.staff.username).toBe('lot');
  });

  it('lets a session that exists beside a temporary password do nothing', async () => {
    const mia = await server.createStaff('counsellor', { username: 'mia' });
    const s = await server.login('mia', mia.password);
    // However it came about, a temporary password and a session never go together.
    await server.app.ctx.repos.staff.update(mia.id, { mustChangePassword: true }, clock.now());
    expect((await call(server, 'GET', '/api/auth/me', undefined, { cookie: s.cookie })).status).toBe(401);
    expect((await call(server, 'POST', '/api/auth/password', { currentPassword: mia.password, newPassword: 'mia haar nieuwe zin' }, auth(s))).status).toBe(401);
  });
});
