// Benchmark 2: N conversations through a real Baken server (its own process): a visitor and a
// counsellor socket per conversation, each side sending one message per second; latency is
// from send to receipt by the other side, and every message is committed before it is acked.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { migrateToLatest, openStore } from '../src/store/database.js';
import { createRepositories } from '../src/store/repositories.js';
import { keyringFrom } from '../src/store/encryption/envelope.js';
import { hashPassword } from '../src/server/auth/passwords.js';
import { randomToken, sha256 } from '../src/server/auth/secrets.js';
import { sessionCookieName } from '../src/server/auth/staffSessions.js';
import { freePort, startNode, stop, waitForReady } from './childProcess.js';
import { LatencyRecorder } from './latency.js';
import { cpuSeconds, rssMiB } from './processStats.js';
import { sendForSeconds, type LoadResult } from './relayBaseline.js';

const chatsPerCounsellor = 5;
export const benchDatabaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export interface BakenTarget {
  url: string;
  pids: number[];
  counsellors: { username: string; password: string; cookie: string }[];
  close(): Promise<void>;
}

/** Starts `nodes` Baken processes on one database (and Redis when more than one), with staff made beforehand. */
export async function startBaken(options: {
  dialect: 'sqlite' | 'postgres';
  counsellors: number;
  nodes?: number;
  routingMode?: 'manual' | 'automatic';
  maxChats?: number;
}): Promise<BakenTarget & { urls: string[]; metricsUrls: string[] }> {
  const masterKey = crypto.randomBytes(32).toString('base64');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-bench-'));
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {
    MASTER_KEY: masterKey,
    LOG_LEVEL: 'warn',
    METRICS_HOST: '127.0.0.1',
    // The load generator's visitors all come from 127.0.0.1.
    WAITING_CHATS_PER_SOURCE: '1000000',
    COOKIE_SECURE: 'false',
    HOST: '127.0.0.1',
    ...(options.dialect === 'sqlite' ? { DATA_DIR: dataDir } : { DATABASE_URL: benchDatabaseUrl, DATABASE_SCHEMA: schema }),
    ...((options.nodes ?? 1) > 1 ? { REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' } : {}),
  };
  const store = await openStore(options.dialect === 'sqlite' ? { dataDir } : { databaseUrl: benchDatabaseUrl, pgSchema: schema });
  await migrateToLatest(store);
  const repos = createRepositories(store, keyringFrom([Buffer.from(masterKey, 'base64')]));
  const password = 'benchmark password';
  const passwordHash = await hashPassword(password);
  // Manual routing: each benchmark counsellor takes exactly the chats the benchmark gives her.
  await repos.settings.update({ routingMode: options.routingMode ?? 'manual' }, null, Date.now());
  const counsellors = [];
  for (let i = 0; i < options.counsellors; i++) {
    const username = `bench-${i}`;
    const staff = await repos.staff.create({ id: crypto.randomUUID(), username, displayName: `C${i}`, passwordHash, role: 'counsellor', maxChats: options.maxChats ?? chatsPerCounsellor, now: Date.now() });
    // A session made directly (sign-in with two steps is not what is measured here).
    const token = randomToken();
    const now = Date.now();
    await repos.sessions.create({ id: sha256(token), staffId: staff.id, csrfToken: randomToken(), createdAt: now, lastSeenAt: now, expiresAt: now + 3_600_000 });
    counsellors.push({ username, password, cookie: `${sessionCookieName}=${token}` });
  }
  await store.close();

  const children: import('node:child_process').ChildProcess[] = [];
  const urls = [];
  const metricsUrls = [];
  for (let n = 0; n < (options.nodes ?? 1); n++) {
    const port = await freePort();
    const metricsPort = await freePort();
    const child = startNode(['dist/server/server/main.js'], { ...env, PORT: String(port), METRICS_PORT: String(metricsPort) });
    children.push(child);
    urls.push(`http://127.0.0.1:${port}`);
    metricsUrls.push(`http://127.0.0.1:${metricsPort}/metrics`);
  }
  await Promise.all(urls.map((u) => waitForReady(u)));
  return {
    url: urls[0]!,
    urls,
    metricsUrls,
    pids: children.map((c) => c.pid!),
    counsellors,
    async close() {
      await Promise.all(children.map(stop));
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (options.dialect === 'postgres') {
        const pg = await import('pg');
        const client = new pg.default.Client({ connectionString: benchDatabaseUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    },
  };
}

function connect(url: string, namespace: string, options: Record<string, unknown>): Promise<Socket> {
  const socket = io(`${url}${namespace}`, { transports: ['websocket'], forceNew: true, reconnection: false, ...options });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function inBatches<T>(items: T[], size: number, fn: (item: T, index: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)));
}

export async function runBakenLoad(options: { dialect: 'sqlite' | 'postgres'; conversations: number; seconds: number; nodes?: number }): Promise<LoadResult & { errors: number }> {
  const counsellorCount = Math.ceil(options.conversations / chatsPerCounsellor);
  const target = await startBaken({ dialect: options.dialect, counsellors: counsellorCount, nodes: options.nodes ?? 1 });
  const recorder = new LatencyRecorder();
  const sentAt = new Map<string, number>();
  const sockets: Socket[] = [];
  let errors = 0;
  const urlFor = (i: number) => target.urls[i % target.urls.length]!;
  try {
    const onMessage = (side: 'visitor' | 'counsellor') => (m: { clientId: string; sender: string }) => {
      if (m.sender === side) return;
      const t = sentAt.get(m.clientId);
      if (t !== undefined) {
        recorder.record(performance.now() - t);
        sentAt.delete(m.clientId);
      }
    };
    const visitors: { socket: Socket; conversationId: string }[] = [];
    await inBatches(Array.from({ length: options.conversations }), 50, async (_x, i) => {
      const socket = await connect(urlFor(i), '/visitor', {});
      sockets.push(socket);
      socket.on('message', onMessage('visitor'));
      const ack = await socket.emitWithAck('chat:start', { language: 'nl' });
      if (!ack.ok) throw new Error(ack.error.message);
      visitors[i] = { socket, conversationId: ack.data.conversation.id };
    });
    const staff: { socket: Socket; conversationIds: string[] }[] = [];
    await inBatches(target.counsellors, 20, async (c, i) => {
      // Counsellors sit on the other node, so cluster runs cross nodes.
      const url = urlFor(i + 1);
      const cookie = c.cookie;
      const socket = await connect(url, '/staff', { extraHeaders: { cookie } });
      sockets.push(socket);
      socket.on('message', onMessage('counsellor'));
      const mine = visitors.slice(i * chatsPerCounsellor, (i + 1) * chatsPerCounsellor).map((v) => v.conversationId);
      for (const conversationId of mine) {
        const ack = await socket.emitWithAck('conversation:accept', { conversationId });
        if (!ack.ok) throw new Error(ack.error.message);
      }
      staff[i] = { socket, conversationIds: mine };
    });

    const senders: (() => void)[] = [];
    let seq = 0;
    const send = (socket: Socket, payload: Record<string, unknown>) => {
      const clientId = `b${(seq++).toString(36).padStart(8, '0')}`;
      sentAt.set(clientId, performance.now());
      socket.emit('message:send', { ...payload, clientId, body: 'benchmark message with a typical length of text' }, (ack: { ok: boolean }) => {
        if (!ack.ok) errors++;
      });
    };
    for (const v of visitors) senders.push(() => send(v.socket, {}));
    for (const s of staff) for (const conversationId of s.conversationIds) senders.push(() => send(s.socket, { conversationId }));

    const cpu0 = target.pids.map(cpuSeconds);
    const started = performance.now();
    await sendForSeconds(options.seconds, senders.length, (i) => senders[i]!());
    await new Promise((r) => setTimeout(r, 1000));
    const elapsed = (performance.now() - started) / 1000;
    const cpu = target.pids.reduce((sum, pid, i) => sum + cpuSeconds(pid) - cpu0[i]!, 0);
    const messagesPerSecond = recorder.count / elapsed;
    const serverRss = target.pids.reduce((sum, pid) => sum + rssMiB(pid), 0);
    // A message still under way when the window closes is late, not lost: let the backlog
    // drain, and count as lost only what never arrives.
    const drainUntil = performance.now() + 30_000;
    while (sentAt.size > 0 && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 100));
    return {
      conversations: options.conversations,
      seconds: options.seconds,
      messagesPerSecond,
      latency: recorder.summary(),
      serverCpuPercent: (cpu / elapsed) * 100,
      serverRssMiB: serverRss,
      lost: sentAt.size,
      errors,
    };
  } finally {
    for (const s of sockets) s.disconnect();
    await target.close();
  }
}

/**
 * Benchmark 3: idle visitors connected to one process, the memory each one costs, and one chat
 * among them (a visitor and her counsellor, four messages a second each way) and its latency.
 */
export async function runIdleConnections(count: number, chatSeconds = 10) {
  const target = await startBaken({ dialect: 'sqlite', counsellors: 1 });
  const sockets: Socket[] = [];
  try {
    const before = rssMiB(target.pids[0]!);
    await inBatches(Array.from({ length: count }), 200, async () => {
      sockets.push(await connect(target.url, '/visitor', {}));
    });
    await new Promise((r) => setTimeout(r, 1000));
    const after = rssMiB(target.pids[0]!);

    const recorder = new LatencyRecorder();
    const sentAt = new Map<string, number>();
    const onMessage = (side: string) => (m: { clientId: string; sender: string }) => {
      if (m.sender === side) return;
      const t = sentAt.get(m.clientId);
      if (t !== undefined) recorder.record(performance.now() - t);
      sentAt.delete(m.clientId);
    };
    const visitor = await connect(target.url, '/visitor', {});
    sockets.push(visitor);
    visitor.on('message', onMessage('visitor'));
    const started = (await visitor.emitWithAck('chat:start', { language: 'nl' })) as { ok: boolean; data: { conversation: { id: string } } };
    const conversationId = started.data.conversation.id;
    const counsellor = await connect(target.url, '/staff', { extraHeaders: { cookie: target.counsellors[0]!.cookie } });
    sockets.push(counsellor);
    counsellor.on('message', onMessage('counsellor'));
    await counsellor.emitWithAck('conversation:accept', { conversationId });
    let n = 0;
    const send = (socket: Socket, payload: Record<string, unknown>) => {
      const clientId = `idle-chat-${n++}`;
      sentAt.set(clientId, performance.now());
      socket.emit('message:send', { ...payload, clientId, body: 'a message among the idle visitors' }, () => undefined);
    };
    for (let s = 0; s < chatSeconds * 4; s++) {
      send(visitor, {});
      send(counsellor, { conversationId });
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 500));
    return { connections: count, rssMiB: after, kibPerConnection: ((after - before) * 1024) / count, chat: recorder.summary(), lost: sentAt.size };
  } finally {
    for (const s of sockets) s.disconnect();
    await target.close();
  }
}
