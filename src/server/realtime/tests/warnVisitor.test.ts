// A counsellor warns an abusive visitor: the visitor gets a line Baken wrote (as a key, shown
// in her language), the audit log records who warned and why, and only the counsellor holding
// the chat (or a supervisor) may do it, and only while the chat is in progress.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextEvent, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { acceptedChat, signedInCounsellor, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';
import type { WireMessage } from '../../../protocol/common.js';

describe('warning a visitor', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('puts a warning line in the chat for both sides and records it without content', async () => {
    const chat = await acceptedChat(server);
    const seen = nextEvent<WireMessage>(chat.visitor, 'message', (m) => m.sender === 'system');
    unwrap(await request<Ack<{ ok: true }>>(chat.counsellor.socket, 'conversation:warn', { conversationId: chat.conversationId, reason: 'sexual' }));
    expect(await seen).toMatchObject({ sender: 'system', body: 'warning_sexual' });
    const stored = await server.app.ctx.repos.messages.listAfter(chat.conversationId, 0);
    expect(stored.map((m) => [m.sender, m.body])).toEqual([['system', 'warning_sexual']]);
    const audit = await server.app.ctx.repos.audit.list({ action: 'visitor.warned' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staff_id: chat.counsellor.account.id, target_id: chat.conversationId, detail: JSON.stringify({ reason: 'sexual' }) });
  });

  it('refuses another counsellor, an unknown reason and an ended chat', async () => {
    const chat = await acceptedChat(server);
    const other = await signedInCounsellor(server);
    const notHers = await request<Ack<unknown>>(other.socket, 'conversation:warn', { conversationId: chat.conversationId, reason: 'abuse' });
    expect(!notHers.ok && notHers.error.code).toBe('forbidden');
    const badReason = await request<Ack<unknown>>(chat.counsellor.socket, 'conversation:warn', { conversationId: chat.conversationId, reason: 'rude words here' });
    expect(!badReason.ok && badReason.error.code).toBe('invalid_request');
    unwrap(await request(chat.counsellor.socket, 'conversation:end', { conversationId: chat.conversationId }));
    const ended = await request<Ack<unknown>>(chat.counsellor.socket, 'conversation:warn', { conversationId: chat.conversationId, reason: 'abuse' });
    expect(!ended.ok && ended.error.code).toBe('invalid_state');
    expect(await server.app.ctx.repos.messages.listAfter(chat.conversationId, 0)).toEqual([]);
  });
});
