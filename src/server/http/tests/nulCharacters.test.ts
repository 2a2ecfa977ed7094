// Attack: a NUL character (%00 in a path or query, \u0000 in JSON) sent to the casework and
// toolkit routes. PostgreSQL text cannot hold it: before, the query failed and the caller got a
// 500 (and the log an error). Now every route refuses it as a typed 400, on both databases,
// after the access check (an anonymous caller still gets 401, not a hint about the input).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { callApi as call, type StaffCredentials } from '../../testing/httpCalls.js';

const nul = 'a\u0000b';

describe.each(['sqlite', 'postgres'] as const)('NUL characters on %s', (dialect) => {
  let server: TestServer;
  let counsellor: StaffCredentials;
  let supervisor: StaffCredentials;
  beforeAll(async () => {
    server = await startTestServer({ dialect });
    const signIn = async (role: 'counsellor' | 'supervisor') => {
      const a = await server.createStaff(role);
      return server.login(a.username, a.password);
    };
    counsellor = await signIn('counsellor');
    supervisor = await signIn('supervisor');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses them in paths, queries and bodies with a typed 400, never a 500', async () => {
    const attempts: [StaffCredentials | null, string, string, unknown?][] = [
      [counsellor, 'GET', '/api/handovers/for/a%00b'],
      [counsellor, 'GET', '/api/handovers/a%00b/letter'],
      [supervisor, 'POST', '/api/handovers/a%00b/decision', { decision: 'approve' }],
      [supervisor, 'GET', '/api/handovers?status=a%00b'],
      [counsellor, 'POST', '/api/handovers', { conversationId: nul, kind: 'consent', organisation: 'Opvang', method: 'phone', consentSummary: 'ja', shared: 'naam' }],
      [counsellor, 'GET', '/api/continuity/a%00b'],
      [counsellor, 'PUT', '/api/continuity/a%00b/summary', { body: 'x', baseUpdatedAt: null }],
      [counsellor, 'POST', '/api/continuity/a%00b/earlier/b%00c', { reason: 'visitor_refers_to_it' }],
      [supervisor, 'POST', '/api/snippets', { language: 'nl', topic: nul, title: nul, body: nul }],
      [supervisor, 'POST', '/api/directory', { name: nul, what: { nl: 'Opvang' }, forWhom: {}, contact: {}, hours: { nl: 'altijd' } }],
      [null, 'POST', '/api/visibility/arrivals', { via: nul }],
    ];
    for (const [who, method, path, body] of attempts) {
      const answer = await call(server, who, method, path, body);
      expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'invalid_request', message: expect.any(String) } });
    }
    expect(JSON.stringify(await server.app.ctx.repos.snippets.list())).not.toContain('\\u0000');
    expect(JSON.stringify(await server.app.ctx.repos.directory.list())).not.toContain('\\u0000');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses an escaped NUL inside an imported directory file, importing nothing', async () => {
    const content = JSON.stringify({ format: 'baken-directory', formatVersion: 1, entries: [{ name: nul, what: { nl: 'Opvang' }, forWhom: {}, contact: {}, hours: { nl: 'altijd' } }] });
    const before = await server.app.ctx.repos.directory.list();
    const answer = await call(server, supervisor, 'POST', '/api/directory/import', { content });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('invalid_file');
    expect(await server.app.ctx.repos.directory.list()).toEqual(before);
  });

  it('still asks an anonymous caller to sign in first', async () => {
    expect((await call(server, null, 'GET', '/api/continuity/a%00b')).status).toBe(401);
  });
});
