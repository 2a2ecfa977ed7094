// Nobody reads or writes a conversation that is not theirs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { acceptedChat, sendAs, signedInCounsellor, startVisitorChat, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';

describe('conversation isolation', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('never delivers one visitor’s messages to another visitor', async () => {
    const a = await acceptedChat(server);
    const b = await startVisitorChat(server, 'Other');
    const leaked: unknown[] = [];
    b.visitor.on('message', (m) => leaked.push(m));
    unwrap(await sendAs(a.visitor, { clientId: 'private-0001', body: 'geheim' }));
    unwrap(await sendAs(a.counsellor.socket, { conversationId: a.conversationId, clientId: 'private-0002', body: 'ok' }));
    await new Promise((r) => setTimeout(r, 100));
    expect(leaked).toEqual([]);
  });

  it('does not let a visitor address another conversation by id', async () => {
    const a = await acceptedChat(server);
    const b = await startVisitorChat(server, 'Other');
    // The visitor protocol has no conversation id: extra fields are ignored, her own chat is used.
    const sent = unwrap(await sendAs(b.visitor, { conversationId: a.conversationId, clientId: 'sneaky-0001', body: 'hoi' }));
    expect(sent.message.conversationId).toBe(b.conversationId);
    const inA = await server.app.ctx.repos.messages.listAfter(a.conversationId, 0);
    expect(inA.map((m) => m.clientId)).not.toContain('sneaky-0001');
  });

  it('does not let a counsellor read or write a colleague’s conversation', async () => {
    const a = await acceptedChat(server);
    const colleague = await signedInCounsellor(server);
    const read = await request<Ack<unknown>>(colleague.socket, 'conversation:resume', { conversationId: a.conversationId, afterSeq: 0 });
    expect(!read.ok && read.error.code).toBe('forbidden');
    const write = await sendAs(colleague.socket, { conversationId: a.conversationId, clientId: 'intrude-0001', body: 'x' });
    expect(!write.ok && write.error.code).toBe('forbidden');
    const end = await request<Ack<unknown>>(colleague.socket, 'conversation:end', { conversationId: a.conversationId });
    expect(!end.ok && end.error.code).toBe('forbidden');
  });

  it('gives a conversation to only one of two counsellors accepting at the same moment', async () => {
    const chat = await startVisitorChat(server);
    const one = await signedInCounsellor(server);
    const two = await signedInCounsellor(server);
    const results = await Promise.all(
      [one, two].map((c) => request<Ack<unknown>>(c.socket, 'conversation:accept', { conversationId: chat.conversationId })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser && !loser.ok && loser.error.code).toBe('conflict');
  });
});
