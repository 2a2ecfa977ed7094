import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, request, startTestServer, type TestServer } from '../testing/testServer.js';
import { signedInCounsellor, startVisitorChat, unwrap } from '../testing/chatScenario.js';
import { newReturnCode, normaliseReturnCode } from './returnCodes.js';
import type { Ack } from '../../protocol/ack.js';
import type { VisitorChatSnapshot } from '../../protocol/visitorProtocol.js';

describe('return code format', () => {
  it('always reads back what was written, also in lower case or without the dash', () => {
    fc.assert(
      fc.property(fc.integer(), () => {
        const code = newReturnCode();
        expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
        expect(normaliseReturnCode(code.toLowerCase().replace('-', ' '))).toBe(code.replace('-', ''));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects anything that is not a code without throwing', () => {
    fc.assert(fc.property(fc.string(), (s) => void normaliseReturnCode(s)));
    expect(normaliseReturnCode('ABCD')).toBeUndefined();
  });
});

describe('coming back with a return code', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ routingMode: 'automatic' });
  });
  afterEach(async () => {
    await server.close();
  });

  it('links the new chat to the same visitor, prefers her counsellor, and stores only a hash', async () => {
    const first = await startVisitorChat(server);
    const anna = await signedInCounsellor(server, { displayName: 'Anna' });
    unwrap(await request(anna.socket, 'conversation:accept', { conversationId: first.conversationId }));
    const { code } = unwrap(await request<Ack<{ code: string }>>(first.visitor, 'returnCode:create'));
    unwrap(await request(first.visitor, 'chat:end', { reason: 'visitor' }));
    const rows = await server.app.ctx.repos.store.db.selectFrom('return_codes').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(code.replace('-', ''));

    await signedInCounsellor(server, { displayName: 'Bert' }); // fewer chats, would win otherwise
    const again = server.visitor();
    await connected(again);
    const started = unwrap(await request<Ack<VisitorChatSnapshot & { token: string }>>(again, 'chat:start', { language: 'nl', returnCode: code.toLowerCase() }));
    const second = await server.app.ctx.repos.conversations.findById(started.conversation.id);
    const firstRow = await server.app.ctx.repos.conversations.findById(first.conversationId);
    expect(second?.visitorKey).toBe(firstRow?.visitorKey);
    expect(second).toMatchObject({ status: 'offered', counsellorId: anna.account.id });
  });

  it('says clearly when a code is not known', async () => {
    const socket = server.visitor();
    await connected(socket);
    const ack = await request<Ack<unknown>>(socket, 'chat:start', { language: 'nl', returnCode: 'AAAA-BBBB' });
    expect(!ack.ok && ack.error.code).toBe('not_found');
  });
});
