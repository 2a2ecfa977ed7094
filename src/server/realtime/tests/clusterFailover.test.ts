// Three Baken processes on one PostgreSQL database and one Redis. A visitor on node 1 chats
// with a counsellor on node 2; node 1 is killed; the visitor reconnects to node 3 and the
// chat carries on with nothing lost or repeated, and the queue stays consistent.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openStore } from '../../../store/database.js';
import { createRepositories } from '../../../store/repositories.js';
import { keyringFrom } from '../../../store/encryption/envelope.js';
import { randomToken, sha256 } from '../../auth/secrets.js';
import { sessionCookieName } from '../../auth/staffSessions.js';
import { testDatabaseUrl, dropTestSchema } from '../../../store/testing/testStores.js';
import { SyncClient } from '../../testing/syncClient.js';
import type { Ack } from '../../../protocol/ack.js';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
    await sleep(50);
  }
  throw new Error(`${url} did not start`);
}

describe('a three-node cluster', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('survives the death of the visitor’s node without losing or repeating a message', async () => {
    const schema = `t_cluster_${crypto.randomBytes(4).toString('hex')}`;
    const masterKey = crypto.randomBytes(32);
    cleanups.push(async () => {
      await dropTestSchema(schema!);
    });
    const setup = await openStore({ databaseUrl: testDatabaseUrl, pgSchema: schema });
    await migrateToLatest(setup);
    const repos = createRepositories(setup, keyringFrom([masterKey]));
    await repos.settings.update({ routingMode: 'manual' }, null, 0);
    const staff = await repos.staff.create({ id: crypto.randomUUID(), username: 'noor', displayName: 'Noor', passwordHash: 'x', role: 'counsellor', now: 0 });
    const token = randomToken();
    await repos.sessions.create({ id: sha256(token), staffId: staff.id, csrfToken: randomToken(), createdAt: Date.now(), lastSeenAt: Date.now(), expiresAt: Date.now() + 3_600_000 });
    const cookie = `${sessionCookieName}=${token}`;
    await setup.close();

    const entry = fs.existsSync('dist/server/server/main.js') ? ['dist/server/server/main.js'] : ['--import', 'tsx', 'src/server/main.ts'];
    const nodes: { url: string; child: ChildProcess }[] = [];
    for (let n = 0; n < 3; n++) {
      const port = await freePort();
      const child = spawn(process.execPath, entry, {
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', METRICS_PORT: 'off', WAITING_CHATS_PER_SOURCE: '1000', COOKIE_SECURE: 'false', MASTER_KEY: masterKey.toString('base64'), DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: schema, REDIS_URL: redisUrl },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      cleanups.push(() => void child.kill('SIGKILL'));
      nodes.push({ url: `http://127.0.0.1:${port}`, child });
    }
    await Promise.all(nodes.map((n) => waitReady(n.url)));
    const [one, two, three] = nodes as [(typeof nodes)[0], (typeof nodes)[0], (typeof nodes)[0]];

    const starter = io(`${one.url}/visitor`, { transports: ['websocket'], forceNew: true, reconnection: false });
    const started = (await starter.timeout(5000).emitWithAck('chat:start', { language: 'nl' })) as Ack<{ token: string; conversation: { id: string } }>;
    if (!started.ok) throw new Error(started.error.message);
    starter.disconnect();
    const conversationId = started.data.conversation.id;
    const staffStarter = io(`${two.url}/staff`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
    expect(((await staffStarter.timeout(5000).emitWithAck('conversation:accept', { conversationId })) as Ack<unknown>).ok).toBe(true);
    staffStarter.disconnect();

    let visitor = new SyncClient(one.url, '/visitor', {}, { auth: { token: started.data.token } });
    const counsellor = new SyncClient(two.url, '/staff', { conversationId }, { cookie });
    cleanups.push(() => {
      visitor.close();
      counsellor.close();
    });
    await sleep(500);
    for (let i = 0; i < 5; i++) {
      visitor.type(`visitor-before-${i}`, `voor ${i}`);
      counsellor.type(`counsellor-before-${i}`, `antwoord ${i}`);
      await sleep(120);
    }

    // Node 1 dies mid-conversation. Her page reconnects to another node (the load balancer's job).
    visitor.type('visitor-in-flight', 'net voor de crash');
    one.child.kill('SIGKILL');
    await new Promise((r) => one.child.once('exit', r));
    const survivor = visitor.state;
    visitor.close();
    visitor = new SyncClient(three.url, '/visitor', {}, { auth: { token: started.data.token } });
    visitor.state = { ...survivor, connected: false };
    cleanups.push(() => visitor.close());
    for (let i = 0; i < 5; i++) {
      visitor.type(`visitor-after-${i}`, `na ${i}`);
      counsellor.type(`counsellor-after-${i}`, `antwoord na ${i}`);
      await sleep(120);
    }
    for (let i = 0; i < 50 && (visitor.state.log.pending.length > 0 || counsellor.state.log.pending.length > 0); i++) {
      visitor.retryPending();
      counsellor.retryPending();
      await sleep(200);
    }

    const check = await openStore({ databaseUrl: testDatabaseUrl, pgSchema: schema });
    const stored = await createRepositories(check, keyringFrom([masterKey])).messages.listAfter(conversationId, 0);
    const conversation = await check.db.selectFrom('conversations').select(['status', 'counsellor_id']).where('id', '=', conversationId).executeTakeFirstOrThrow();
    await check.close();
    for (let i = 0; i < 50 && Math.min(visitor.state.log.stored.length, counsellor.state.log.stored.length) < stored.length; i++) await sleep(100);

    const ids = stored.map((m) => m.clientId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(21); // 10 before, 1 in flight, 10 after
    expect(visitor.state.log.stored.map((m) => m.clientId)).toEqual(ids);
    expect(counsellor.state.log.stored.map((m) => m.clientId)).toEqual(ids);
    // The queue is consistent: still one counsellor's active chat.
    expect(conversation).toEqual({ status: 'active', counsellor_id: staff.id });
  }, 90_000);
});
