// With "code before the next chat" on, a counsellor with an uncoded ended chat takes no new one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { acceptedChat, startVisitorChat, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';

const validValues = {
  contactType: 'victim',
  traffickingQuestion: 'no',
  otherTopics: ['none'],
  acuteUnsafety: false,
  age: 16,
  ageBasis: 'stated',
  gender: 'female',
  language: 'nl',
  actions: ['none'],
  followUpAgreed: false,
};

async function waitFor(check: () => Promise<boolean>, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

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

  it('offers no new chat automatically to a counsellor who must code first, and offers one as soon as she has coded', async () => {
    await server.close();
    server = await startTestServer({ routingMode: 'automatic' });
    await server.app.ctx.repos.settings.update({ requireCodingBeforeNext: true }, null, Date.now());
    const first = await acceptedChat(server);
    unwrap(await request(first.counsellor.socket, 'conversation:end', { conversationId: first.conversationId }));

    const next = await startVisitorChat(server, 'Next');
    await server.app.ctx.app.queue.tick();
    expect(await server.app.ctx.repos.conversations.findById(next.conversationId)).toMatchObject({ status: 'waiting', counsellorId: null });

    const res = await fetch(`${server.url}/api/codings/${first.conversationId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: first.counsellor.cookie, 'x-csrf-token': first.counsellor.csrfToken },
      body: JSON.stringify({ values: validValues }),
    });
    expect(res.status).toBe(200);
    await waitFor(async () => (await server.app.ctx.repos.conversations.findById(next.conversationId))?.status === 'offered');
    expect(await server.app.ctx.repos.conversations.findById(next.conversationId)).toMatchObject({ counsellorId: first.counsellor.account.id });
  });
});
