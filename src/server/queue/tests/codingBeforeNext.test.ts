// With "code before the next chat" on, a counsellor with an uncoded ended chat takes no new one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { acceptedChat, startVisitorChat, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';

describe('coding before the next chat', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('refuses a new chat until the ended one is coded, only when the administrator asks for it', async () => {
    const first = await acceptedChat(server);
    unwrap(await request(first.counsellor.socket, 'conversation:end', { conversationId: first.conversationId }));
    const next = await startVisitorChat(server, 'Next');
    await server.app.ctx.repos.settings.update({ requireCodingBeforeNext: true }, null, Date.now());
    const refused = await request<Ack<unknown>>(first.counsellor.socket, 'conversation:accept', { conversationId: next.conversationId });
    expect(!refused.ok && refused.error).toMatchObject({ code: 'invalid_state', message: 'code your ended chats first' });
    await server.app.ctx.repos.settings.update({ requireCodingBeforeNext: false }, null, Date.now());
    unwrap(await request(first.counsellor.socket, 'conversation:accept', { conversationId: next.conversationId }));
  });
});
