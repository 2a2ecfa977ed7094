// A resend after a lost acknowledgement must be stored once and answered with the original.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { acceptedChat, sendAs, unwrap } from '../../testing/chatScenario.js';

describe.each(['sqlite', 'postgres'] as const)('resending on %s', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ dialect });
  });
  afterEach(async () => {
    await server.close();
  });

  it('stores a message sent three times with one client id exactly once', async () => {
    const { visitor, conversationId } = await acceptedChat(server);
    const payload = { clientId: 'same-client-id-1', body: 'ben je daar?' };
    const [a, b, c] = await Promise.all([sendAs(visitor, payload), sendAs(visitor, payload), sendAs(visitor, payload)]);
    const ids = [a, b, c].map((ack) => unwrap(ack).message.id);
    expect(new Set(ids).size).toBe(1);
    const stored = await server.app.ctx.repos.messages.listAfter(conversationId, 0);
    expect(stored.filter((m) => m.clientId === 'same-client-id-1')).toHaveLength(1);
  });

  it('answers a resend from after the chat ended with the stored original, not an error', async () => {
    const { visitor } = await acceptedChat(server);
    const first = unwrap(await sendAs(visitor, { clientId: 'late-resend-01', body: 'doei' }));
    unwrap(await (await import('../../testing/testServer.js')).request(visitor, 'chat:end', { reason: 'visitor' }));
    const again = unwrap(await sendAs(visitor, { clientId: 'late-resend-01', body: 'doei' }));
    expect(again.message.id).toBe(first.message.id);
  });
});
