// Triage reads every message she writes, not only the first few: while she waits a raised
// priority moves her up the queue, and in a chat in progress her counsellor and the board are
// alerted when she writes that she is in danger.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, nextEvent, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { acceptedChat, sendAs, startVisitorChat, unwrap } from '../../testing/chatScenario.js';
import type { BoardDiff, DangerAlert, QueueDiff } from '../../../protocol/staffProtocol.js';

describe.each(['sqlite', 'postgres'] as const)('triage through the whole chat (%s)', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ dialect });
  });
  afterEach(async () => {
    await server.close();
  });

  it('raises a waiting visitor on her seventh message, not only her first five', async () => {
    const chat = await startVisitorChat(server, 'Roos');
    for (let i = 1; i <= 6; i++) unwrap(await sendAs(chat.visitor, { clientId: `plain-${String(i).padStart(4, '0')}`, body: `hoi, bericht ${i}` }));
    expect((await server.app.ctx.repos.conversations.findById(chat.conversationId))?.priority).toBe('normal');
    unwrap(await sendAs(chat.visitor, { clientId: 'age-00000007', body: 'ik ben 14 en hij wil dat ik met zijn vrienden mee ga voor geld' }));
    const after = await server.app.ctx.repos.conversations.findById(chat.conversationId);
    expect(after?.priority).toBe('high');
    expect(after?.triage?.categories).toEqual(expect.arrayContaining(['minor', 'exploitation']));
  });

  it('alerts her counsellor and the board when she writes in a chat in progress that she is in danger now', async () => {
    const chat = await acceptedChat(server);
    const supervisor = await server.createStaff('supervisor');
    const login = await server.login(supervisor.username, supervisor.password);
    const board = server.staff(login.cookie);
    await connected(board);
    unwrap(await request(board, 'board:get'));
    // An ordinary message alerts nobody.
    const nothing: DangerAlert[] = [];
    chat.counsellor.socket.on('danger', (d) => nothing.push(d));
    unwrap(await sendAs(chat.visitor, { clientId: 'ordinary-0001', body: 'ik weet niet zo goed hoe ik moet beginnen' }));
    await new Promise((r) => setTimeout(r, 150));
    expect(nothing).toEqual([]);

    const alert = nextEvent<DangerAlert>(chat.counsellor.socket, 'danger');
    const onBoard = nextEvent<BoardDiff>(board, 'board:diff', (d) => d.danger !== undefined);
    unwrap(await sendAs(chat.visitor, { clientId: 'danger-00001', body: 'hij staat nu voor de deur en probeert binnen te komen, ik ben zo bang' }));
    const seen = await alert;
    expect(seen).toMatchObject({ conversationId: chat.conversationId, priority: 'critical' });
    expect(seen.reasons.map((r) => r.category)).toContain('acute_danger');
    expect((await onBoard).danger?.conversationId).toBe(chat.conversationId);
    expect((await server.app.ctx.repos.conversations.findById(chat.conversationId))?.priority).toBe('critical');
  });

  it('updates the queue item of a waiting visitor with one small diff per message', async () => {
    const chat = await startVisitorChat(server, 'Iris');
    const account = await server.createStaff('counsellor');
    const login = await server.login(account.username, account.password);
    const staff = server.staff(login.cookie);
    await connected(staff);
    const diff = nextEvent<QueueDiff>(staff, 'queue:diff', (d) => d.upserted.some((q) => q.conversationId === chat.conversationId && q.messageCount === 1));
    unwrap(await sendAs(chat.visitor, { clientId: 'count-00001', body: 'hallo' }));
    expect((await diff).upserted).toHaveLength(1);
  });
});
