// A whole chat over real sockets: visitor starts, counsellor accepts, both talk, visitor ends.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, nextEvent, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import type { Ack } from '../../../protocol/ack.js';
import type { VisitorChatSnapshot, VisitorConversationView } from '../../../protocol/visitorProtocol.js';
import type { QueueItem, StaffChatSnapshot, StaffConversationView } from '../../../protocol/staffProtocol.js';
import type { WireMessage } from '../../../protocol/common.js';

describe.each(['sqlite', 'postgres'] as const)('a full conversation on %s', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ dialect });
  });
  afterEach(async () => {
    await server.close();
  });

  it('goes from waiting to active to ended with every message delivered in order', async () => {
    const counsellor = await server.createStaff('counsellor', { displayName: 'Inge' });
    const { cookie } = await server.login(counsellor.username, counsellor.password);
    const staff = server.staff(cookie);
    await connected(staff);

    const visitor = server.visitor();
    await connected(visitor);
    const queueUpdate = nextEvent<{ upserted: QueueItem[] }>(staff, 'queue:diff', (u) => u.upserted.length === 1);
    const started = await request<Ack<VisitorChatSnapshot & { token: string }>>(visitor, 'chat:start', { nickname: 'Roos', language: 'nl' });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.data.conversation.status).toBe('waiting');
    expect(started.data.token.length).toBeGreaterThan(30);
    const conversationId = started.data.conversation.id;

    const waiting = await queueUpdate;
    expect(waiting.upserted[0]).toMatchObject({ conversationId, nickname: 'Roos', status: 'waiting' });

    // She may type while waiting; the counsellor reads it on accepting.
    const early = await request<Ack<{ message: WireMessage }>>(visitor, 'message:send', { clientId: 'visitor-0001', body: 'hoi, ik wil iets vragen' });
    expect(early.ok && early.data.message.seq).toBe(1);

    const visitorSeesActive = nextEvent<VisitorConversationView>(visitor, 'chat:state', (c) => c.status === 'active');
    const accepted = await request<Ack<StaffChatSnapshot>>(staff, 'conversation:accept', { conversationId });
    if (!accepted.ok) throw new Error(accepted.error.message);
    expect(accepted.data.conversation.status).toBe('active');
    expect(accepted.data.messages.map((m) => m.body)).toEqual(['hoi, ik wil iets vragen']);
    expect((await visitorSeesActive).counsellorName).toBe('Inge');

    const visitorGets = nextEvent<WireMessage>(visitor, 'message', (m) => m.sender === 'counsellor');
    const sent = await request<Ack<{ message: WireMessage }>>(staff, 'message:send', { conversationId, clientId: 'staff-00000001', body: 'Hoi Roos, fijn dat je er bent.' });
    expect(sent.ok && sent.data.message.seq).toBe(2);
    const received = await visitorGets;
    expect(received).toMatchObject({ seq: 2, body: 'Hoi Roos, fijn dat je er bent.', senderName: 'Inge' });

    const staffGets = nextEvent<WireMessage>(staff, 'message', (m) => m.sender === 'visitor' && m.seq === 3);
    await request(visitor, 'message:send', { clientId: 'visitor-0002', body: 'dank je' });
    expect((await staffGets).body).toBe('dank je');

    const staffSeesEnd = nextEvent<StaffConversationView>(staff, 'conversation:update', (c) => c.status === 'ended');
    const ended = await request<Ack<{ conversation: VisitorConversationView }>>(visitor, 'chat:end', { reason: 'visitor' });
    expect(ended.ok && ended.data.conversation).toMatchObject({ status: 'ended', endReason: 'visitor' });
    expect((await staffSeesEnd).endReason).toBe('visitor');

    // After the end nothing more can be sent, with a clear error.
    const late = await request<Ack<unknown>>(visitor, 'message:send', { clientId: 'visitor-0003', body: 'nog iets' });
    expect(late.ok).toBe(false);
    expect(!late.ok && late.error.code).toBe('invalid_state');

    const events = await server.app.ctx.repos.conversations.listEvents(conversationId);
    expect(events.map((e) => `${e.from_status}->${e.to_status}:${e.actor_kind}`)).toEqual([
      'waiting->active:staff',
      'active->ended:visitor',
    ]);
  });
});
