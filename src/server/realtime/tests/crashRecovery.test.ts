// The server process is killed with SIGKILL, again and again, while a visitor and a counsellor
// keep typing. Afterwards every acknowledged message is in the database exactly once, and both
// sides converge on the same transcript. Runs on SQLite and on PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openStore } from '../../../store/database.js';
import { createRepositories } from '../../../store/repositories.js';
import { keyringFrom } from '../../../store/encryption/envelope.js';
import { hashPassword } from '../../auth/passwords.js';
import { randomToken, sha256 } from '../../auth/secrets.js';
import { sessionCookieName } from '../../auth/staffSessions.js';
import { testDatabaseUrl, dropTestSchema } from '../../../store/testing/testStores.js';
import { SyncClient } from '../../testing/syncClient.js';
import type { Ack } from '../../../protocol/ack.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not start');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(['sqlite', 'postgres'] as const)('SIGKILL under load on %s', (dialect) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('loses no acknowledged message and stores none twice', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-crash-'));
    const schema = `t_crash_${crypto.randomBytes(4).toString('hex')}`;
    const masterKey = crypto.randomBytes(32);
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const storeOptions = dialect === 'sqlite' ? { dataDir: dir } : { databaseUrl: testDatabaseUrl, pgSchema: schema };
    if (dialect === 'postgres') {
      cleanups.push(async () => {
        await dropTestSchema(schema!);
      });
    }
    const setup = await openStore(storeOptions);
    await migrateToLatest(setup);
    const setupRepos = createRepositories(setup, keyringFrom([masterKey]));
    await setupRepos.settings.update({ routingMode: 'manual' }, null, 0);
    const sam = await setupRepos.staff.create({ id: crypto.randomUUID(), username: 'sam', displayName: 'Sam', passwordHash: await hashPassword('crash test password'), role: 'counsellor', now: 0 });
    // A signed-in session, made directly: this test is about delivery, not about signing in.
    const sessionToken = randomToken();
    const now = Date.now();
    await setupRepos.sessions.create({ id: sha256(sessionToken), staffId: sam.id, csrfToken: randomToken(), createdAt: now, lastSeenAt: now, expiresAt: now + 3_600_000 });
    const cookie = `${sessionCookieName}=${sessionToken}`;
    await setup.close();

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      METRICS_PORT: 'off',
      WAITING_CHATS_PER_SOURCE: '1000',
      COOKIE_SECURE: 'false',
      MASTER_KEY: masterKey.toString('base64'),
      ...(dialect === 'sqlite' ? { DATA_DIR: dir } : { DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: schema }),
    };
    let child: ChildProcess | undefined;
    const start = async () => {
      // The compiled server starts in a fraction of the time tsx needs (npm test builds it first).
      const entry = fs.existsSync('dist/server/server/main.js') ? ['dist/server/server/main.js'] : ['--import', 'tsx', 'src/server/main.ts'];
      child = spawn(process.execPath, entry, { env, stdio: ['ignore', 'ignore', 'inherit'] });
      await waitReady(url);
    };
    cleanups.push(() => void child?.kill('SIGKILL'));
    await start();

    // A visitor starts a chat, the counsellor takes it.
    const starter = io(`${url}/visitor`, { transports: ['websocket'], forceNew: true, reconnection: false });
    const started = (await starter.timeout(5000).emitWithAck('chat:start', { language: 'nl' })) as Ack<{ token: string; conversation: { id: string } }>;
    if (!started.ok) throw new Error(started.error.message);
    starter.disconnect();
    const conversationId = started.data.conversation.id;
    const staffStarter = io(`${url}/staff`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
    await new Promise((resolve, reject) => {
      staffStarter.once('connect', () => resolve(null));
      staffStarter.once('connect_error', reject);
    });
    const accepted = (await staffStarter.timeout(5000).emitWithAck('conversation:accept', { conversationId })) as Ack<unknown>;
    expect(accepted.ok).toBe(true);
    staffStarter.disconnect();

    const visitor = new SyncClient(url, '/visitor', {}, { auth: { token: started.data.token } });
    const counsellor = new SyncClient(url, '/staff', { conversationId }, { cookie });
    cleanups.push(() => {
      visitor.close();
      counsellor.close();
    });

    // Type steadily while the server is killed three times.
    let n = 0;
    const typing = setInterval(() => {
      visitor.type(`visitor-${String(n).padStart(5, '0')}`, `bericht ${n}`);
      counsellor.type(`counsellor-${String(n).padStart(5, '0')}`, `antwoord ${n}`);
      n++;
    }, 300); // about as fast as a person types, and within the per-socket rate limit
    for (let kill = 0; kill < 3; kill++) {
      await sleep(600);
      child!.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
      await sleep(100);
      await start();
    }
    await sleep(300);
    clearInterval(typing);

    // Let both sides finish: resend whatever is pending until everything is acknowledged.
    for (let i = 0; i < 100 && (visitor.state.log.pending.length > 0 || counsellor.state.log.pending.length > 0); i++) {
      visitor.retryPending();
      counsellor.retryPending();
      await sleep(300);
    }

    const check = await openStore(storeOptions);
    const repos = createRepositories(check, keyringFrom([masterKey]));
    const stored = await repos.messages.listAfter(conversationId, 0);
    await check.close();
    // Pushes may still be on their way on this loaded machine: wait until both sides hold all.
    for (let i = 0; i < 100 && Math.min(visitor.state.log.stored.length, counsellor.state.log.stored.length) < stored.length; i++) await sleep(100);

    const ids = stored.map((m) => m.clientId);
    // Only refusals that a resend overcomes (a brief rate limit) are acceptable.
    for (const client of [visitor, counsellor]) expect([...client.refusals.keys()].filter((code) => code !== 'rate_limited')).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length); // nothing twice
    for (const id of [...visitor.acked, ...counsellor.acked]) expect(ids).toContain(id); // nothing acknowledged lost
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
    expect(visitor.state.log.pending).toEqual([]);
    expect(counsellor.state.log.pending).toEqual([]);
    expect(ids.length).toBe(2 * n); // in the end everything typed was stored
    // Both sides converge on the stored transcript.
    expect({ connected: visitor.socket.connected, errors: visitor.connectErrors, held: visitor.state.log.stored.length }).toEqual({ connected: true, errors: visitor.connectErrors, held: ids.length });
    expect(visitor.state.log.stored.map((m) => m.clientId)).toEqual(ids);
    expect(counsellor.state.log.stored.map((m) => m.clientId)).toEqual(ids);
  }, 90_000);
});
