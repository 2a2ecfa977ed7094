// Property test over every HTTP route that takes a body: arbitrary JSON, broken JSON, the wrong
// content type and oversized bodies. The server never answers 5xx, always answers a typed
// error body, stays up, and what was stored before is still there afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { acceptedChat, sendAs, unwrap } from '../../testing/chatScenario.js';
import { IMPORT_BODY_LIMIT } from '../reports/reportRoutes.js';
import { directoryImportBodyLimit } from '../../../protocol/toolkitApi.js';

const anId = '00000000-0000-4000-8000-000000000000';
// Routes whose success would end the very session the test uses.
const skipped = new Set(['/api/auth/logout']);
const defaultBodyLimit = 256 * 1024;
// The coded-data import takes whole yearly files.
const bodyLimits: Record<string, number> = { '/api/reports/coded-data': IMPORT_BODY_LIMIT, '/api/directory/import': directoryImportBodyLimit };

interface Answer {
  status: number;
  body: unknown;
}

describe('bad HTTP input', () => {
  let server: TestServer;
  let session: { cookie: string; csrfToken: string };
  let routes: { method: string; url: string }[];
  beforeAll(async () => {
    server = await startTestServer();
    const admin = await server.createStaff('admin');
    session = await server.login(admin.username, admin.password);
    routes = server.app.routes
      .filter((r) => r.url.startsWith('/api/') && !['GET', 'HEAD', 'DELETE'].includes(r.method) && !skipped.has(r.url))
      .map((r) => ({ method: r.method, url: r.url.replace(/:[a-zA-Z]+/g, anId) }));
  });
  afterAll(async () => {
    await server.close();
  });

  async function send(route: { method: string; url: string }, body: string, contentType = 'application/json'): Promise<Answer> {
    const res = await fetch(`${server.url}${route.url}`, {
      method: route.method,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': contentType },
      body,
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // left as text; the assertion below reports it
    }
    return { status: res.status, body: parsed };
  }

  function expectTypedAnswer(route: { url: string }, answer: Answer) {
    expect(answer.status, `${route.url} answered ${answer.status}: ${JSON.stringify(answer.body)}`).toBeLessThan(500);
    if (answer.status >= 400) {
      expect(answer.body, route.url).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
  }

  it('answers arbitrary JSON bodies on every route with a typed answer, never 5xx', async () => {
    const { visitor, conversationId } = await acceptedChat(server);
    unwrap(await sendAs(visitor, { clientId: 'keep-me-0001', body: 'dit moet blijven' }));
    expect(routes.length).toBeGreaterThan(15);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.json({ maxDepth: 3 }), async (route, body) => {
        expectTypedAnswer(route, await send(route, body));
      }),
      { numRuns: 400, seed: 20261128 },
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await server.app.ctx.repos.messages.listAfter(conversationId, 0)).map((m) => m.body)).toEqual(['dit moet blijven']);
  });

  it('refuses broken JSON, the wrong content type and oversized bodies on every route', async () => {
    for (const route of routes) {
      const huge = JSON.stringify({ text: 'x'.repeat(bodyLimits[route.url] ?? defaultBodyLimit) });
      const broken = await send(route, '{"unterminated": ');
      expectTypedAnswer(route, broken);
      expect(broken.status, route.url).toBe(400);
      const wrongType = await send(route, '<xml/>', 'application/xml');
      expectTypedAnswer(route, wrongType);
      expect([400, 415], route.url).toContain(wrongType.status);
      const oversized = await send(route, huge);
      expectTypedAnswer(route, oversized);
      expect(oversized.status, route.url).toBe(413);
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
