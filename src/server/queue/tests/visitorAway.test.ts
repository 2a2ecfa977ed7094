// A waiting visitor whose tab closed is offered to nobody: at once when the tab said it was
// closing (beacon), after her connection is seen gone otherwise. She keeps her place if she is
// back in time (a reload), and the chat ends as abandoned if she is not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, nextEvent, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { signedInCounsellor, startVisitorChat, unwrap } from '../../testing/chatScenario.js';
import { callApi } from '../../testing/httpCalls.js';
import { TestClock } from '../../testing/testClock.js';
import type { Ack } from '../../../protocol/ack.js';
import type { QueueItem } from '../../../protocol/staffProtocol.js';
import type { VisitorChatSnapshot } from '../../../protocol/visitorProtocol.js';

describe.each(['sqlite', 'postgres'] as const)('a waiting visitor whose tab is gone (%s)', (dialect) => {
  let server: TestServer;
  let clock: TestClock;
  beforeEach(async () => {
    clock = new TestClock(Date.now());
    server = await startTestServer({ dialect, clock, routingMode: 'automatic' });
  });
  afterEach(async () => {
    await server.close();
  });

  it('is taken out of routing at once by the beacon, offered again when she is back, and keeps her place', async () => {
    const chat = await startVisitorChat(server, 'Roos');
    expect((await callApi(server, null, 'POST', '/api/visitor/leave', { token: chat.token })).status).toBe(204);
    chat.visitor.disconnect();
    const anna = await signedInCounsellor(server, { displayName: 'Anna' });
    const offers: string[] = [];
    anna.socket.on('conversation:update', (c) => {
      if (c.status === 'offered') offers.push(c.id);
    });
    const queue = unwrap(await request<Ack<{ waiting: QueueItem[] }>>(anna.socket, 'queue:list'));
    expect(queue.waiting.map((q) => [q.nickname, q.status, q.visitorAway])).toEqual([['Roos', 'waiting', true]]);
    await new Promise((r) => setTimeout(r, 150));
    expect(offers).toEqual([]);

    // A reload: the same token comes back within the grace time.
    const offered = nextEvent<{ id: string; status: string }>(anna.socket, 'conversation:update', (c) => c.status === 'offered');
    const again = server.visitor({ token: chat.token });
    await connected(again);
    expect((await offered).id).toBe(chat.conversationId);
    const resumed = unwrap(await request<Ack<VisitorChatSnapshot>>(again, 'chat:resume', { afterSeq: 0 }));
    expect(resumed.conversation.status).toBe('offered');
  });

  it('ends the chat as abandoned when she does not come back in time, and answers every token alike', async () => {
    const chat = await startVisitorChat(server, 'Iris');
    await callApi(server, null, 'POST', '/api/visitor/leave', { token: chat.token });
    chat.visitor.disconnect();
    expect((await callApi(server, null, 'POST', '/api/visitor/leave', { token: 'x'.repeat(40) })).status).toBe(204);
    clock.t += 21_000;
    await server.app.ctx.app.queue.tick();
    const ended = await server.app.ctx.repos.conversations.findById(chat.conversationId);
    expect(ended).toMatchObject({ status: 'ended', endReason: 'abandoned', visitorAwayUntil: null });
  });

  it('holds her place longer when only the connection went, and withdraws an offer made meanwhile', async () => {
    const anna = await signedInCounsellor(server, { displayName: 'Anna', maxChats: 1 });
    const chat = await startVisitorChat(server, 'Sara');
    await expect.poll(async () => (await server.app.ctx.repos.conversations.findById(chat.conversationId))?.status).toBe('offered');
    chat.visitor.disconnect();
    await expect.poll(async () => (await server.app.ctx.repos.conversations.findById(chat.conversationId))?.status).toBe('waiting');
    const held = await server.app.ctx.repos.conversations.findById(chat.conversationId);
    expect(held!.visitorAwayUntil! - clock.now()).toBeGreaterThan(60_000);
    // The offer was taken back, and Anna was not put on a break for it.
    const mine = unwrap(await request<Ack<{ status: string }>>(anna.socket, 'conversation:mine'));
    expect(mine.status).toBe('available');
  });
});
