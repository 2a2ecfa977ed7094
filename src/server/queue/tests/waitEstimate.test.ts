// The waiting visitor's estimate over real sockets: after a few chats handled this evening and
// with the counsellor on duty and full, she is told a range, not "we can't say yet".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, nextEvent, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { signedInCounsellor, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';
import type { QueueStatus, VisitorChatSnapshot } from '../../../protocol/visitorProtocol.js';

describe('the wait estimate a waiting visitor sees', () => {
  let server: TestServer;
  let now = Date.UTC(2026, 2, 3, 18);
  const clock = { now: () => now };
  beforeEach(async () => {
    now = Date.UTC(2026, 2, 3, 18);
    // The evening passes in jumps; the counsellor's session must outlast them.
    server = await startTestServer({ clock, routingMode: 'automatic', env: { SESSION_IDLE_MINUTES: '240' } });
  });
  afterEach(async () => {
    await server.close();
  });

  async function visitor() {
    const socket = server.visitor();
    await connected(socket);
    const started = unwrap(await request<Ack<VisitorChatSnapshot & { token: string }>>(socket, 'chat:start', { language: 'nl' }));
    return { socket, id: started.conversation.id };
  }

  it('is a range once three chats were handled this evening and the counsellor on duty is full', async () => {
    const counsellor = await signedInCounsellor(server, { maxChats: 1 });
    for (const minutes of [25, 35, 40]) {
      const chat = await visitor();
      unwrap(await request(counsellor.socket, 'conversation:accept', { conversationId: chat.id }));
      now += minutes * 60_000;
      unwrap(await request(counsellor.socket, 'conversation:end', { conversationId: chat.id }));
      now += 10 * 60_000;
    }
    const current = await visitor();
    unwrap(await request(counsellor.socket, 'conversation:accept', { conversationId: current.id }));

    const waiting = server.visitor();
    await connected(waiting);
    const status = nextEvent<QueueStatus>(waiting, 'chat:queue');
    unwrap(await request(waiting, 'chat:start', { language: 'nl' }));
    expect(await status).toEqual({ position: 1, estimate: { kind: 'range', minMinutes: 10, maxMinutes: 20 }, busy: false });
  });

  it('still cannot say with only two chats handled', async () => {
    const counsellor = await signedInCounsellor(server, { maxChats: 1 });
    for (const minutes of [25, 35]) {
      const chat = await visitor();
      unwrap(await request(counsellor.socket, 'conversation:accept', { conversationId: chat.id }));
      now += minutes * 60_000;
      unwrap(await request(counsellor.socket, 'conversation:end', { conversationId: chat.id }));
    }
    const current = await visitor();
    unwrap(await request(counsellor.socket, 'conversation:accept', { conversationId: current.id }));
    const waiting = server.visitor();
    await connected(waiting);
    const status = nextEvent<QueueStatus>(waiting, 'chat:queue');
    unwrap(await request(waiting, 'chat:start', { language: 'nl' }));
    expect((await status).estimate).toEqual({ kind: 'unknown', reason: 'not_enough_recent_chats' });
  });
});
