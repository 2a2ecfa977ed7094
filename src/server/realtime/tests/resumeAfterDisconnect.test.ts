// A participant who drops out (a tunnel, a reload) reconnects and gets exactly what she missed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { acceptedChat, sendAs, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';
import type { VisitorChatSnapshot } from '../../../protocol/visitorProtocol.js';
import type { StaffChatSnapshot, StaffConversationView } from '../../../protocol/staffProtocol.js';

describe.each(['sqlite', 'postgres'] as const)('resuming on %s', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ dialect });
  });
  afterEach(async () => {
    await server.close();
  });

  it('gives a reconnecting visitor the messages she missed, in order, once', async () => {
    const { visitor, token, conversationId, counsellor } = await acceptedChat(server);
    unwrap(await sendAs(visitor, { clientId: 'v-00000001', body: 'een' }));
    visitor.disconnect();
    for (const [i, body] of ['twee', 'drie', 'vier'].entries()) {
      unwrap(await sendAs(counsellor.socket, { conversationId, clientId: `s-0000000${i}`, body }));
    }
    // The reloaded tab comes back with its token and asks for everything after what it had.
    const again = server.visitor({ token });
    await connected(again);
    const resumed = unwrap(await request<Ack<VisitorChatSnapshot>>(again, 'chat:resume', { afterSeq: 1 }));
    expect(resumed.messages.map((m) => [m.seq, m.body])).toEqual([
      [2, 'twee'],
      [3, 'drie'],
      [4, 'vier'],
    ]);
    expect(resumed.conversation).toMatchObject({ id: conversationId, status: 'active', lastSeq: 4 });
    // And the live stream carries on to the new socket.
    const next = new Promise((resolve) => again.once('message', resolve));
    unwrap(await sendAs(counsellor.socket, { conversationId, clientId: 's-00000009', body: 'vijf' }));
    expect(await next).toMatchObject({ seq: 5, body: 'vijf' });
  });

  it('lets a counsellor who reloads find her chats and resume them', async () => {
    const { visitor, conversationId, counsellor } = await acceptedChat(server);
    counsellor.socket.disconnect();
    unwrap(await sendAs(visitor, { clientId: 'v-00000002', body: 'hallo?' }));
    const socket = server.staff(counsellor.cookie);
    await connected(socket);
    const mine = unwrap(await request<Ack<{ conversations: StaffConversationView[] }>>(socket, 'conversation:mine'));
    expect(mine.conversations.map((c) => c.id)).toEqual([conversationId]);
    const resumed = unwrap(await request<Ack<StaffChatSnapshot>>(socket, 'conversation:resume', { conversationId, afterSeq: 0 }));
    expect(resumed.messages.map((m) => m.body)).toEqual(['hallo?']);
  });

  it('tells a tab with an unknown token that there is no conversation, so it can start afresh', async () => {
    const stranger = server.visitor({ token: 'x'.repeat(43) });
    await connected(stranger);
    const resumed = await request<Ack<VisitorChatSnapshot>>(stranger, 'chat:resume', { afterSeq: 0 });
    expect(resumed.ok).toBe(false);
    expect(!resumed.ok && resumed.error.code).toBe('not_found');
  });
});
