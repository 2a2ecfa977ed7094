// Staff security over real HTTP: TOTP enrolment and two-step sign-in, single-use recovery
// codes, throttled wrong codes, sessions (mine and the administrator's view), the
// re-authentication window, the password policy, and blocking an abusive visitor.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { totpCode } from '../../testing/testMfa.js';
import { acceptedChat, startVisitorChat } from '../../testing/chatScenario.js';
import { recentAuthWindowMs, requireRecentAuth } from '../recentAuth.js';
import { callApi, staffHeaders } from '../../testing/httpCalls.js';
import { TestClock } from '../../testing/testClock.js';
import { decodeQrPath } from '../../testing/decodeQr.js';
import { qrSvg } from '../../auth/totpQr.js';

const call = (server: TestServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => callApi(server, null, method, path, body, headers);
const auth = staffHeaders;

describe('two-step sign-in with TOTP', () => {
  let server: TestServer;
  let clock: TestClock;
  beforeEach(async () => {
    clock = new TestClock(Date.UTC(2025, 2, 3, 9, 0, 0));
    server = await startTestServer({ clock });
  });
  afterEach(async () => {
    await server.close();
  });

  it('enrols on first sign-in: secret and otpauth address once, a confirming code, ten recovery codes', async () => {
    const anna = await server.createStaff('counsellor', { username: 'anna', enrolled: false });
    const first = await call(server, 'POST', '/api/auth/login', { username: 'anna', password: anna.password });
    expect(first.status).toBe(200);
    expect(first.cookie).toBe('');
    expect(first.body.step).toBe('enrol');
    expect(first.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(first.body.uri).toMatch(/^otpauth:\/\/totp\/Baken:anna\?/);
    expect(first.body.uri).toContain(`secret=${first.body.secret}`);
    // The same address as a QR code drawn on the server: path data only, and it scans back.
    expect(first.body.qr.path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    expect(decodeQrPath(first.body.qr)).toBe(first.body.uri);
    expect(qrSvg(first.body.qr)).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<\/svg>$/);
    // The secret is stored encrypted, never in plain text.
    const row = await server.app.ctx.repos.store.db.selectFrom('staff_mfa').selectAll().executeTakeFirstOrThrow();
    expect(row.totp_secret).not.toContain(first.body.secret);

    const wrong = await call(server, 'POST', '/api/auth/login/enrol', { challenge: first.body.challenge, code: '000000' });
    expect(wrong.status).toBe(401);
    const done = await call(server, 'POST', '/api/auth/login/enrol', { challenge: first.body.challenge, code: totpCode(first.body.secret, clock.now()) });
    expect(done.status).toBe(200);
    expect(done.cookie).toMatch(/^baken_session=/);
    expect(done.body.recoveryCodes).toHaveLength(10);
    expect(new Set(done.body.recoveryCodes).size).toBe(10);
    expect(done.body.staff.username).toBe('anna');
    // The pending login is used up.
    expect((await call(server, 'POST', '/api/auth/login/enrol', { challenge: first.body.challenge, code: totpCode(first.body.secret, clock.now()) })).status).toBe(401);

    // Next sign-in asks for a code, and never shows the secret again.
    clock.t += 60_000;
    const again = await call(server, 'POST', '/api/auth/login', { username: 'anna', password: anna.password });
    expect(again.body).toEqual({ step: 'mfa', challenge: expect.any(String), passkey: false });
    const signedIn = await call(server, 'POST', '/api/auth/login/code', { challenge: again.body.challenge, code: totpCode(first.body.secret, clock.now()) });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ factor: 'totp', recoveryCodesLeft: 10 });
    expect((await call(server, 'GET', '/api/auth/me', undefined, { cookie: signedIn.cookie })).status).toBe(200);
  });

  it('leads the first administrator from setup into enrolment', async () => {
    const token = server.app.ctx.setup.token!;
    const created = await call(server, 'POST', '/api/setup', { token, username: 'beheer', displayName: 'Beheer', password: 'a long enough password' });
    expect(created.body).toEqual({ ok: true, next: 'enrol' });
    const first = await call(server, 'POST', '/api/auth/login', { username: 'beheer', password: 'a long enough password' });
    expect(first.body.step).toBe('enrol');
  });

  it('accepts a code once only, and refuses a code from another time', async () => {
    const bert = await server.createStaff('counsellor', { username: 'bert' });
    const code = totpCode(bert.totpSecret!, clock.now());
    const a = await call(server, 'POST', '/api/auth/login', { username: 'bert', password: bert.password });
    expect((await call(server, 'POST', '/api/auth/login/code', { challenge: a.body.challenge, code })).status).toBe(200);
    const b = await call(server, 'POST', '/api/auth/login', { username: 'bert', password: bert.password });
    expect((await call(server, 'POST', '/api/auth/login/code', { challenge: b.body.challenge, code })).status).toBe(401);
    const old = totpCode(bert.totpSecret!, clock.now() - 5 * 60_000);
    expect((await call(server, 'POST', '/api/auth/login/code', { challenge: b.body.challenge, code: old })).status).toBe(401);
  });

  it('takes each recovery code once', async () => {
    const carla = await server.createStaff('counsellor', { username: 'carla' });
    const [code] = carla.recoveryCodes;
    const a = await call(server, 'POST', '/api/auth/login', { username: 'carla', password: carla.password });
    const used = await call(server, 'POST', '/api/auth/login/code', { challenge: a.body.challenge, code: code!.toUpperCase() });
    expect(used.status).toBe(200);
    expect(used.body).toMatchObject({ factor: 'recovery', recoveryCodesLeft: 9 });
    const b = await call(server, 'POST', '/api/auth/login', { username: 'carla', password: carla.password });
    const again = await call(server, 'POST', '/api/auth/login/code', { challenge: b.body.challenge, code });
    expect(again.status).toBe(401);
    expect(again.body.error.message).toBe('wrong code');
    // Recovery codes are stored hashed.
    const rows = await server.app.ctx.repos.store.db.selectFrom('staff_recovery_codes').select('code_hash').execute();
    expect(rows.map((r) => r.code_hash).join()).not.toContain(code!.replace(/-/g, ''));
  });

  it('throttles wrong codes per account, with the same answer for a wrong code and a wrong recovery code', async () => {
    const dirk = await server.createStaff('counsellor', { username: 'dirk' });
    const answers: string[] = [];
    const challenge = (await call(server, 'POST', '/api/auth/login', { username: 'dirk', password: dirk.password })).body.challenge as string;
    for (let i = 0; i < 6; i++) {
      const res = await call(server, 'POST', '/api/auth/login/code', { challenge, code: i % 2 ? '123456' : 'abcd-efgh-jkmn' });
      answers.push(`${res.status} ${res.body.error.code} ${res.body.error.message}`);
    }
    // Five wrong codes (a wrong TOTP code and a wrong recovery code get the same answer)…
    expect(new Set(answers.slice(0, 5))).toEqual(new Set(['401 unauthenticated wrong code']));
    // …use up the pending login…
    expect(answers[5]).toMatch(/^401 login_expired/);
    // …and hold the account back, even with the right password.
    expect((await call(server, 'POST', '/api/auth/login', { username: 'dirk', password: dirk.password })).status).toBe(429);
    const audit = await server.app.ctx.repos.store.db.selectFrom('audit_log').select('action').where('action', '=', 'login.code_failed').execute();
    expect(audit).toHaveLength(5);
  });

  it('refuses an expired pending login', async () => {
    const eva = await server.createStaff('counsellor', { username: 'eva' });
    const a = await call(server, 'POST', '/api/auth/login', { username: 'eva', password: eva.password });
    clock.t += 6 * 60_000;
    const res = await call(server, 'POST', '/api/auth/login/code', { challenge: a.body.challenge, code: server.secondFactor('eva') });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('login_expired');
  });
});

describe('sessions and re-authentication', () => {
  let server: TestServer;
  let clock: TestClock;
  beforeEach(async () => {
    clock = new TestClock(Date.UTC(2025, 2, 3, 9, 0, 0));
    server = await startTestServer({ clock });
  });
  afterEach(async () => {
    await server.close();
  });

  it('lists my sessions and ends one, and an admin sees and ends anyone’s', async () => {
    const fleur = await server.createStaff('counsellor', { username: 'fleur' });
    const admin = await server.createStaff('admin');
    const one = await server.login('fleur', fleur.password);
    clock.t += 40_000;
    const two = await server.login('fleur', fleur.password);
    const mine = await call(server, 'GET', '/api/auth/security', undefined, { cookie: two.cookie });
    expect(mine.body.sessions).toHaveLength(2);
    expect(mine.body.recoveryCodesLeft).toBe(10);
    expect(mine.body.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(JSON.stringify(mine.body)).not.toContain(one.cookie.split('=')[1]!);
    const other = mine.body.sessions.find((s: { current: boolean }) => !s.current);
    expect((await call(server, 'DELETE', `/api/auth/sessions/${other.id}`, undefined, auth(two))).status).toBe(200);
    expect((await call(server, 'GET', '/api/auth/me', undefined, { cookie: one.cookie })).status).toBe(401);
    expect((await call(server, 'GET', '/api/auth/me', undefined, { cookie: two.cookie })).status).toBe(200);

    const boss = await server.login(admin.username, admin.password);
    const overview = await call(server, 'GET', '/api/staff/security', undefined, { cookie: boss.cookie });
    expect(overview.body.status.find((s: { staffId: string }) => s.staffId === fleur.id)).toMatchObject({ mfaEnrolled: true, sessions: 1 });
    expect((await call(server, 'DELETE', `/api/staff/${fleur.id}/sessions`, undefined, auth(boss))).body).toEqual({ ended: 1 });
    expect((await call(server, 'GET', '/api/auth/me', undefined, { cookie: two.cookie })).status).toBe(401);
    // Counsellors cannot see this.
    const three = await server.login('fleur', fleur.password);
    expect((await call(server, 'GET', '/api/staff/security', undefined, { cookie: three.cookie })).status).toBe(403);
  });

  it('requires password and code within the last five minutes for sensitive actions', async () => {
    const admin = await server.createStaff('admin');
    const gijs = await server.createStaff('counsellor', { username: 'gijs' });
    const s = await server.login(admin.username, admin.password);
    // Signing in counts as a fresh check.
    expect((await call(server, 'GET', '/api/auth/security', undefined, { cookie: s.cookie })).body.reauthUntil).toBe(clock.now() + recentAuthWindowMs);
    clock.t += recentAuthWindowMs + 1000;
    const tooLate = await call(server, 'POST', `/api/staff/${gijs.id}/mfa/reset`, {}, auth(s));
    expect(tooLate.status).toBe(403);
    expect(tooLate.body.error.code).toBe('reauth_required');

    const bad = await call(server, 'POST', '/api/auth/reauth', { password: 'not my password', code: server.secondFactor(admin.username) }, auth(s));
    expect(bad.status).toBe(403);
    expect(bad.body.error.code).toBe('reauth_failed');
    const ok = await call(server, 'POST', '/api/auth/reauth', { password: admin.password, code: server.secondFactor(admin.username) }, auth(s));
    expect(ok.status).toBe(200);
    expect(ok.body.reauthUntil).toBe(clock.now() + recentAuthWindowMs);

    // The admin resets Gijs's second factor: his sessions end and his next sign-in enrols anew.
    const his = await server.login('gijs', gijs.password);
    expect((await call(server, 'POST', `/api/staff/${gijs.id}/mfa/reset`, {}, auth(s))).status).toBe(200);
    expect((await call(server, 'GET', '/api/auth/me', undefined, { cookie: his.cookie })).status).toBe(401);
    expect((await call(server, 'POST', '/api/auth/login', { username: 'gijs', password: gijs.password })).body.step).toBe('enrol');
    const audit = await server.app.ctx.repos.store.db.selectFrom('audit_log').select('action').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['reauth.failed', 'reauth', 'staff.mfa_reset']));
  });

  it('offers requireRecentAuth as a reusable preHandler', async () => {
    expect(typeof requireRecentAuth(server.app.ctx)).toBe('function');
    const me = await server.createStaff('counsellor');
    const s = await server.login(me.username, me.password);
    expect((await call(server, 'POST', '/api/auth/recovery-codes', {}, auth(s))).body.recoveryCodes).toHaveLength(10);
    clock.t += recentAuthWindowMs + 1;
    expect((await call(server, 'POST', '/api/auth/recovery-codes', {}, auth(s))).status).toBe(403);
  });
});

describe('password policy', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('refuses short, common and patterned passwords with a clear message', async () => {
    const admin = await server.createStaff('admin');
    const s = await server.login(admin.username, admin.password);
    const make = (password: string, username = 'nieuw') =>
      call(server, 'POST', '/api/staff', { username, displayName: 'Nieuw', password, role: 'counsellor' }, auth(s));
    for (const weak of ['password1234', 'Wachtwoord2024!', 'qwertyuiop123', 'welkomwelkom', '111111111111', 'W3lk0m123456', 'nieuw-2024-nieuw']) {
      const res = await make(weak);
      expect(res.status, weak).toBe(400);
      expect(res.body.error.code).toBe('weak_password');
      expect(res.body.error.message).toMatch(/too common or too easy to guess/);
    }
    expect((await make('kort')).status).toBe(400);
    expect((await make('a sentence only I would write')).status).toBe(201);
  });

  it('applies to the first administrator and to a changed password', async () => {
    const token = server.app.ctx.setup.token!;
    const weak = await call(server, 'POST', '/api/setup', { token, username: 'beheer', displayName: 'Beheer', password: 'administrator1' });
    expect(weak.body.error.code).toBe('weak_password');
    // The one-time link still works after a refused password.
    expect((await call(server, 'POST', '/api/setup', { token, username: 'beheer', displayName: 'Beheer', password: 'a long enough password' })).status).toBe(201);
    const admin = await server.createStaff('admin');
    const s = await server.login(admin.username, admin.password);
    const target = await server.createStaff('counsellor');
    expect((await call(server, 'PATCH', `/api/staff/${target.id}`, { password: 'letmein12345' }, auth(s))).body.error.code).toBe('weak_password');
  });
});

describe('blocking a visitor', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('lets the counsellor of the chat block its visitor for a while, audited; others cannot', async () => {
    const chat = await acceptedChat(server);
    const { conversationId, token } = chat;
    const repos = server.app.ctx.repos;
    expect(await server.app.ctx.app.visitorBlocks.blockedUntil({ token })).toBeNull();

    const stranger = await server.createStaff('counsellor');
    const strangerSession = await server.login(stranger.username, stranger.password);
    const refused = await call(server, 'POST', '/api/blocks', { conversationId, hours: 24, reason: 'abuse' }, auth(strangerSession));
    expect(refused.status).toBe(403);

    const holder = await server.login(chat.counsellor.account.username, chat.counsellor.account.password);
    const res = await call(server, 'POST', '/api/blocks', { conversationId, hours: 24, reason: 'abuse' }, auth(holder));
    const sup = holder;
    expect(res.status).toBe(201);
    expect(res.body.block).toMatchObject({ conversationId, kinds: ['token'], reason: 'abuse' });
    const until = await server.app.ctx.app.visitorBlocks.blockedUntil({ token });
    expect(until).toBe(res.body.block.blockedUntil);
    expect((await call(server, 'GET', '/api/blocks', undefined, { cookie: sup.cookie })).body.blocks).toHaveLength(1);
    const audit = await repos.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'visitor.block').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).not.toContain(token);

    expect((await call(server, 'DELETE', `/api/blocks/${res.body.block.id}`, undefined, auth(sup))).status).toBe(200);
    expect(await server.app.ctx.app.visitorBlocks.blockedUntil({ token })).toBeNull();
  });

  it('blocks her return codes too when she has them', async () => {
    const { conversationId } = await startVisitorChat(server);
    const code = await server.app.ctx.app.returnCodes.create(conversationId);
    expect(await server.app.ctx.app.returnCodes.redeem(code)).toBeDefined();
    const supervisor = await server.createStaff('supervisor');
    const sup = await server.login(supervisor.username, supervisor.password);
    const res = await call(server, 'POST', '/api/blocks', { conversationId, hours: 2, reason: 'threat' }, auth(sup));
    expect(res.body.block.kinds).toEqual(['token', 'visitor']);
    expect(await server.app.ctx.app.returnCodes.redeem(code)).toBeUndefined();
    const visitorKey = (await server.app.ctx.repos.conversations.findById(conversationId))!.visitorKey;
    expect(await server.app.ctx.app.visitorBlocks.blockedUntil({ visitorKey })).toBe(res.body.block.blockedUntil);
    await call(server, 'DELETE', `/api/blocks/${res.body.block.id}`, undefined, auth(sup));
    expect(await server.app.ctx.app.returnCodes.redeem(code)).toBeDefined();
  });
});
