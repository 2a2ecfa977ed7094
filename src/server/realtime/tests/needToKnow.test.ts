// A counsellor who no longer holds a chat no longer hears it: after a transfer, a hand-back to
// the queue or the end, none of her open tabs receives the visitor's messages or the notes of
// whoever holds it now. And what the visitor receives says nothing of which staff member wrote.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, nextEvent, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { sendAs, signedInCounsellor, startVisitorChat, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';
import type { StaffChatSnapshot } from '../../../protocol/staffProtocol.js';
import type { WireMessage } from '../../../protocol/common.js';

const settle = () => new Promise((r) => setTimeout(r, 150));

describe.each(['sqlite', 'postgres'] as const)('need to know after a chat leaves a counsellor (%s)', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ dialect });
  });
  afterEach(async () => {
    await server.close();
  });

  /** Counsellor A with two open console tabs, holding an accepted chat. */
  async function heldInTwoTabs() {
    const chat = await startVisitorChat(server);
    const a = await signedInCounsellor(server, { displayName: 'Anna' });
    unwrap(await request<Ack<StaffChatSnapshot>>(a.socket, 'conversation:accept', { conversationId: chat.conversationId }));
    const secondTab = server.staff(a.cookie);
    await connected(secondTab);
    unwrap(await request<Ack<StaffChatSnapshot>>(secondTab, 'conversation:resume', { conversationId: chat.conversationId, afterSeq: 0 }));
    // Both tabs hear the chat while she holds it.
    const heard = nextEvent<WireMessage>(secondTab, 'message');
    unwrap(await sendAs(chat.visitor, { clientId: 'before-0001', body: 'hallo' }));
    expect((await heard).body).toBe('hallo');
    return { chat, a, secondTab };
  }

  function overhear(socket: { on(event: string, listener: (value: unknown) => void): unknown }) {
    const heard: string[] = [];
    socket.on('message', (m) => heard.push(`message:${(m as WireMessage).body}`));
    socket.on('note', (n) => heard.push(`note:${(n as { note: { body: string } }).note.body}`));
    socket.on('typing', () => heard.push('typing'));
    return heard;
  }

  it('stops every tab of the counsellor who transferred the chat from hearing it', async () => {
    const { chat, a, secondTab } = await heldInTwoTabs();
    const b = await signedInCounsellor(server, { displayName: 'Bram' });
    const heardByA = [...[a.socket, secondTab].map(overhear)];
    unwrap(await request<Ack<unknown>>(a.socket, 'conversation:transfer', { conversationId: chat.conversationId, toCounsellorId: b.account.id }));
    unwrap(await request<Ack<StaffChatSnapshot>>(b.socket, 'conversation:accept', { conversationId: chat.conversationId }));
    await settle();
    unwrap(await sendAs(chat.visitor, { clientId: 'after-0001', body: 'alleen voor Bram' }));
    chat.visitor.emit('typing', { typing: true });
    unwrap(await request<Ack<unknown>>(b.socket, 'note:add', { conversationId: chat.conversationId, kind: 'note', body: 'notitie van Bram' }));
    unwrap(await sendAs(b.socket, { conversationId: chat.conversationId, clientId: 'after-0002', body: 'Bram hier' }));
    await settle();
    expect(heardByA).toEqual([[], []]);
  });

  it('stops her tabs hearing a chat she handed back to the queue, or that ended', async () => {
    const { chat, a, secondTab } = await heldInTwoTabs();
    const heard = [a.socket, secondTab].map(overhear);
    unwrap(await request<Ack<unknown>>(a.socket, 'conversation:transfer', { conversationId: chat.conversationId }));
    await settle();
    unwrap(await sendAs(chat.visitor, { clientId: 'queued-0001', body: 'ben je er nog' }));
    await settle();
    expect(heard).toEqual([[], []]);

    const other = await heldInTwoTabs();
    const heardAfterEnd = [other.a.socket, other.secondTab].map(overhear);
    unwrap(await request<Ack<unknown>>(other.a.socket, 'conversation:end', { conversationId: other.chat.conversationId }));
    await settle();
    // A colleague who joins later to supervise still sees notes; the former holder does not.
    const supervisor = await server.createStaff('supervisor');
    const login = await server.login(supervisor.username, supervisor.password);
    const sup = server.staff(login.cookie);
    await connected(sup);
    unwrap(await request<Ack<unknown>>(sup, 'conversation:join', { conversationId: other.chat.conversationId, visible: false }));
    unwrap(await request<Ack<unknown>>(sup, 'note:add', { conversationId: other.chat.conversationId, kind: 'whisper', body: 'na afloop' }));
    await settle();
    expect(heardAfterEnd).toEqual([[], []]);
  });

  it('gives system lines an opaque id that names no staff member', async () => {
    const chat = await startVisitorChat(server);
    const a = await signedInCounsellor(server);
    unwrap(await request<Ack<StaffChatSnapshot>>(a.socket, 'conversation:accept', { conversationId: chat.conversationId }));
    const supervisor = await server.createStaff('supervisor');
    const login = await server.login(supervisor.username, supervisor.password);
    const sup = server.staff(login.cookie);
    await connected(sup);
    const seen: WireMessage[] = [];
    chat.visitor.on('message', (m) => seen.push(m));
    unwrap(await request<Ack<unknown>>(sup, 'conversation:join', { conversationId: chat.conversationId, visible: true }));
    unwrap(await request<Ack<unknown>>(a.socket, 'conversation:warn', { conversationId: chat.conversationId, reason: 'abuse' }));
    await settle();
    expect(seen.map((m) => m.sender)).toEqual(['system', 'system']);
    for (const m of seen) {
      for (const id of [a.account.id, supervisor.id]) {
        expect(m.clientId).not.toContain(id.slice(0, 8));
        expect(m.clientId.replace(/-/g, '')).not.toContain(id.replace(/-/g, '').slice(0, 6));
      }
      expect(JSON.stringify(m)).not.toContain(supervisor.id);
    }
  });
});
