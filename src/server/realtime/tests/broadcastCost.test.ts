// What one arrival costs on the wire must not grow with the queue: the newcomer hears her own
// place, counsellors get a small diff, nobody else waiting is told anything (her arrival changes
// no one else's place). Counted on real sockets at queue lengths 10 and 200.
import { afterEach, describe, expect, it } from 'vitest';
import { connected, request, startTestServer, type StaffSocket, type TestServer, type VisitorSocket } from '../../testing/testServer.js';
import { unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';
import type { VisitorChatSnapshot } from '../../../protocol/visitorProtocol.js';

interface Tally {
  toWaitingVisitors: number;
  toNewcomer: number;
  toCounsellors: number;
  counsellorBytes: number;
  toSupervisor: number;
}

describe.each(['sqlite'] as const)('the cost of one arrival (%s)', (dialect) => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  async function measure(queueLength: number): Promise<Tally> {
    // Manual routing with three counsellors on duty: the queue only grows.
    server = await startTestServer({ dialect });
    const counsellors: StaffSocket[] = [];
    for (let i = 0; i < 3; i++) {
      const account = await server.createStaff('counsellor');
      const login = await server.login(account.username, account.password);
      const socket = server.staff(login.cookie);
      await connected(socket);
      counsellors.push(socket);
    }
    const sup = await server.createStaff('supervisor');
    const supLogin = await server.login(sup.username, sup.password);
    const supervisor = server.staff(supLogin.cookie);
    await connected(supervisor);
    unwrap(await request(supervisor, 'board:get'));
    const waiting: VisitorSocket[] = [];
    for (let i = 0; i < queueLength; i++) {
      const socket = server.visitor();
      await connected(socket);
      unwrap(await request<Ack<VisitorChatSnapshot>>(socket, 'chat:start', { language: 'nl' }));
      waiting.push(socket);
    }
    await new Promise((r) => setTimeout(r, 300));

    const tally: Tally = { toWaitingVisitors: 0, toNewcomer: 0, toCounsellors: 0, counsellorBytes: 0, toSupervisor: 0 };
    for (const socket of waiting) socket.onAny(() => tally.toWaitingVisitors++);
    for (const socket of counsellors) {
      socket.onAny((_event, payload) => {
        tally.toCounsellors++;
        tally.counsellorBytes += JSON.stringify(payload ?? null).length;
      });
    }
    supervisor.onAny(() => tally.toSupervisor++);
    const newcomer = server.visitor();
    await connected(newcomer);
    newcomer.onAny(() => tally.toNewcomer++);
    unwrap(await request<Ack<VisitorChatSnapshot>>(newcomer, 'chat:start', { language: 'nl' }));
    await new Promise((r) => setTimeout(r, 400));
    return tally;
  }

  it('sends the same few messages whether 10 or 200 visitors wait', async () => {
    const small = await measure(10);
    await server.close();
    const large = await measure(200);
    // Nobody already waiting hears of a newcomer behind her.
    expect(small.toWaitingVisitors).toBe(0);
    expect(large.toWaitingVisitors).toBe(0);
    // She hears her place once.
    expect(large.toNewcomer).toBe(small.toNewcomer);
    expect(large.toNewcomer).toBeLessThanOrEqual(2);
    // Each counsellor gets one small diff, not the queue again.
    expect(large.toCounsellors).toBe(small.toCounsellors);
    expect(small.toCounsellors).toBe(3);
    expect(large.counsellorBytes).toBeLessThan(small.counsellorBytes * 1.2);
    expect(large.counsellorBytes / large.toCounsellors).toBeLessThan(1500);
    // The supervisor (who also takes chats) gets the queue diff and one board diff; here also the
    // grouped alert, as every test visitor comes from one address.
    expect(large.toSupervisor).toBe(small.toSupervisor);
    expect(large.toSupervisor).toBeLessThanOrEqual(3);
  }, 120_000);
});
