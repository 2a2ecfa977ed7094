// Nicknames that look like nothing, and lengths counted as a person counts them, over a real socket.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { acceptedChat, sendAs } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';
import type { VisitorChatSnapshot } from '../../../protocol/visitorProtocol.js';

describe('visible text on the wire', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('refuses a nickname of only invisible characters with a clear error, and strips bidi controls', async () => {
    const socket = server.visitor();
    await connected(socket);
    const refused = await request<Ack<VisitorChatSnapshot>>(socket, 'chat:start', { language: 'nl', nickname: '\u200B\u200D\u2060\u202E' });
    expect(!refused.ok && refused.error.code).toBe('invalid_request');
    expect(!refused.ok && refused.error.message).toMatch(/nickname/);
    const started = await request<Ack<VisitorChatSnapshot>>(socket, 'chat:start', { language: 'nl', nickname: '\u202Esoor' });
    expect(started.ok).toBe(true);
    const stored = await server.app.ctx.repos.conversations.findById(started.ok ? started.data.conversation.id : '');
    expect(stored?.nickname).toBe('soor');
  });

  it('takes 4,000 flags (16,000 code units) and refuses 4,001 as too long', async () => {
    const chat = await acceptedChat(server);
    const ok = await sendAs(chat.visitor, { clientId: 'flags-0001', body: '🇳🇱'.repeat(4000) });
    expect(ok.ok).toBe(true);
    const tooLong = await sendAs(chat.visitor, { clientId: 'flags-0002', body: '🇳🇱'.repeat(4001) });
    expect(!tooLong.ok && tooLong.error.code).toBe('too_large');
  });
});
