// The audit log over real HTTP on both databases: an administrator filters by staff member,
// action group or single action, conversation (short id) and date range, pages back with
// "load older" without gaps or repeats, checks the chain, and exports the filtered log as CSV
// after a fresh sign-in (the export is audited too). Other roles are refused.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { parseCsv } from '../../../domain/codebook/csvRfc4180.js';
import { auditActionGroups } from '../../../domain/audit/auditActions.js';
import type { AuditListResponse } from '../../../protocol/auditApi.js';
import { recentAuthWindowMs } from '../recentAuth.js';
import { callApi as call } from '../../testing/httpCalls.js';
import { TestClock } from '../../testing/testClock.js';

interface Session {
  id: string;
  username: string;
  password: string;
  cookie: string;
  csrfToken: string;
}

const day = 24 * 60 * 60_000;
const now = Date.UTC(2025, 4, 10, 8, 0, 0);
/** The seeded entries lie in the days before the sign-ins, which keeps the sessions fresh. */
const start = now - 6 * day;

describe.each(['sqlite', 'postgres'] as const)('audit log over HTTP on %s', (dialect) => {
  let server: TestServer;
  let clock: TestClock;
  let admin: Session;
  let anna: Session;
  let sup: Session;
  const chatId = crypto.randomUUID();

  async function person(role: 'admin' | 'counsellor' | 'supervisor', username: string): Promise<Session> {
    const account = await server.createStaff(role, { username });
    const { cookie, csrfToken } = await server.login(account.username, account.password);
    return { id: account.id, username, password: account.password, cookie, csrfToken };
  }
  const list = async (query: string, who: Session = admin) => (await call(server, who, 'GET', `/api/audit?${query}`)) as { status: number; body: AuditListResponse };

  beforeAll(async () => {
    clock = new TestClock(now);
    server = await startTestServer({ dialect, clock });
    admin = await person('admin', 'beheer');
    anna = await person('counsellor', 'anna');
    sup = await person('supervisor', 'sanne');
    const audit = server.app.ctx.repos.audit;
    // Anna reads one chat on three days; the supervisor joins it silently on day 2.
    for (let d = 0; d < 3; d++) {
      await audit.append({ at: start + d * day + 60_000, staffId: anna.id, action: 'transcript.view', targetType: 'conversation', targetId: chatId, detail: { afterSeq: 0 } });
    }
    await audit.append({ at: start + day + 120_000, staffId: sup.id, action: 'conversation.join_silent', targetType: 'conversation', targetId: chatId });
    await audit.append({ at: start + day + 180_000, staffId: admin.id, action: 'staff.update', targetType: 'staff', targetId: anna.id, detail: { fields: ['role'] } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists newest first with usernames for actor and staff target, never more than asked', async () => {
    const { status, body } = await list('limit=3');
    expect(status).toBe(200);
    expect(body.entries).toHaveLength(3);
    const ids = body.entries.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(body.nextBefore).toBe(ids[2]);

    const staffUpdate = (await list('action=staff.update')).body;
    expect(staffUpdate.entries).toEqual([expect.objectContaining({ action: 'staff.update', staffId: admin.id, targetType: 'staff', targetId: anna.id, detail: { fields: ['role'] } })]);
    expect(staffUpdate.staff).toEqual(
      expect.arrayContaining([
        { id: admin.id, username: 'beheer', displayName: 'Beheer' },
        { id: anna.id, username: 'anna', displayName: 'Anna' },
      ]),
    );
    expect(staffUpdate.nextBefore).toBeNull();
  });

  it('filters by staff member, by action group and by single action', async () => {
    const annas = (await list(`staffId=${anna.id}`)).body.entries;
    expect(new Set(annas.map((e) => e.staffId))).toEqual(new Set([anna.id]));
    // Her sign-in (password, then code) and her three transcript views.
    expect(annas.map((e) => e.action)).toEqual(['transcript.view', 'transcript.view', 'transcript.view', 'login', 'login.password_ok']);

    const transcripts = (await list('group=transcripts')).body.entries;
    expect(transcripts.map((e) => e.action).sort()).toEqual(['conversation.join_silent', 'transcript.view', 'transcript.view', 'transcript.view']);
    const signIns = (await list('group=signIns')).body.entries;
    expect(signIns.length).toBeGreaterThanOrEqual(6);
    expect(signIns.every((e) => (auditActionGroups.signIns as readonly string[]).includes(e.action))).toBe(true);

    const joins = (await list(`action=conversation.join_silent&staffId=${sup.id}`)).body.entries;
    expect(joins).toHaveLength(1);
    expect((await list(`action=conversation.join_silent&staffId=${anna.id}`)).body.entries).toEqual([]);
    // An action this server never wrote is not an error, just nothing.
    expect((await list('action=passkey.added')).body.entries).toEqual([]);
  });

  it('filters by conversation, by its full id or the short form the screen shows', async () => {
    const full = (await list(`conversationId=${chatId}`)).body.entries;
    expect(full).toHaveLength(4);
    const short = (await list(`conversationId=${chatId.slice(0, 8).toUpperCase()}`)).body.entries;
    expect(short.map((e) => e.id)).toEqual(full.map((e) => e.id));
    expect((await list(`conversationId=${crypto.randomUUID()}`)).body.entries).toEqual([]);
  });

  it('filters by date range, from inclusive and to exclusive', async () => {
    const second = (await list(`conversationId=${chatId}&from=${start + day}&to=${start + 2 * day}`)).body.entries;
    expect(second.map((e) => e.action)).toEqual(['conversation.join_silent', 'transcript.view']);
    expect(second.every((e) => e.at >= start + day && e.at < start + 2 * day)).toBe(true);
    const fromDay3 = (await list(`group=transcripts&from=${start + 2 * day}`)).body.entries;
    expect(fromDay3.map((e) => e.at)).toEqual([start + 2 * day + 60_000]);
  });

  it('pages back through a long log with "load older": every entry once, in order, then the end', async () => {
    const audit = server.app.ctx.repos.audit;
    for (let i = 0; i < 230; i++) await audit.append({ at: start + 4 * day + i, staffId: sup.id, action: 'coding.view', targetType: 'conversation', targetId: crypto.randomUUID(), detail: { mode: 'primary' } });
    const seen: number[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const page: AuditListResponse = (await list(`group=codings&staffId=${sup.id}&limit=100${before ? `&before=${before}` : ''}`)).body;
      seen.push(...page.entries.map((e) => e.id));
      before = page.nextBefore;
      pages++;
    } while (before !== null);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(230);
    expect(new Set(seen).size).toBe(230);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it('refuses filters it cannot honour instead of guessing', async () => {
    for (const bad of ['limit=5000', 'limit=0', 'group=everything', 'action=staff.update&group=staff', 'conversationId=ab%25', 'conversationId=abc', `from=${start + day}&to=${start}`, 'before=-3']) {
      const res = await list(bad);
      expect(res.status, bad).toBe(400);
    }
    // An empty form field counts as no filter.
    expect((await list('staffId=&action=&conversationId=&limit=2')).body.entries).toHaveLength(2);
  });

  it('checks the chain: intact with the count, then names the first entry someone edited', async () => {
    const intact = await call(server, admin, 'GET', '/api/audit/verify');
    expect(intact.body).toEqual({ ok: true, entries: expect.any(Number) });
    const total = intact.body.entries as number;
    expect(total).toBeGreaterThan(230);

    const victim = (await list('action=staff.update')).body.entries[0]!;
    const db = server.app.ctx.repos.store.db;
    await db.updateTable('audit_log').set({ detail: JSON.stringify({ fields: ['password'] }) }).where('id', '=', victim.id).execute();
    const broken = await call(server, admin, 'GET', '/api/audit/verify');
    expect(broken.body).toMatchObject({ ok: false, brokenAtId: victim.id, cause: 'changed' });
    expect(broken.body.entries).toBeLessThan(total);
    await db.updateTable('audit_log').set({ detail: JSON.stringify({ fields: ['role'] }) }).where('id', '=', victim.id).execute();
    expect((await call(server, admin, 'GET', '/api/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('exports the filtered log as CSV after a fresh sign-in, and audits the export', async () => {
    clock.t += recentAuthWindowMs + 1000;
    const stale = await call(server, admin, 'GET', `/api/audit.csv?conversationId=${chatId}`);
    expect(stale.status).toBe(403);
    expect(stale.body.error.code).toBe('reauth_required');

    const reauth = await call(server, admin, 'POST', '/api/auth/reauth', { password: admin.password, code: server.secondFactor(admin.username) });
    expect(reauth.status).toBe(200);
    const res = await call(server, admin, 'GET', `/api/audit.csv?conversationId=${chatId.slice(0, 8)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="baken-audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const { records, issues } = parseCsv(res.body as string);
    expect(issues).toEqual([]);
    expect(records[0]).toEqual(['id', 'at_utc', 'staff_id', 'staff_username', 'action', 'target_type', 'target_id', 'target_username', 'detail', 'prev_hash', 'hash']);
    const rows = records.slice(1);
    // In log order (oldest first), the four entries about this chat, with usernames.
    expect(rows.map((r) => [r[3], r[4]])).toEqual([
      ['anna', 'transcript.view'],
      ['anna', 'transcript.view'],
      ['anna', 'transcript.view'],
      ['sanne', 'conversation.join_silent'],
    ]);
    expect(rows[0]![1]).toBe(new Date(start + 60_000).toISOString());

    const exported = (await list('action=audit.exported')).body.entries;
    expect(exported).toEqual([expect.objectContaining({ staffId: admin.id, detail: { filter: { conversationId: chatId.slice(0, 8) }, count: 4 } })]);
  });

  it('refuses the log, the chain check and the export to every other role', async () => {
    for (const who of [anna, sup]) {
      for (const path of ['/api/audit', '/api/audit/staff', '/api/audit/verify', '/api/audit.csv']) {
        expect((await call(server, who, 'GET', path)).status, `${who.username} ${path}`).toBe(403);
      }
    }
    expect((await call(server, null, 'GET', '/api/audit')).status).toBe(401);
    const people = await call(server, admin, 'GET', '/api/audit/staff');
    expect(people.body.staff.map((s: { username: string }) => s.username)).toEqual(expect.arrayContaining(['anna', 'beheer', 'sanne']));
  });
});
