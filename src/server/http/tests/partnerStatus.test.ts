// The partners' live status tells the honest wait a newcomer can expect: the waiting screen's
// estimate for the place at the back of the queue, as a range once enough chats were handled.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { signedInCounsellor, unwrap } from '../../testing/chatScenario.js';
import { callApi } from '../../testing/httpCalls.js';
import type { Ack } from '../../../protocol/ack.js';
import type { VisitorChatSnapshot } from '../../../protocol/visitorProtocol.js';
import { publicStatusReuseMs } from '../../../app/queue/publicStatus.js';

describe.each(['sqlite', 'postgres'] as const)('the partners’ status on %s', (dialect) => {
  let server: TestServer;
  let now = Date.UTC(2026, 2, 3, 18);
  const clock = { now: () => now };
  beforeEach(async () => {
    now = Date.UTC(2026, 2, 3, 18);
    server = await startTestServer({ dialect, clock, routingMode: 'automatic', env: { SESSION_IDLE_MINUTES: '240' } });
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
  const status = async () => {
    now += publicStatusReuseMs; // a fresh look at the queue
    return (await callApi(server, null, 'GET', '/api/status')).body;
  };

  it('is busy with the range a newcomer would wait once the counsellor on duty is full, and longer with someone ahead', async () => {
    const counsellor = await signedInCounsellor(server, { maxChats: 1 });
    expect(await status()).toEqual({ state: 'open' });
    for (const minutes of [25, 35, 40]) {
      const chat = await visitor();
      unwrap(await request(counsellor.socket, 'conversation:accept', { conversationId: chat.id }));
      now += minutes * 60_000;
      unwrap(await request(counsellor.socket, 'conversation:end', { conversationId: chat.id }));
      now += 10 * 60_000;
    }
    expect(await status()).toEqual({ state: 'open' });
    const current = await visitor();
    unwrap(await request(counsellor.socket, 'conversation:accept', { conversationId: current.id }));
    // The same range the waiting screen shows the first in line.
    expect(await status()).toEqual({ state: 'busy', wait: { minMinutes: 10, maxMinutes: 20 } });
    await visitor(); // one waiting now: a newcomer is second
    const second = await status();
    expect(second.state).toBe('busy');
    expect(second.wait.minMinutes).toBeGreaterThanOrEqual(10);
    expect(second.wait.maxMinutes === null || second.wait.maxMinutes > 20).toBe(true);
  });
});
