// Redis (the link between nodes) goes away for a few seconds and comes back: the cluster
// recovers by itself, and a conversation split over two nodes carries on.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connected, nextEvent, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { sendAs, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';
import type { VisitorChatSnapshot } from '../../../protocol/visitorProtocol.js';
import type { WireMessage } from '../../../protocol/common.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A Redis of this test's own, so stopping it disturbs nothing else. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return child;
    await sleep(50);
  }
  throw new Error('redis did not start');
}

describe('a Redis outage', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('is survived: messages cross nodes again once Redis is back, and the visitor gets what she missed', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    cleanups.push(() => void redis.kill('SIGKILL'));
    const env = { REDIS_URL: `redis://127.0.0.1:${port}`, MASTER_KEY: crypto.randomBytes(32).toString('base64') };
    const a: TestServer = await startTestServer({ dialect: 'postgres', env });
    cleanups.push(() => a.close());
    const b = await startTestServer({ dialect: 'postgres', env, joinSchema: a.schema! });
    cleanups.unshift(() => b.close()); // close b before a (a owns the schema)

    const account = await a.createStaff('counsellor');
    const { cookie } = await b.login(account.username, account.password);
    const staff = b.staff(cookie);
    await connected(staff);
    const visitor = a.visitor();
    await connected(visitor);
    const started = unwrap(await request<Ack<VisitorChatSnapshot & { token: string }>>(visitor, 'chat:start', { language: 'nl' }));
    const conversationId = started.conversation.id;
    unwrap(await request(staff, 'conversation:accept', { conversationId }));

    // Redis dies. Sending still works (the database is the truth); live delivery across nodes pauses.
    redis.kill('SIGKILL');
    await new Promise((r) => redis.once('exit', r));
    const during = unwrap(await sendAs(staff, { conversationId, clientId: 'during-outage-1', body: 'tijdens de storing' }));
    expect(during.message.seq).toBe(1);
    await sleep(2000);

    redis = await startRedis(port);
    // Give the adapters a moment to reconnect and resubscribe, then talk again.
    let arrived: WireMessage | undefined;
    for (let attempt = 0; attempt < 20 && !arrived; attempt++) {
      await sleep(500);
      const next = nextEvent<WireMessage>(visitor, 'message', (m) => m.sender === 'counsellor', 1500).catch(() => undefined);
      unwrap(await sendAs(staff, { conversationId, clientId: `after-outage-${attempt}`, body: 'weer verbonden' }));
      arrived = await next;
    }
    expect(arrived?.body).toBe('weer verbonden');
    // What she missed during the outage comes with a resume.
    const resumed = unwrap(await request<Ack<VisitorChatSnapshot>>(visitor, 'chat:resume', { afterSeq: 0 }));
    expect(resumed.messages.map((m) => m.clientId)).toContain('during-outage-1');
  }, 60_000);
});
