// Automatic routing over real sockets, with a clock the test controls.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, nextEvent, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { sendAs, signedInCounsellor, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';
import type { QueueStatus, VisitorChatSnapshot } from '../../../protocol/visitorProtocol.js';
import type { QueueItem, StaffChatSnapshot, StaffConversationView } from '../../../protocol/staffProtocol.js';

describe('automatic routing', () => {
  let server: TestServer;
  let now = Date.UTC(2026, 10, 28, 20);
  const clock = { now: () => now };
  beforeEach(async () => {
    now = Date.UTC(2026, 10, 28, 20);
    server = await startTestServer({ clock, routingMode: 'automatic' });
  });
  afterEach(async () => {
    await server.close();
  });

  async function visitor(preChat?: Record<string, string>) {
    const socket = server.visitor();
    await connected(socket);
    const started = unwrap(await request<Ack<VisitorChatSnapshot & { token: string }>>(socket, 'chat:start', { language: 'nl', ...(preChat ? { preChat } : {}) }));
    return { socket, id: started.conversation.id };
  }
  const conversation = (id: string) => server.app.ctx.repos.conversations.findById(id);

  it('offers a new chat to the available counsellor with the fewest chats, who accepts it', async () => {
    const busy = await signedInCounsellor(server, { displayName: 'Busy' });
    const first = await visitor();
    expect((await conversation(first.id))?.counsellorId).toBe(busy.account.id);
    unwrap(await request(busy.socket, 'conversation:accept', { conversationId: first.id }));
    const free = await signedInCounsellor(server, { displayName: 'Free' });
    const second = await visitor();
    expect(await conversation(second.id)).toMatchObject({ status: 'offered', counsellorId: free.account.id });
    const accepted = unwrap(await request<Ack<StaffChatSnapshot>>(free.socket, 'conversation:accept', { conversationId: second.id }));
    expect(accepted.conversation.status).toBe('active');
  });

  it('moves an offer nobody accepts on to the next counsellor and pauses the one who missed it', async () => {
    const anna = await signedInCounsellor(server, { displayName: 'Anna' });
    const chat = await visitor();
    expect((await conversation(chat.id))?.counsellorId).toBe(anna.account.id);
    const bert = await signedInCounsellor(server, { displayName: 'Bert' });
    const paused = nextEvent<{ status: string; reason: string }>(anna.socket, 'status:update');
    now += 46_000; // the default offer timeout is 45 s
    await server.app.ctx.app.queue.tick();
    expect(await conversation(chat.id)).toMatchObject({ status: 'offered', counsellorId: bert.account.id });
    expect(await paused).toEqual({ status: 'break', reason: 'missed_offer' });
    const late = await request<Ack<unknown>>(anna.socket, 'conversation:accept', { conversationId: chat.id });
    expect(!late.ok && late.error.code).toBe('conflict');
  });

  it('serves a visitor in danger before visitors who came earlier, and says why', async () => {
    const early = await visitor();
    now += 1000;
    const later = await visitor();
    now += 1000;
    const danger = await visitor({ inDangerNow: 'yes', ageBand: '12_15' });
    const counsellor = await signedInCounsellor(server, { maxChats: 1 });
    expect(await conversation(danger.id)).toMatchObject({ status: 'offered', counsellorId: counsellor.account.id, priority: 'critical' });
    const queue = unwrap(await request<Ack<{ waiting: QueueItem[] }>>(counsellor.socket, 'queue:list'));
    const item = queue.waiting.find((w) => w.conversationId === danger.id)!;
    expect(item.reasons.map((r) => r.ruleId)).toContain('prechat.in_danger_now');
    expect(queue.waiting.filter((w) => w.status === 'waiting').map((w) => w.conversationId)).toEqual([early.id, later.id]);
  });

  it('raises the priority when her first messages show exploitation, with the phrase as reason', async () => {
    const chat = await visitor();
    unwrap(await sendAs(chat.socket, { clientId: 'triage-msg-01', body: 'mijn loverboy pakt mijn telefoon af en ik moet geld verdienen voor hem' }));
    const stored = await conversation(chat.id);
    expect(['high', 'critical']).toContain(stored?.priority);
    expect(stored?.triage?.categories).toContain('exploitation');
  });

  it('tells a waiting visitor her place in the queue', async () => {
    const first = await visitor();
    now += 1000; // she came second
    const second = await visitor();
    const status = nextEvent<QueueStatus>(second.socket, 'chat:queue', (s) => s.position === 1);
    unwrap(await request(first.socket, 'chat:end', { reason: 'visitor' }));
    expect((await status).estimate.kind).toBe('unknown'); // nobody on duty yet: no false promise
  });

  it('returns the chats of a counsellor whose connection is lost to the front of the queue after the grace period', async () => {
    const chat = await visitor();
    const counsellor = await signedInCounsellor(server);
    unwrap(await request(counsellor.socket, 'conversation:accept', { conversationId: chat.id }));
    counsellor.socket.disconnect();
    await new Promise((r) => setTimeout(r, 200));
    now += 30_000;
    await server.app.ctx.app.queue.tick();
    expect((await conversation(chat.id))?.status).toBe('active'); // still within the grace period
    now += 61_000;
    const back = nextEvent<{ status: string }>(chat.socket, 'chat:state', (c) => c.status === 'waiting');
    await server.app.ctx.app.queue.tick();
    await back;
    expect(await conversation(chat.id)).toMatchObject({ status: 'waiting', returnedToFront: true });
  });

  it('hands a chat to a named colleague with a note the visitor never sees', async () => {
    const chat = await visitor();
    const from = await signedInCounsellor(server, { displayName: 'From' });
    unwrap(await request(from.socket, 'conversation:accept', { conversationId: chat.id }));
    const to = await signedInCounsellor(server, { displayName: 'To' });
    const seenByVisitor: unknown[] = [];
    chat.socket.onAny((event, payload) => seenByVisitor.push([event, payload]));
    unwrap(await request(from.socket, 'conversation:transfer', { conversationId: chat.id, toCounsellorId: to.account.id, note: 'HANDOVER-NOTE: vraagt naar opvang' }));
    expect(await conversation(chat.id)).toMatchObject({ status: 'offered', counsellorId: to.account.id, transferredFrom: from.account.id });
    const taken = unwrap(await request<Ack<StaffChatSnapshot>>(to.socket, 'conversation:accept', { conversationId: chat.id }));
    expect(taken.notes.map((n) => [n.kind, n.author])).toEqual([['handover', 'From']]);
    const lost = await request<Ack<unknown>>(from.socket, 'message:send', { conversationId: chat.id, clientId: 'after-transfer', body: 'x' });
    expect(!lost.ok && lost.error.code).toBe('forbidden');
    expect(JSON.stringify(seenByVisitor)).not.toContain('HANDOVER-NOTE');
  });

  it('lets a supervisor change the priority, whisper, and see the board; the visitor sees no whisper', async () => {
    const chat = await visitor();
    const counsellor = await signedInCounsellor(server);
    unwrap(await request(counsellor.socket, 'conversation:accept', { conversationId: chat.id }));
    const waiting = await visitor();
    const boss = await server.createStaff('supervisor', { displayName: 'Boss' });
    const { cookie } = await server.login(boss.username, boss.password);
    const supervisor = server.staff(cookie);
    await connected(supervisor);
    unwrap(await request(supervisor, 'conversation:setPriority', { conversationId: waiting.id, priority: 'high' }));
    expect(await conversation(waiting.id)).toMatchObject({ priority: 'high', prioritySetBy: boss.id });
    const seenByVisitor: unknown[] = [];
    chat.socket.onAny((event, payload) => seenByVisitor.push([event, payload]));
    unwrap(await request(supervisor, 'conversation:join', { conversationId: chat.id, visible: false }));
    const whisperArrives = nextEvent<{ note: { body: string } }>(counsellor.socket, 'note');
    unwrap(await request(supervisor, 'note:add', { conversationId: chat.id, kind: 'whisper', body: 'WHISPER: vraag naar haar leeftijd' }));
    expect((await whisperArrives).note.body).toContain('WHISPER');
    const board = unwrap(await request<Ack<{ queue: QueueItem[]; active: StaffConversationView[]; counsellors: { status: string }[] }>>(supervisor, 'board:get'));
    expect(board.active.map((c) => c.id)).toContain(chat.id);
    expect(board.queue.map((q) => q.conversationId)).toContain(waiting.id);
    await new Promise((r) => setTimeout(r, 50));
    expect(JSON.stringify(seenByVisitor)).not.toContain('WHISPER');
    const counsellorWhisper = await request<Ack<unknown>>(counsellor.socket, 'note:add', { conversationId: chat.id, kind: 'whisper', body: 'x' });
    expect(!counsellorWhisper.ok && counsellorWhisper.error.code).toBe('forbidden');
  });
});

describe('automatic routing when a counsellor comes on duty by taking a chat', () => {
  it('lets her take the chat that her coming on duty just offered to her', async () => {
    const server = await startTestServer({ routingMode: 'automatic' });
    try {
      const socket = server.visitor();
      await connected(socket);
      const started = unwrap(await request<Ack<VisitorChatSnapshot & { token: string }>>(socket, 'chat:start', { language: 'nl' }));
      const account = await server.createStaff('counsellor');
      const staff = (await server.app.ctx.repos.staff.findById(account.id))!;
      const taken = await server.app.ctx.app.counsellorChats.accept(staff, started.conversation.id);
      expect(taken.value.conversation).toMatchObject({ status: 'active', counsellorId: account.id });
    } finally {
      await server.close();
    }
  });
});
