// One address opening forty sockets and answering "in danger now" each time must not fill the
// queue past its cap, and a real child in danger arriving next must be near the front.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { connected, nextEvent, request, startTestServer, type TestServer, type VisitorSocket } from '../../testing/testServer.js';
import type { Ack } from '../../../protocol/ack.js';
import type { QueueStatus, VisitorChatSnapshot } from '../../../protocol/visitorProtocol.js';
import type { ArrivalBurstAlert, BoardSnapshot } from '../../../protocol/staffProtocol.js';
import { unwrap } from '../../testing/chatScenario.js';

describe.each(['sqlite', 'postgres'] as const)('one source cannot fill the queue (%s)', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ dialect, env: { TRUST_PROXY: 'true', WAITING_CHATS_PER_SOURCE: '3' } });
    await server.app.ctx.repos.settings.update({ queueCap: 5 }, null, server.app.ctx.clock.now());
  });
  afterEach(async () => {
    await server.close();
  });

  const visitorFrom = async (address: string): Promise<VisitorSocket> => {
    const socket: VisitorSocket = connect(`${server.url}/visitor`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { 'x-forwarded-for': address },
    });
    await connected(socket);
    return socket;
  };
  const inDanger = { language: 'nl', preChat: { inDangerNow: 'yes' } };

  it('admits at most its share from one address, all at once, and a real child in danger comes next', async () => {
    const supervisor = await server.createStaff('supervisor');
    const login = await server.login(supervisor.username, supervisor.password);
    const board = server.staff(login.cookie);
    await connected(board);
    unwrap(await request<Ack<BoardSnapshot>>(board, 'board:get'));
    const alerts: ArrivalBurstAlert[] = [];
    board.on('board:alert', (a) => alerts.push(a));

    const sockets = await Promise.all(Array.from({ length: 40 }, () => visitorFrom('192.0.2.99')));
    const answers = await Promise.all(sockets.map((s) => request<Ack<VisitorChatSnapshot>>(s, 'chat:start', inDanger)));
    const admitted = answers.filter((a) => a.ok);
    // The first may pass the full queue as critical; it has room for 3 waiting at once at most.
    expect(admitted.length).toBeLessThanOrEqual(3);
    expect(admitted.length).toBeGreaterThanOrEqual(1);
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === 'unavailable')).toBe(true);

    const child = await visitorFrom('198.51.100.23');
    const position = nextEvent<QueueStatus>(child, 'chat:queue');
    unwrap(await request<Ack<VisitorChatSnapshot>>(child, 'chat:start', inDanger));
    expect((await position).position).toBeLessThanOrEqual(admitted.length + 1);

    // Supervisors see one alert for the whole burst, not forty.
    await new Promise((r) => setTimeout(r, 100));
    expect(new Set(alerts.map((a) => a.alertId)).size).toBe(1);
    const last = alerts.at(-1)!;
    expect(last.arrivals).toBe(40);
    expect(last.refused).toBe(40 - admitted.length);
    expect(last.conversationIds).toHaveLength(admitted.length);
    const snapshot = unwrap(await request<Ack<BoardSnapshot>>(board, 'board:get'));
    expect(snapshot.alerts.map((a) => a.alertId)).toEqual([last.alertId]);
    expect(JSON.stringify(snapshot.alerts)).not.toContain('192.0.2.99');
  });

  it('gives the source its places back once its chats are answered or ended', async () => {
    const first = await Promise.all([1, 2, 3].map(() => visitorFrom('192.0.2.50')));
    const started = await Promise.all(first.map((s) => request<Ack<VisitorChatSnapshot>>(s, 'chat:start', { language: 'nl' })));
    expect(started.every((a) => a.ok)).toBe(true);
    const fourth = await visitorFrom('192.0.2.50');
    expect((await request<Ack<unknown>>(fourth, 'chat:start', { language: 'nl' })).ok).toBe(false);
    unwrap(await request<Ack<unknown>>(first[0]!, 'chat:end', { reason: 'visitor' }));
    expect((await request<Ack<unknown>>(fourth, 'chat:start', { language: 'nl' })).ok).toBe(true);
  });
});
