// Malformed, oversized and flooding input gets a typed error and harms nobody else.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { acceptedChat, sendAs, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';
import { errorCodes } from '../../../protocol/ack.js';
import { limits } from '../../../protocol/limits.js';

describe('bad input on the visitor socket', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses an over-long message with too_large and keeps the conversation usable', async () => {
    const { visitor } = await acceptedChat(server);
    const tooLong = await sendAs(visitor, { clientId: 'long-message-1', body: 'a'.repeat(limits.messageMaxChars + 1) });
    expect(!tooLong.ok && tooLong.error.code).toBe('too_large');
    expect(unwrap(await sendAs(visitor, { clientId: 'short-message-1', body: 'kort' })).message.seq).toBe(1);
  });

  it('refuses a flood with rate_limited', async () => {
    const { visitor } = await acceptedChat(server);
    const acks = await Promise.all(
      Array.from({ length: 45 }, (_, i) => sendAs(visitor, { clientId: `flood-${String(i).padStart(4, '0')}`, body: 'x' })),
    );
    expect(acks.filter((a) => !a.ok && a.error.code === 'rate_limited').length).toBeGreaterThan(0);
  });

  it('answers any payload with a typed ack, and the other conversation keeps working', async () => {
    const bystander = await acceptedChat(server);
    const attacker = await acceptedChat(server);
    const events = ['chat:start', 'chat:resume', 'message:send', 'chat:end'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...events), fc.anything({ maxDepth: 3 }), async (event, payload) => {
        // Waiting out the rate limiter keeps every run meaningful.
        await new Promise((r) => setTimeout(r, 15));
        const ack = await request<Ack<unknown>>(attacker.visitor, event, payload);
        expect(typeof ack.ok).toBe('boolean');
        if (!ack.ok) expect(errorCodes).toContain(ack.error.code);
      }),
      { numRuns: 60, seed: 20260101 },
    );
    const after = unwrap(await sendAs(bystander.visitor, { clientId: 'bystander-01', body: 'nog steeds hier' }));
    expect(after.message.body).toBe('nog steeds hier');
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
  });
});
