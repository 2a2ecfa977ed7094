// Starts a real Baken server on a free port for integration and browser tests, on SQLite
// (in memory) or on a fresh PostgreSQL schema, with helpers to make staff and clients.
import crypto from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { buildApp, type BakenApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { hashPassword } from '../auth/passwords.js';
import type { StaffRole } from '../../store/staffRepository.js';
import { testDatabaseUrl, createTestSchema, dropTestSchema } from '../../store/testing/testStores.js';
import type { VisitorClientToServer, VisitorServerToClient } from '../../protocol/visitorProtocol.js';
import type { StaffClientToServer, StaffServerToClient } from '../../protocol/staffProtocol.js';
import { createLogger } from '../logger.js';
import type { Clock } from '../../app/clock.js';
import type { Translator } from '../../app/translation/translator.js';
import { enrolForTest, nextSecondFactor, rememberTestTotp, testTotpFor, totpCode } from './testMfa.js';

export type VisitorSocket = Socket<VisitorServerToClient, VisitorClientToServer>;
export type StaffSocket = Socket<StaffServerToClient, StaffClientToServer>;

export interface TestServer {
  app: BakenApp;
  url: string;
  /** The PostgreSQL schema, for starting a second node on the same data. */
  schema: string | undefined;
  /**
   * Makes a staff account, enrolled in TOTP (test-only, see testMfa.ts) unless `enrolled: false`,
   * in which case her first sign-in starts the enrolment.
   */
  createStaff(
    role: StaffRole,
    overrides?: { username?: string; password?: string; maxChats?: number; displayName?: string; enrolled?: boolean },
  ): Promise<{ id: string; username: string; password: string; totpSecret: string | null; recoveryCodes: string[] }>;
  /**
   * Signs in over HTTP, both steps (password, then a TOTP code computed by the test helper; an
   * account not enrolled yet is enrolled on the way), and returns the cookie and CSRF token.
   */
  login(username: string, password: string): Promise<{ cookie: string; csrfToken: string }>;
  /** A code the server accepts now for an account this test server knows the secret of. */
  secondFactor(username: string): string;
  visitor(auth?: { token?: string }): VisitorSocket;
  staff(cookie: string): StaffSocket;
  close(): Promise<void>;
}

export interface TestServerOptions {
  dialect?: 'sqlite' | 'postgres';
  env?: Record<string, string>;
  clock?: Clock;
  /** Tests of the chat itself pick chats by hand; routing tests ask for automatic offers. */
  routingMode?: 'manual' | 'automatic';
  /** Join an existing PostgreSQL schema (another node of the same test cluster); not dropped on close. */
  joinSchema?: string;
  /** Translation on, with this translator (a fake: no engine ships with Baken). */
  translator?: Translator;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ownsSchema = options.dialect === 'postgres' && !options.joinSchema;
  const schema = options.joinSchema ?? (ownsSchema ? `t_${crypto.randomBytes(6).toString('hex')}` : undefined);
  if (ownsSchema) {
    await createTestSchema(schema!);
  }
  const config: Config = {
    ...loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: ':memory:',
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'silent',
      METRICS_PORT: '0',
      // Every test visitor comes from 127.0.0.1; the per-address limit has tests of its own.
      WAITING_CHATS_PER_SOURCE: '1000',
      MASTER_KEY: crypto.randomBytes(32).toString('base64'),
      ...(schema ? { DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: schema } : {}),
      ...options.env,
    }),
  };
  const app = await buildApp(config, {
    logger: createLogger(config.logLevel),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.translator ? { translator: options.translator } : {}),
  });
  if (!options.joinSchema) await app.ctx.repos.settings.update({ routingMode: options.routingMode ?? 'manual' }, null, app.ctx.clock.now());
  const url = await app.listen();
  const sockets: Socket[] = [];
  const secondFactor = (username: string) => {
    const entry = testTotpFor(url, username);
    if (!entry) throw new Error(`test helper: no TOTP secret known for ${username}`);
    return nextSecondFactor(entry, app.ctx.clock.now());
  };

  return {
    app,
    url,
    schema,
    async createStaff(role, overrides = {}) {
      const username = overrides.username ?? `${role}-${crypto.randomBytes(3).toString('hex')}`;
      const password = overrides.password ?? 'correct horse battery staple';
      const staff = await app.ctx.repos.staff.create({
        id: crypto.randomUUID(),
        username,
        displayName: overrides.displayName ?? username.split('-')[0]!.replace(/^./, (c) => c.toUpperCase()),
        passwordHash: await hashPassword(password),
        role,
        maxChats: overrides.maxChats ?? 3,
        now: app.ctx.clock.now(),
      });
      if (overrides.enrolled === false) return { id: staff.id, username, password, totpSecret: null, recoveryCodes: [] };
      const { secret, recoveryCodes } = await enrolForTest(app.ctx.repos, staff.id, app.ctx.clock.now());
      rememberTestTotp(url, username, secret, recoveryCodes);
      return { id: staff.id, username, password, totpSecret: secret, recoveryCodes };
    },
    async login(username, password) {
      const post = (path: string, body: unknown) =>
        fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const first = await post('/api/auth/login', { username, password });
      if (first.status !== 200) throw new Error(`login failed: ${first.status}`);
      const step = (await first.json()) as { step: 'mfa' | 'enrol'; challenge: string; secret?: string };
      let res: Response;
      if (step.step === 'enrol') {
        const entry = rememberTestTotp(url, username, step.secret!);
        const now = app.ctx.clock.now();
        entry.lastStep = Math.floor(now / 30_000);
        res = await post('/api/auth/login/enrol', { challenge: step.challenge, code: totpCode(step.secret!, now) });
      } else {
        res = await post('/api/auth/login/code', { challenge: step.challenge, code: secondFactor(username) });
      }
      if (res.status !== 200) throw new Error(`login failed at the second step: ${res.status}`);
      const setCookie = res.headers.get('set-cookie') ?? '';
      const body = (await res.json()) as { csrfToken: string; recoveryCodes?: string[]; step?: string };
      if (body.step === 'password') throw new Error(`login of ${username} needs a new password first (a temporary password): use POST /api/auth/login/password`);
      if (body.recoveryCodes) testTotpFor(url, username)!.recoveryCodes.push(...body.recoveryCodes);
      return { cookie: setCookie.split(';')[0]!, csrfToken: body.csrfToken };
    },
    secondFactor,
    visitor(auth = {}) {
      const socket: VisitorSocket = connect(`${url}/visitor`, { transports: ['websocket'], auth, forceNew: true, reconnection: false });
      sockets.push(socket);
      return socket;
    },
    staff(cookie) {
      const socket: StaffSocket = connect(`${url}/staff`, {
        transports: ['websocket'],
        extraHeaders: { cookie },
        forceNew: true,
        reconnection: false,
      });
      sockets.push(socket);
      return socket;
    },
    async close() {
      for (const s of sockets) s.disconnect();
      await app.close();
      if (ownsSchema) {
        await dropTestSchema(schema!);
      }
    },
  };
}

/**
 * Emit with an acknowledgement and wait for it, as `call` does for the clients (untyped here:
 * tests also send what no client would, to see it refused).
 */
export async function request<T>(socket: Socket, event: string, ...args: unknown[]): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, ...args) as Promise<T>;
}

/** Resolves with the next occurrence of `event` that satisfies `predicate`. */
export function nextEvent<T>(socket: Socket, event: string, predicate: (value: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const listener = (value: T) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(value);
    };
    socket.on(event, listener);
  });
}

export function connected(socket: Socket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
}
