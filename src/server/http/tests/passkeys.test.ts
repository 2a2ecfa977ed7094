// Passkeys over real HTTP with real WebAuthn answers (a software authenticator, see
// testPasskey.ts): adding one after a fresh check, signing in with it as the second step, and
// every way a sign-in must be refused — a stale, expired or replayed challenge, a passkey of
// someone else, a removed passkey, a cloned key, a look-alike site, too many tries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { TestAuthenticator } from '../../testing/testPasskey.js';
import { recentAuthWindowMs } from '../recentAuth.js';
import { passkeyPolicy } from '../../auth/passkeys.js';
import { callApi, staffHeaders } from '../../testing/httpCalls.js';
import { TestClock } from '../../testing/testClock.js';

const call = (server: TestServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => callApi(server, null, method, path, body, headers);

const publicUrl = 'https://baken.example';
const auth = staffHeaders;

describe.each(['sqlite', 'postgres'] as const)('passkeys on %s', (dialect) => {
  let server: TestServer;
  let clock: TestClock;
  beforeEach(async () => {
    clock = new TestClock(Date.UTC(2025, 2, 3, 9, 0, 0));
    server = await startTestServer({ dialect, clock, env: { PUBLIC_URL: publicUrl } });
  });
  afterEach(async () => {
    await server.close();
  });

  /** A signed-in account with one passkey on a fresh software authenticator. */
  async function withPasskey(username: string, label = 'Laptop') {
    const account = await server.createStaff('counsellor', { username });
    const session = await server.login(username, account.password);
    const authenticator = new TestAuthenticator(publicUrl);
    const options = await call(server, 'POST', '/api/auth/passkeys/options', {}, auth(session));
    expect(options.status).toBe(200);
    const added = await call(server, 'POST', '/api/auth/passkeys', { label, credential: authenticator.register(options.body.options) }, auth(session));
    expect(added.status).toBe(200);
    return { account, session, authenticator, passkeyId: added.body.id as string };
  }

  async function passwordStep(username: string, password: string) {
    const res = await call(server, 'POST', '/api/auth/login', { username, password });
    expect(res.status).toBe(200);
    return res.body as { step: 'mfa'; challenge: string; passkey: boolean };
  }

  async function loginOptions(challenge: string) {
    const res = await call(server, 'POST', '/api/auth/login/passkey/options', { challenge });
    expect(res.status).toBe(200);
    return res.body.options;
  }

  it('confirms a sensitive action with password and passkey, and refuses a wrong password, a login answer or a replay', async () => {
    const { account, session, authenticator } = await withPasskey('bea');
    clock.t += recentAuthWindowMs + 1000; // the sign-in no longer counts as fresh
    const before = await call(server, 'GET', '/api/auth/security', undefined, auth(session));
    expect(before.body.reauthUntil).toBeNull();

    const options = (await call(server, 'POST', '/api/auth/reauth/passkey/options', {}, auth(session))).body.options;
    const wrongPassword = await call(server, 'POST', '/api/auth/reauth/passkey', { password: 'not her password', credential: authenticator.assert(options) }, auth(session));
    expect(wrongPassword.status).toBe(403);
    expect(wrongPassword.body.error.code).toBe('reauth_failed');

    // The challenge was used up by that try; a fresh one works.
    const fresh = (await call(server, 'POST', '/api/auth/reauth/passkey/options', {}, auth(session))).body.options;
    const answer = authenticator.assert(fresh);
    const ok = await call(server, 'POST', '/api/auth/reauth/passkey', { password: account.password, credential: answer }, auth(session));
    expect(ok.status).toBe(200);
    expect(ok.body.reauthUntil).toBe(clock.now() + recentAuthWindowMs);
    const replay = await call(server, 'POST', '/api/auth/reauth/passkey', { password: account.password, credential: answer }, auth(session));
    expect(replay.status).toBe(403);

    // An answer made for a sign-in challenge does not confirm an action in a session.
    const step = await passwordStep('bea', account.password);
    const loginAnswer = authenticator.assert(await loginOptions(step.challenge));
    expect((await call(server, 'POST', '/api/auth/reauth/passkey', { password: account.password, credential: loginAnswer }, auth(session))).status).toBe(403);

    const audit = await server.app.ctx.repos.audit.list({ staffId: account.id });
    expect(audit.filter((e) => e.action === 'reauth').map((e) => JSON.parse(e.detail!))).toEqual([{ factor: 'passkey' }]);
    expect(audit.filter((e) => e.action === 'reauth.failed')).toHaveLength(3);
  });

  it('adds a passkey with a name and signs in with password and passkey, as a fresh check', async () => {
    const { account, session, authenticator } = await withPasskey('anna', 'Laptop op kantoor');
    const mine = await call(server, 'GET', '/api/auth/security', undefined, { cookie: session.cookie });
    expect(mine.body.passkeys).toEqual([{ id: expect.any(String), label: 'Laptop op kantoor', createdAt: clock.now(), lastUsedAt: null }]);
    // The options named this site and her account.
    const stored = await server.app.ctx.repos.passkeys.listFor(account.id);
    expect(stored[0]!.credentialId).toBe(authenticator.credentialIds[0]);

    clock.t += 60_000;
    const step = await passwordStep('anna', account.password);
    expect(step.passkey).toBe(true);
    const options = await loginOptions(step.challenge);
    expect(options.rpId).toBe('baken.example');
    expect(options.allowCredentials).toEqual([{ id: authenticator.credentialIds[0], type: 'public-key', transports: ['internal'] }]);
    const signedIn = await call(server, 'POST', '/api/auth/login/passkey', { challenge: step.challenge, credential: authenticator.assert(options) });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ factor: 'passkey', recoveryCodesLeft: 10, staff: { username: 'anna' } });
    expect(signedIn.cookie).toMatch(/^baken_session=/);

    // A session started with a passkey counts as freshly checked, like one started with a code.
    const cookie = { cookie: signedIn.cookie, 'x-csrf-token': signedIn.body.csrfToken as string };
    const after = await call(server, 'GET', '/api/auth/security', undefined, cookie);
    expect(after.body.reauthUntil).toBe(clock.now() + recentAuthWindowMs);
    expect(after.body.passkeys[0].lastUsedAt).toBe(clock.now());
    expect((await call(server, 'POST', '/api/auth/recovery-codes', {}, cookie)).status).toBe(200);

    const audit = await server.app.ctx.repos.store.db.selectFrom('audit_log').select(['action', 'detail']).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['passkey.added', 'login.passkey']));
    // Her own words (the label) stay out of the audit log.
    expect(JSON.stringify(audit)).not.toContain('Laptop');
  });

  it('asks for a fresh check before adding or removing a passkey, and the check is single-use', async () => {
    const { account, session, authenticator, passkeyId } = await withPasskey('bert');
    clock.t += recentAuthWindowMs + 1000;
    const late = await call(server, 'POST', '/api/auth/passkeys/options', {}, auth(session));
    expect(late.status).toBe(403);
    expect(late.body.error.code).toBe('reauth_required');
    expect((await call(server, 'DELETE', `/api/auth/passkeys/${passkeyId}`, undefined, auth(session))).body.error.code).toBe('reauth_required');

    const reauth = await call(server, 'POST', '/api/auth/reauth', { password: account.password, code: server.secondFactor('bert') }, auth(session));
    expect(reauth.status).toBe(200);
    const options = await call(server, 'POST', '/api/auth/passkeys/options', {}, auth(session));
    // The passkey she has is excluded, so the same authenticator is not added twice.
    expect(options.body.options.excludeCredentials.map((c: { id: string }) => c.id)).toEqual(authenticator.credentialIds);
    const second = new TestAuthenticator(publicUrl);
    const credential = second.register(options.body.options);
    expect((await call(server, 'POST', '/api/auth/passkeys', { label: 'Sleutel', credential }, auth(session))).status).toBe(200);
    // The same answer again: its challenge is used up.
    const again = await call(server, 'POST', '/api/auth/passkeys', { label: 'Sleutel', credential }, auth(session));
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('passkey_failed');
    expect((await call(server, 'GET', '/api/auth/security', undefined, { cookie: session.cookie })).body.passkeys.map((p: { label: string }) => p.label)).toEqual(['Laptop', 'Sleutel']);
  });

  it('refuses to add a passkey made for another site, for an expired challenge, or with an empty name', async () => {
    const carla = await server.createStaff('counsellor', { username: 'carla' });
    const session = await server.login('carla', carla.password);
    const authenticator = new TestAuthenticator(publicUrl);
    const add = async (credential: unknown, label = 'Telefoon') => call(server, 'POST', '/api/auth/passkeys', { label, credential }, auth(session));

    let options = (await call(server, 'POST', '/api/auth/passkeys/options', {}, auth(session))).body.options;
    expect((await add(authenticator.register(options, { origin: 'https://baken-login.example' }))).status).toBe(400);

    options = (await call(server, 'POST', '/api/auth/passkeys/options', {}, auth(session))).body.options;
    expect((await add(authenticator.register(options), '   ')).status).toBe(400);

    options = (await call(server, 'POST', '/api/auth/passkeys/options', {}, auth(session))).body.options;
    clock.t += passkeyPolicy.challengeTtlMs + 1000;
    expect((await add(authenticator.register(options))).body.error.code).toBe('passkey_failed');
    expect(await server.app.ctx.repos.passkeys.listFor(carla.id)).toEqual([]);
  });

  it('refuses an answer to another challenge, an expired one, and a replayed one', async () => {
    const { account, authenticator } = await withPasskey('dirk');
    clock.t += 60_000;

    // Signed for a challenge we did not give out.
    let step = await passwordStep('dirk', account.password);
    let options = await loginOptions(step.challenge);
    const forged = await call(server, 'POST', '/api/auth/login/passkey', {
      challenge: step.challenge,
      credential: authenticator.assert(options, { challenge: 'bm90LXRoZS1jaGFsbGVuZ2UtdGhhdC13YXMtZ2l2ZW4' }),
    });
    expect(forged.status).toBe(401);
    expect(forged.cookie).toBe('');

    // Answered after the challenge expired (the pending login itself is still alive).
    options = await loginOptions(step.challenge);
    clock.t += passkeyPolicy.challengeTtlMs + 1000;
    expect((await call(server, 'POST', '/api/auth/login/passkey', { challenge: step.challenge, credential: authenticator.assert(options) })).status).toBe(401);

    // A good answer works once; sent again for a new sign-in, it is refused.
    step = await passwordStep('dirk', account.password);
    options = await loginOptions(step.challenge);
    const credential = authenticator.assert(options);
    expect((await call(server, 'POST', '/api/auth/login/passkey', { challenge: step.challenge, credential })).status).toBe(200);
    const next = await passwordStep('dirk', account.password);
    await loginOptions(next.challenge);
    const replay = await call(server, 'POST', '/api/auth/login/passkey', { challenge: next.challenge, credential });
    expect(replay.status).toBe(401);
    expect(replay.cookie).toBe('');
    // And on the used-up pending login it was made for.
    expect((await call(server, 'POST', '/api/auth/login/passkey', { challenge: step.challenge, credential })).body.error.code).toBe('login_expired');
  });

  it('refuses a passkey of another staff member', async () => {
    const eva = await withPasskey('eva');
    const fred = await withPasskey('fred');
    const step = await passwordStep('eva', eva.account.password);
    const options = await loginOptions(step.challenge);
    // Fred's authenticator signs Eva's challenge with Fred's passkey.
    const res = await call(server, 'POST', '/api/auth/login/passkey', { challenge: step.challenge, credential: fred.authenticator.assert({ ...options, allowCredentials: undefined }) });
    expect(res.status).toBe(401);
    expect(res.cookie).toBe('');
    // Nor can Eva remove Fred's passkey.
    expect((await call(server, 'DELETE', `/api/auth/passkeys/${fred.passkeyId}`, undefined, auth(eva.session))).status).toBe(404);
    expect(await server.app.ctx.repos.passkeys.countFor(fred.account.id)).toBe(1);
  });

  it('cannot sign in with a removed passkey', async () => {
    const { account, session, authenticator, passkeyId } = await withPasskey('gijs');
    const removed = await call(server, 'DELETE', `/api/auth/passkeys/${passkeyId}`, undefined, auth(session));
    expect(removed.status).toBe(200);
    let step = await passwordStep('gijs', account.password);
    expect(step.passkey).toBe(false);
    expect((await call(server, 'POST', '/api/auth/login/passkey/options', { challenge: step.challenge })).status).toBe(404);

    // With another passkey still there, the removed one's signature is not accepted either.
    const spare = new TestAuthenticator(publicUrl);
    const regOptions = (await call(server, 'POST', '/api/auth/passkeys/options', {}, auth(session))).body.options;
    expect((await call(server, 'POST', '/api/auth/passkeys', { label: 'Reserve', credential: spare.register(regOptions) }, auth(session))).status).toBe(200);
    step = await passwordStep('gijs', account.password);
    const options = await loginOptions(step.challenge);
    const res = await call(server, 'POST', '/api/auth/login/passkey', {
      challenge: step.challenge,
      credential: authenticator.assert(options, { credentialId: authenticator.credentialIds[0] }),
    });
    expect(res.status).toBe(401);
    const audit = await server.app.ctx.repos.store.db.selectFrom('audit_log').select('action').where('action', '=', 'passkey.removed').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a cloned key (a signature counter that goes back) and a look-alike site', async () => {
    const { account, authenticator } = await withPasskey('hanna');
    let step = await passwordStep('hanna', account.password);
    let options = await loginOptions(step.challenge);
    expect((await call(server, 'POST', '/api/auth/login/passkey', { challenge: step.challenge, credential: authenticator.assert(options, { counter: 7 }) })).status).toBe(200);

    step = await passwordStep('hanna', account.password);
    options = await loginOptions(step.challenge);
    expect((await call(server, 'POST', '/api/auth/login/passkey', { challenge: step.challenge, credential: authenticator.assert(options, { counter: 5 }) })).status).toBe(401);

    options = await loginOptions(step.challenge);
    const phished = authenticator.assert({ ...options, rpId: 'baken-login.example' }, { origin: 'https://baken-login.example' });
    expect((await call(server, 'POST', '/api/auth/login/passkey', { challenge: step.challenge, credential: phished })).status).toBe(401);

    // The genuine key, counting on from 7, still works on the same pending login.
    options = await loginOptions(step.challenge);
    expect((await call(server, 'POST', '/api/auth/login/passkey', { challenge: step.challenge, credential: authenticator.assert(options, { counter: 8 }) })).status).toBe(200);
  });

  it('counts failed passkey answers like wrong codes: the pending login runs out and the account is held back', async () => {
    const { account, authenticator } = await withPasskey('ilse');
    const step = await passwordStep('ilse', account.password);
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const options = (await call(server, 'POST', '/api/auth/login/passkey/options', { challenge: step.challenge })).body?.options;
      const credential = authenticator.assert(options ?? { challenge: 'eA', rpId: 'baken.example' }, { origin: 'https://elsewhere.example' });
      const res = await call(server, 'POST', '/api/auth/login/passkey', { challenge: step.challenge, credential });
      answers.push(`${res.status} ${res.body.error.code}`);
    }
    expect(answers.slice(0, 5)).toEqual(Array(5).fill('401 unauthenticated'));
    expect(answers[5]).toBe('401 login_expired');
    expect((await call(server, 'POST', '/api/auth/login', { username: 'ilse', password: account.password })).status).toBe(429);
    const failed = await server.app.ctx.repos.store.db.selectFrom('audit_log').select('action').where('action', '=', 'login.passkey_failed').execute();
    expect(failed).toHaveLength(5);
  });

  it('removes her passkeys when an administrator resets her second factor', async () => {
    const { account } = await withPasskey('joke');
    const admin = await server.createStaff('admin');
    const boss = await server.login(admin.username, admin.password);
    // The administrator sees she has one, so she knows what a reset takes away.
    const passkeysOf = async () =>
      ((await call(server, 'GET', '/api/staff/security', undefined, auth(boss))).body.status as { staffId: string; passkeys: number }[]).find((s) => s.staffId === account.id)?.passkeys;
    expect(await passkeysOf()).toBe(1);
    expect((await call(server, 'POST', `/api/staff/${account.id}/mfa/reset`, {}, auth(boss))).status).toBe(200);
    expect(await server.app.ctx.repos.passkeys.countFor(account.id)).toBe(0);
    expect(await passkeysOf()).toBe(0);
    expect((await passwordStep('joke', account.password)).step).toBe('enrol');
  });
});
