// No staff action without a valid session, and each role only does what its permissions allow.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { startVisitorChat } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';

describe('staff sockets require a session', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('refuses a connection without a session cookie', async () => {
    await expect(connected(server.staff(''))).rejects.toThrow('unauthenticated');
    await expect(connected(server.staff('baken_session=forged-token-value'))).rejects.toThrow('unauthenticated');
  });

  it('refuses a connection from another site even with a valid cookie', async () => {
    const account = await server.createStaff('counsellor');
    const { cookie } = await server.login(account.username, account.password);
    const { io } = await import('socket.io-client');
    const socket = io(`${server.url}/staff`, {
      transports: ['websocket'],
      extraHeaders: { cookie, origin: 'https://evil.example' },
      forceNew: true,
      reconnection: false,
    });
    await expect(connected(socket)).rejects.toThrow('forbidden');
    socket.disconnect();
  });

  it('compares the whole origin: another scheme or port of the same host is another site', async () => {
    const account = await server.createStaff('counsellor');
    const { cookie } = await server.login(account.username, account.password);
    const { io } = await import('socket.io-client');
    const url = new URL(server.url);
    const attempt = async (origin: string) => {
      const socket = io(`${server.url}/staff`, { transports: ['websocket'], extraHeaders: { cookie, origin }, forceNew: true, reconnection: false });
      try {
        await connected(socket);
        return 'connected';
      } catch (error) {
        return (error as Error).message;
      } finally {
        socket.disconnect();
      }
    };
    expect(await attempt(`https://${url.host}`)).toBe('forbidden');
    expect(await attempt(`http://${url.hostname}:${Number(url.port) + 1}`)).toBe('forbidden');
    expect(await attempt(`http://${url.host}.evil.example`)).toBe('forbidden');
    expect(await attempt('null')).toBe('forbidden');
    expect(await attempt(`http://${url.host}`)).toBe('connected');
  });

  it('takes the expected origin from PUBLIC_URL when it is set', async () => {
    await server.close();
    server = await startTestServer({ env: { PUBLIC_URL: 'https://baken.example' } });
    const account = await server.createStaff('counsellor');
    const { cookie } = await server.login(account.username, account.password);
    const { io } = await import('socket.io-client');
    const attempt = async (origin: string) => {
      const socket = io(`${server.url}/staff`, { transports: ['websocket'], extraHeaders: { cookie, origin }, forceNew: true, reconnection: false });
      try {
        await connected(socket);
        return 'connected';
      } catch (error) {
        return (error as Error).message;
      } finally {
        socket.disconnect();
      }
    };
    expect(await attempt(new URL(server.url).origin)).toBe('forbidden');
    expect(await attempt('http://baken.example')).toBe('forbidden');
    expect(await attempt('https://baken.example')).toBe('connected');
  });

  it('disconnects open sockets when the counsellor logs out', async () => {
    const account = await server.createStaff('counsellor');
    const { cookie, csrfToken } = await server.login(account.username, account.password);
    const socket = server.staff(cookie);
    await connected(socket);
    const ended = new Promise((resolve) => socket.once('session:ended', () => resolve(true)));
    const res = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(res.status).toBe(200);
    expect(await ended).toBe(true);
    await expect(connected(server.staff(cookie))).rejects.toThrow('unauthenticated');
  });

  it('does not let a researcher take chats', async () => {
    const chat = await startVisitorChat(server);
    const account = await server.createStaff('researcher');
    const { cookie } = await server.login(account.username, account.password);
    const socket = server.staff(cookie);
    await connected(socket);
    const accepted = await request<Ack<unknown>>(socket, 'conversation:accept', { conversationId: chat.conversationId });
    expect(!accepted.ok && accepted.error.code).toBe('forbidden');
    const queue = await request<Ack<unknown>>(socket, 'queue:list');
    expect(!queue.ok && queue.error.code).toBe('forbidden');
  });
});
