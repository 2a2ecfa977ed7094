// Attacks on the per-address limits: a stranger locking a counsellor out from many addresses,
// and a client behind the proxy writing her own X-Forwarded-For to escape every limit.
import { afterEach, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { connected, request, startTestServer, type TestServer, type VisitorSocket } from '../../testing/testServer.js';
import { callApi } from '../../testing/httpCalls.js';
import type { Ack } from '../../../protocol/ack.js';

describe('lockouts and proxies', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  const login = (username: string, password: string, forwardedFor: string) =>
    callApi(server, null, 'POST', '/api/auth/login', { username, password }, { 'x-forwarded-for': forwardedFor });

  it('does not let failures from six other addresses lock the counsellor out of her own', async () => {
    server = await startTestServer({ env: { TRUST_PROXY: 'true' } });
    const anna = await server.createStaff('counsellor', { username: 'anna' });
    for (let i = 1; i <= 6; i++) expect((await login('anna', `guess-${i}`, `203.0.113.${i}`)).status).toBe(401);
    const own = await login('anna', anna.password, '198.51.100.7');
    expect(own.status).toBe(200);
    expect(own.body.step).toBe('mfa');
    // The same wrong-password answer everywhere, whoever asks.
    const wrong = await login('anna', 'nope', '198.51.100.8');
    const unknown = await login('nobody-here', 'nope', '198.51.100.9');
    expect(wrong.body).toEqual(unknown.body);
  });

  it('reads the client address from the right of X-Forwarded-For: a spoofed left part escapes no limit', async () => {
    server = await startTestServer({ env: { TRUST_PROXY: 'true' } });
    await server.createStaff('counsellor', { username: 'bert' });
    const statuses: number[] = [];
    // nginx's $proxy_add_x_forwarded_for: whatever the client sent, then the address it saw.
    for (let i = 0; i < 7; i++) statuses.push((await login('bert', `guess-${i}`, `10.9.9.${i}, 192.0.2.44`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
  });

  it('limits return-code tries on the socket by the address the proxy saw, not the one she wrote', async () => {
    server = await startTestServer({ env: { TRUST_PROXY: '1' } });
    const answers: string[] = [];
    for (let i = 0; i < 12; i++) {
      const socket: VisitorSocket = connect(`${server.url}/visitor`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { 'x-forwarded-for': `10.1.1.${i}, 192.0.2.55` },
      });
      await connected(socket);
      const ack = await request<Ack<unknown>>(socket, 'chat:start', { language: 'nl', returnCode: 'AAAA-BBBB' });
      answers.push(ack.ok ? 'ok' : ack.error.code);
      socket.disconnect();
    }
    expect(answers.slice(0, 10)).toEqual(Array(10).fill('not_found'));
    expect(answers.slice(10)).toEqual(['rate_limited', 'rate_limited']);
  });

  it('trusts only the listed proxy addresses', async () => {
    server = await startTestServer({ env: { TRUST_PROXY: '127.0.0.1' } });
    await server.createStaff('counsellor', { username: 'cees' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login('cees', `guess-${i}`, `10.9.9.${i}, 192.0.2.66`)).status);
    expect(statuses.at(-1)).toBe(429);
  });
});
