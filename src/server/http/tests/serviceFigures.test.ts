// The coordinator's service figures over real HTTP on both databases. Six visitors arrive on a
// Wednesday morning under a test clock; a counsellor answers five after known waits, one gives up
// waiting; the counsellor is on duty for 200 minutes. The figures, the closed hours from the
// opening hours, the hour the queue was full, the CSV and the audit entries are checked, as are
// who may see them and what input is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { signedInCounsellor, startVisitorChat, unwrap } from '../../testing/chatScenario.js';
import { callApi as call, type StaffCredentials } from '../../testing/httpCalls.js';
import { TestClock } from '../../testing/testClock.js';
import { parseCsv } from '../../../domain/codebook/csvRfc4180.js';
import type { FiguresResponse } from '../../../protocol/serviceFiguresApi.js';
import type { Ack } from '../../../protocol/ack.js';

const MIN = 60_000;
/** Wednesday 2 December 2026, 10:00 in Amsterdam (UTC+1). */
const t0 = Date.UTC(2026, 11, 2, 9, 0);

describe.each(['sqlite', 'postgres'] as const)('service figures over HTTP on %s', (dialect) => {
  let server: TestServer;
  let clock: TestClock;
  let supervisor: StaffCredentials;
  let admin: StaffCredentials;
  let counsellor: StaffCredentials;
  let researcher: StaffCredentials;
  const at = (minutes: number) => {
    clock.t = t0 + minutes * MIN;
  };
  const signIn = async (role: 'supervisor' | 'admin' | 'counsellor' | 'researcher') => {
    const account = await server.createStaff(role);
    return server.login(account.username, account.password);
  };

  beforeAll(async () => {
    clock = new TestClock(t0 - 100 * MIN);
    server = await startTestServer({ dialect, clock, env: { SESSION_IDLE_MINUTES: '1440' } });
    await server.app.ctx.repos.settings.update(
      { availability: 'auto', openingHours: { timeZone: 'Europe/Amsterdam', weekly: [{ day: 'wed', start: '09:00', end: '17:00' }], exceptions: [] }, queueCap: 3 },
      null,
      clock.now(),
    );
    // 08:20: she opens the console and is on duty.
    const anna = await signedInCounsellor(server, { maxChats: 10 });
    const accept = async (conversationId: string) => unwrap(await request<Ack<unknown>>(anna.socket, 'conversation:accept', { conversationId }));
    const end = async (conversationId: string) => unwrap(await request<Ack<unknown>>(anna.socket, 'conversation:end', { conversationId }));
    const chats: { visitor: ReturnType<TestServer['visitor']>; conversationId: string }[] = [];
    const arrive = async () => chats.push(await startVisitorChat(server));
    // Waits: 30 s, 30 s, 2.5 min, 4 min, 10 min; the sixth leaves after 3 minutes.
    at(0), await arrive();
    at(0.5), await accept(chats[0]!.conversationId);
    at(1), await arrive();
    at(1.5), await accept(chats[1]!.conversationId);
    at(2), await arrive();
    at(3), await arrive();
    at(4), await arrive(); // three waiting: the cap of 3 is reached in the 10:00 hour
    at(4.5), await accept(chats[2]!.conversationId);
    at(5), await arrive();
    at(7), await accept(chats[3]!.conversationId);
    at(8), unwrap(await request<Ack<unknown>>(chats[5]!.visitor, 'chat:end', { reason: 'visitor' }));
    at(14), await accept(chats[4]!.conversationId);
    // Every answered chat takes 20 minutes.
    at(20.5), await end(chats[0]!.conversationId);
    at(21.5), await end(chats[1]!.conversationId);
    at(24.5), await end(chats[2]!.conversationId);
    at(27), await end(chats[3]!.conversationId);
    at(34), await end(chats[4]!.conversationId);
    // 11:40: she goes off duty.
    at(100), unwrap(await request<Ack<unknown>>(anna.socket, 'status:set', { status: 'offline' }));
    at(180);
    supervisor = await signIn('supervisor');
    admin = await signIn('admin');
    counsellor = await signIn('counsellor');
    researcher = await signIn('researcher');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('gives the supervisor the day’s arrivals, answers, waits, abandonment, chat length and occupancy', async () => {
    const res = await call(server, supervisor, 'GET', '/api/figures?period=day&from=2026-12-02&to=2026-12-02');
    expect(res.status).toBe(200);
    const body = res.body as FiguresResponse;
    expect(body.fromMs).toBe(Date.UTC(2026, 11, 1, 23));
    expect(body.toMs).toBe(Date.UTC(2026, 11, 2, 23));
    const all = body.figures.rows.find((r) => r.priority === 'all')!;
    expect(all.period).toBe('2026-12-02');
    expect(all.arrivals.value).toBe(6);
    expect(all.answered.value).toBe(5);
    expect(all.waitP50Ms.value).toBe(2.5 * MIN);
    expect(all.waitP90Ms.value).toBe(10 * MIN);
    expect(all.chatLengthP50Ms).toEqual({ value: 20 * MIN, display: '20 min' });
    // Small numbers stay hidden: one abandoned chat, shares of fewer than 20 arrivals.
    expect(all.abandoned).toEqual({ value: null, display: '<5' });
    expect(all.abandonedAfterP50Ms.value).toBeNull();
    expect(all.answeredWithin.m5).toEqual({ value: null, display: '–' });
    expect(body.figures.rows.find((r) => r.priority === 'normal')!.arrivals.value).toBe(6);
    // 200 minutes on duty, 100 of them in chats.
    expect(body.figures.occupancy).toEqual([{ period: '2026-12-02', counsellorHours: 3.3, occupancy: { value: 0.5, display: '50%' } }]);
    // Wednesday, 10:00–11:00.
    expect(body.figures.heatmap[2]![10]!.value).toBe(6);
    expect(body.figures.heatmap[2]![9]!.value).toBe(0);
  });

  it('shows when the opening hours had the chat closed and the hour the queue was full', async () => {
    const { body } = await call(server, admin, 'GET', '/api/figures?period=day&from=2026-12-02&to=2026-12-02');
    const hours = (body as FiguresResponse).hours;
    expect(hours.closedBasis).toBe('hours');
    expect(hours.queueCap).toBe(3);
    expect(hours.closed).toEqual([
      { from: Date.UTC(2026, 11, 1, 23), to: Date.UTC(2026, 11, 2, 8) },
      { from: Date.UTC(2026, 11, 2, 16), to: Date.UTC(2026, 11, 2, 23) },
    ]);
    expect(hours.fullQueueHours).toEqual([t0]);
    expect(hours.perPeriod).toEqual([{ period: '2026-12-02', closedHours: 16, fullQueueHours: 1 }]);
  });

  it('groups by ISO week and month', async () => {
    const week = (await call(server, supervisor, 'GET', '/api/figures?period=week&from=2026-11-30&to=2026-12-06')).body as FiguresResponse;
    expect(week.figures.rows.filter((r) => r.priority === 'all').map((r) => [r.period, r.arrivals.value])).toEqual([['2026-W49', 6]]);
    expect(week.hours.perPeriod).toEqual([{ period: '2026-W49', closedHours: 7 * 24 - 8, fullQueueHours: 1 }]);
    const month = (await call(server, supervisor, 'GET', '/api/figures?period=month&from=2026-11-01&to=2026-12-31')).body as FiguresResponse;
    expect(month.figures.rows.filter((r) => r.priority === 'all').map((r) => [r.period, r.answered.value])).toEqual([['2026-12', 5]]);
    const before = (await call(server, supervisor, 'GET', '/api/figures?period=day&from=2026-11-01&to=2026-12-01')).body as FiguresResponse;
    expect(before.figures.rows).toEqual([]);
    expect(before.figures.occupancy).toEqual([]);
  });

  it('downloads the figures as CSV, suppression marks included, and records both looks in the audit log', async () => {
    const res = await call(server, supervisor, 'GET', '/api/figures.csv?period=day&from=2026-12-02&to=2026-12-02');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="baken-figures-day-2026-12-02-2026-12-02.csv"');
    const { records: rows, issues } = parseCsv(res.body as string);
    expect(issues).toEqual([]);
    expect(rows[0]!.slice(0, 4)).toEqual(['period', 'priority', 'arrivals', 'answered']);
    const all = rows.find((r) => r[1] === 'all')!;
    expect(all).toEqual(['2026-12-02', 'all', '6', '5', '–', '–', '–', '3', '10', '<5', '–', '20']);
    const audit = server.app.ctx.repos.audit;
    expect((await audit.list({ action: 'figures.export' })).map((e) => JSON.parse(e.detail!))).toEqual([{ period: 'day', from: '2026-12-02', to: '2026-12-02', format: 'csv' }]);
    expect((await audit.list({ action: 'figures.view' })).length).toBeGreaterThanOrEqual(1);
  });

  it('keeps the status history behind the counsellor-hours: on duty, off duty, and a lost connection counts as off duty', async () => {
    const rows = () => server.app.ctx.repos.store.db.selectFrom('counsellor_status_changes').select(['staff_id', 'at', 'status']).orderBy('at').execute();
    expect((await rows()).map((r) => [r.at - t0, r.status])).toEqual([
      [-100 * MIN, 'available'],
      [100 * MIN, 'offline'],
    ]);
    at(190);
    const bo = await signedInCounsellor(server);
    at(195);
    bo.socket.disconnect();
    let mine: Awaited<ReturnType<typeof rows>> = [];
    for (let i = 0; i < 100 && mine.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 20));
      mine = (await rows()).filter((r) => r.staff_id === bo.account.id);
    }
    expect(mine.map((r) => [r.at - t0, r.status])).toEqual([
      [190 * MIN, 'available'],
      [195 * MIN, 'offline'],
    ]);
  });

  it('refuses counsellors and researchers, and anyone signed out', async () => {
    const q = '?period=day&from=2026-12-02&to=2026-12-02';
    for (const path of ['/api/figures', '/api/figures.csv']) {
      expect((await call(server, counsellor, 'GET', `${path}${q}`)).status).toBe(403);
      expect((await call(server, researcher, 'GET', `${path}${q}`)).status).toBe(403);
      expect((await call(server, null, 'GET', `${path}${q}`)).status).toBe(401);
    }
  });

  it('attack: the CSV download cannot be made to carry a header, a file name of her choosing or a formula', async () => {
    const injected = encodeURIComponent('2026-12-02"\r\nSet-Cookie: baken=x; x="');
    const res = await call(server, supervisor, 'GET', `/api/figures.csv?period=day&from=2026-12-02&to=${injected}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('content-disposition')).toBeNull();
    const csv = await call(server, supervisor, 'GET', '/api/figures.csv?period=day&from=2026-12-01&to=2026-12-03');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="baken-figures-day-2026-12-01-2026-12-03.csv"');
    expect((csv.body as string).split(/[\r\n,]+/).filter((cell) => /^[=+@]/.test(cell))).toEqual([]);
  });

  it('answers bad periods and ranges with 400 and says what is wrong', async () => {
    for (const q of [
      'period=year&from=2026-12-01&to=2026-12-02',
      'period=day&to=2026-12-02',
      'period=day&from=2026-12-03&to=2026-12-02',
      'period=day&from=2026-02-30&to=2026-03-02',
      'period=day&from=2025-01-01&to=2026-02-05',
      'period=day&from=02-12-2026&to=2026-12-02',
    ]) {
      const res = await call(server, supervisor, 'GET', `/api/figures?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    const tooLong = await call(server, supervisor, 'GET', '/api/figures.csv?period=week&from=2025-01-01&to=2026-02-05');
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body.error.issues)).toContain('at most 400 days');
    // 400 days is the most: 2025-01-01 to 2026-02-04 is allowed.
    expect((await call(server, supervisor, 'GET', '/api/figures?period=month&from=2025-01-01&to=2026-02-04')).status).toBe(200);
  });
});
