import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, request, startTestServer, type TestServer } from '../../server/testing/testServer.js';
import { acceptedChat, sendAs, signedInCounsellor, startVisitorChat, unwrap } from '../../server/testing/chatScenario.js';
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

describe('deleting her history with her return code', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ routingMode: 'manual' });
  });
  afterEach(async () => {
    await server.close();
  });

  const deleteHistory = (body: unknown) =>
    fetch(`${server.url}/api/visitor/history/delete`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  /** A chat with a message from each side, a return code, then a second chat with that code; both ended. */
  async function twoChatsWithACode() {
    const first = await acceptedChat(server);
    unwrap(await sendAs(first.visitor, { clientId: 'client-0001', body: 'hij pakt mijn telefoon af' }));
    const { code } = unwrap(await request<Ack<{ code: string }>>(first.visitor, 'returnCode:create'));
    unwrap(await request(first.visitor, 'chat:end', { reason: 'visitor' }));
    const again = server.visitor();
    await connected(again);
    const second = unwrap(await request<Ack<VisitorChatSnapshot & { token: string }>>(again, 'chat:start', { language: 'nl', nickname: 'Roos', returnCode: code }));
    unwrap(await sendAs(again, { clientId: 'client-0002', body: 'ik ben het weer' }));
    return { code, ids: [first.conversationId, second.conversation.id], second: again };
  }

  it('deletes the messages and details of all her chats, and the code stops working', async () => {
    const { code, ids, second } = await twoChatsWithACode();
    unwrap(await request(second, 'chat:end', { reason: 'visitor' }));
    const res = await deleteHistory({ returnCode: code.toLowerCase() });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ conversations: 2 });

    const { repos } = server.app.ctx;
    for (const id of ids) {
      expect(await repos.messages.listAfter(id, 0)).toEqual([]);
      expect(await repos.conversations.findById(id)).toMatchObject({ nickname: null, preChat: null });
    }
    const audit = await repos.audit.list({ action: 'visitor.history_deleted' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staff_id: null, detail: JSON.stringify({ conversations: 2 }) });

    // The code is gone: starting a chat or deleting again with it says it is unknown.
    const socket = server.visitor();
    await connected(socket);
    const ack = await request<Ack<unknown>>(socket, 'chat:start', { language: 'nl', returnCode: code });
    expect(!ack.ok && ack.error.code).toBe('not_found');
    expect((await deleteHistory({ returnCode: code })).status).toBe(404);
  });

  it('refuses while one of her chats is still open, and deletes nothing', async () => {
    const { code, ids } = await twoChatsWithACode();
    const res = await deleteHistory({ returnCode: code });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('conflict');
    for (const id of ids) expect(await server.app.ctx.repos.messages.listAfter(id, 0)).toHaveLength(1);
  });

  it('answers unknown codes and bad bodies clearly, and slows down guessing from one address', async () => {
    expect((await deleteHistory({ returnCode: 'AAAA-BBBB' })).status).toBe(404);
    const bad = await deleteHistory({ code: 5 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await deleteHistory({ returnCode: 'CCCC-DDDD' })).status);
    expect(statuses.slice(0, 8).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
