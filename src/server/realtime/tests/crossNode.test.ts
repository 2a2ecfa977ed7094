// Two Baken nodes on one PostgreSQL database and one Redis: a visitor on one node chats with a
// counsellor on the other.
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { connected, nextEvent, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { sendAs, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';
import type { VisitorChatSnapshot, VisitorConversationView } from '../../../protocol/visitorProtocol.js';
import type { QueueItem, StaffChatSnapshot } from '../../../protocol/staffProtocol.js';
import type { WireMessage } from '../../../protocol/common.js';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('two nodes with PostgreSQL and Redis', () => {
  const nodes: TestServer[] = [];
  afterEach(async () => {
    // Close the node that owns the schema last.
    for (const node of nodes.reverse()) await node.close();
    nodes.length = 0;
  });

  it('delivers queue updates, state changes and messages across nodes', async () => {
    const env = { REDIS_URL: redisUrl, MASTER_KEY: crypto.randomBytes(32).toString('base64') };
    const a = await startTestServer({ dialect: 'postgres', env });
    nodes.push(a);
    const b = await startTestServer({ dialect: 'postgres', env, joinSchema: a.schema! });
    nodes.push(b);

    const account = await a.createStaff('counsellor', { displayName: 'Noor' });
    const { cookie } = await b.login(account.username, account.password);
    const staff = b.staff(cookie);
    await connected(staff);

    const visitor = a.visitor();
    await connected(visitor);
    const queued = nextEvent<{ upserted: QueueItem[] }>(staff, 'queue:diff', (u) => u.upserted.length === 1);
    const started = unwrap(await request<Ack<VisitorChatSnapshot & { token: string }>>(visitor, 'chat:start', { language: 'en' }));
    const conversationId = started.conversation.id;
    expect((await queued).upserted[0]?.conversationId).toBe(conversationId);

    const activeSeen = nextEvent<VisitorConversationView>(visitor, 'chat:state', (c) => c.status === 'active');
    unwrap(await request<Ack<StaffChatSnapshot>>(staff, 'conversation:accept', { conversationId }));
    expect((await activeSeen).counsellorName).toBe('Noor');

    const toVisitor = nextEvent<WireMessage>(visitor, 'message', (m) => m.sender === 'counsellor');
    unwrap(await sendAs(staff, { conversationId, clientId: 'cross-node-01', body: 'Hello from node B' }));
    expect((await toVisitor).body).toBe('Hello from node B');

    const toStaff = nextEvent<WireMessage>(staff, 'message', (m) => m.sender === 'visitor');
    unwrap(await sendAs(visitor, { clientId: 'cross-node-02', body: 'Hi from node A' }));
    expect((await toStaff).body).toBe('Hi from node A');
  });
});
