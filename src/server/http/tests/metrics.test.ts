import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { acceptedChat, sendAs, startVisitorChat, unwrap } from '../../testing/chatScenario.js';

describe('/metrics', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('shows queue and delivery figures in Prometheus format, and never message text or nicknames', async () => {
    const chat = await acceptedChat(server);
    unwrap(await sendAs(chat.visitor, { clientId: 'metric-msg-01', body: 'GEHEIM-BERICHT' }));
    await startVisitorChat(server, 'NICKNAME-X');
    const text = await (await fetch(`${server.app.metricsUrl}/metrics`)).text();
    expect(text).toMatch(/baken_conversations\{status="waiting"\} 1/);
    expect(text).toMatch(/baken_conversations\{status="active"\} 1/);
    expect(text).toMatch(/baken_message_commit_seconds_count 1/);
    expect(text).toMatch(/baken_socket_request_seconds_count\{event="message:send"\} 1/);
    expect(text).toMatch(/baken_socket_connections\{side="visitor"\} 2/);
    expect(text).toMatch(/baken_queue_length\{priority="normal"\} 1/);
    expect(text).toMatch(/baken_queue_length\{priority="critical"\} 0/);
    expect(text).toMatch(/baken_counsellors\{status="available"\} 1/);
    expect(text).not.toContain('GEHEIM');
    expect(text).not.toContain('NICKNAME');
  });

  it('is not served on the public port without a token, only on the loopback metrics listener', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    expect(server.app.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${server.app.metricsUrl}/metrics`)).status).toBe(200);
    // The metrics listener serves nothing else.
    for (const path of ['/', '/api/settings', '/metrics/../api/staff']) expect((await fetch(`${server.app.metricsUrl}${path}`)).status).toBe(404);
  });

  it('requires the bearer token when one is configured', async () => {
    await server.close();
    server = await startTestServer({ env: { METRICS_TOKEN: 'a-very-secret-metrics-token' } });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const ok = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer a-very-secret-metrics-token' } });
    expect(ok.status).toBe(200);
    expect((await fetch(`${server.app.metricsUrl}/metrics`)).status).toBe(401);
  });
});
