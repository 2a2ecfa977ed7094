// What the tab's token still opens after the chat ended: the end screen, never the messages.
// Chrome restores a closed tab's sessionStorage ("reopen closed tab"), so whoever takes her
// phone could otherwise read the whole chat with it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { acceptedChat, sendAs, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';
import type { VisitorChatSnapshot } from '../../../protocol/visitorProtocol.js';
import type { WireMessage } from '../../../protocol/common.js';

describe.each(['sqlite', 'postgres'] as const)('a tab token after the end (%s)', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ dialect });
  });
  afterEach(async () => {
    await server.close();
  });

  it('shows only that the chat ended, with no message, however it is asked', async () => {
    const chat = await acceptedChat(server);
    unwrap(await sendAs(chat.visitor, { clientId: 'secret-0001', body: 'mijn adres is geheim' }));
    unwrap(await sendAs(chat.counsellor.socket, { conversationId: chat.conversationId, clientId: 'secret-0002', body: 'bel dit nummer' }));
    // Before the end, a reload gets everything back.
    const during = server.visitor({ token: chat.token });
    await connected(during);
    expect(unwrap(await request<Ack<VisitorChatSnapshot>>(during, 'chat:resume', { afterSeq: 0 })).messages).toHaveLength(2);
    during.disconnect();

    unwrap(await request<Ack<unknown>>(chat.counsellor.socket, 'conversation:end', { conversationId: chat.conversationId }));
    const restored = server.visitor({ token: chat.token });
    await connected(restored);
    const heard: WireMessage[] = [];
    restored.on('message', (m) => heard.push(m));
    const resumed = unwrap(await request<Ack<VisitorChatSnapshot>>(restored, 'chat:resume', { afterSeq: 0 }));
    expect(resumed.conversation.status).toBe('ended');
    expect(resumed.messages).toEqual([]);
    expect(JSON.stringify(resumed)).not.toContain('geheim');
    const ended = unwrap(await request<Ack<{ conversation: unknown }>>(restored, 'chat:end', { reason: 'visitor' }));
    expect(JSON.stringify(ended)).not.toContain('geheim');
    // Nor does the restored tab hear anything said in the room afterwards.
    unwrap(await request<Ack<unknown>>(chat.counsellor.socket, 'note:add', { conversationId: chat.conversationId, kind: 'note', body: 'nabespreking' }));
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual([]);
  });

  it('tells a visitor back in the queue after a transfer that a colleague is coming', async () => {
    const chat = await acceptedChat(server);
    const states: { status: string; handover: boolean }[] = [];
    chat.visitor.on('chat:state', (c) => states.push({ status: c.status, handover: c.handover }));
    unwrap(await request<Ack<unknown>>(chat.counsellor.socket, 'conversation:transfer', { conversationId: chat.conversationId }));
    await new Promise((r) => setTimeout(r, 150));
    expect(states.at(-1)).toEqual({ status: 'waiting', handover: true });
    const resumed = unwrap(await request<Ack<VisitorChatSnapshot>>(chat.visitor, 'chat:resume', { afterSeq: 0 }));
    expect(resumed.conversation.handover).toBe(true);
  });
});
