// An expired staff session stops the open console at that moment: no chat message reaches a
// console whose session ran out, on idle or at its absolute limit.
import { afterEach, describe, expect, it } from 'vitest';
import { connected, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { TestClock } from '../../testing/testClock.js';
import { sendAs, startVisitorChat, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';
import type { StaffChatSnapshot } from '../../../protocol/staffProtocol.js';
import type { WireMessage } from '../../../protocol/common.js';

describe.each(['sqlite', 'postgres'] as const)('staff sockets end with their session (%s)', (dialect) => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  async function counsellorWithChat(clock: TestClock) {
    server = await startTestServer({ dialect, clock, env: { SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '12' } });
    const account = await server.createStaff('counsellor');
    const { cookie } = await server.login(account.username, account.password);
    const socket = server.staff(cookie);
    await connected(socket);
    const chat = await startVisitorChat(server);
    unwrap(await request<Ack<StaffChatSnapshot>>(socket, 'conversation:accept', { conversationId: chat.conversationId }));
    const heard: string[] = [];
    socket.on('message', (m: WireMessage) => heard.push(m.body));
    const ended = new Promise<boolean>((resolve) => socket.once('session:ended', () => resolve(true)));
    const closed = new Promise<boolean>((resolve) => socket.once('disconnect', () => resolve(true)));
    return { socket, chat, heard, ended, closed };
  }

  it('closes the console socket once the idle limit passes, and it hears no more of the chat', async () => {
    const clock = new TestClock(Date.UTC(2026, 11, 2, 20));
    const { chat, heard, ended, closed } = await counsellorWithChat(clock);
    clock.t += 29 * 60_000;
    expect(await server.app.sessionWatch.sweep()).toBe(0);
    unwrap(await sendAs(chat.visitor, { clientId: 'before-idle-1', body: 'nog wakker?' }));
    await expect.poll(() => heard).toEqual(['nog wakker?']);

    clock.t += 2 * 60_000;
    expect(await server.app.sessionWatch.sweep()).toBe(1);
    expect(await ended).toBe(true);
    expect(await closed).toBe(true);
    unwrap(await sendAs(chat.visitor, { clientId: 'after-idle-1', body: 'hallo?' }));
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual(['nog wakker?']);
  });

  it('keeps a console whose session stays in use elsewhere, and ends it at the absolute limit', async () => {
    const clock = new TestClock(Date.UTC(2026, 11, 2, 8));
    const { socket, ended } = await counsellorWithChat(clock);
    // Every 20 minutes she does something in the console: the session lives on.
    for (let i = 0; i < 35; i++) {
      clock.t += 20 * 60_000;
      if (clock.t - Date.UTC(2026, 11, 2, 8) >= 12 * 3_600_000) break;
      unwrap(await request<Ack<unknown>>(socket, 'conversation:mine'));
      expect(await server.app.sessionWatch.sweep()).toBe(0);
    }
    clock.t = Date.UTC(2026, 11, 2, 20) + 1;
    expect(await server.app.sessionWatch.sweep()).toBe(1);
    expect(await ended).toBe(true);
  });
});
