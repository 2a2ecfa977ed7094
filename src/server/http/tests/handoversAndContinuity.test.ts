// Warm handovers and continuity over real HTTP on both databases: consent and emergency routes,
// the supervisor's four-eyes decision, the letter with only what she agreed to share, the case
// summary and earlier chats of a returning visitor, and that nobody but her counsellor reads them.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { callApi as call } from '../../testing/httpCalls.js';
import type { StaffRole } from '../../../store/staffRepository.js';
import { runRetention } from '../../jobs/retentionJob.js';
import { amsterdamYear } from '../../../domain/monitor/amsterdamYear.js';

interface Session {
  id: string;
  cookie: string;
  csrfToken: string;
}

const day = 86_400_000;

describe.each(['sqlite', 'postgres'] as const)('handovers and continuity over HTTP on %s', (dialect) => {
  let server: TestServer;
  let now = Date.now();
  const clock = { now: () => now };
  const people: Record<string, Session> = {};

  async function person(name: string, role: StaffRole): Promise<Session> {
    const account = await server.createStaff(role, { displayName: name });
    const { cookie, csrfToken } = await server.login(account.username, account.password);
    return { id: account.id, cookie, csrfToken };
  }

  /** A chat the counsellor took (and, unless `open`, that ended), optionally of a returning visitor. */
  async function chat(counsellorId: string, options: { visitorKey?: string; open?: boolean } = {}) {
    const repos = server.app.ctx.repos;
    const c = await repos.conversations.create({ id: crypto.randomUUID(), tokenHash: crypto.randomUUID(), nickname: 'Roos', language: 'nl', preChat: null, visitorKey: options.visitorKey ?? null, now: now - 60_000 });
    const active = await repos.conversations.applyTransition({ current: c, next: { status: 'active', counsellorId, endReason: null }, event: 'accept', actor: { kind: 'staff', staffId: counsellorId }, now: now - 50_000 });
    if (options.open) return active!;
    return (await repos.conversations.applyTransition({ current: active!, next: { status: 'ended', counsellorId, endReason: 'visitor' }, event: 'end', actor: { kind: 'visitor' }, now: now - 1000 }))!;
  }

  const consent = (conversationId: string) => ({
    conversationId,
    kind: 'consent',
    organisation: 'Veilig Thuis Utrecht',
    method: 'letter',
    consentSummary: 'Ze zegt: bel ze maar, ik wil dat ze weten wat er thuis gebeurt.',
    shared: 'Zij is 15 jaar en wordt thuis gedwongen te werken.',
  });
  const auditOf = (action: string, targetId?: string) => server.app.ctx.repos.audit.list({ action: action as never, ...(targetId ? { targetId } : {}) });

  beforeAll(async () => {
    server = await startTestServer({ dialect, clock });
    people.anna = await person('Anna', 'counsellor');
    people.bert = await person('Bert', 'counsellor');
    people.carla = await person('Carla', 'counsellor');
    people.sara = await person('Sara', 'supervisor');
    people.tom = await person('Tom', 'supervisor');
    people.res = await person('Rik', 'researcher');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('records a consented handover sealed at rest, audited with it, and prints only what she agreed to share', async () => {
    const c = await chat(people.anna!.id);
    const entry = (await server.app.ctx.repos.directory.list())[0]!.id;
    const recorded = await call(server, people.anna!, 'POST', '/api/handovers', { ...consent(c.id), directoryEntryId: entry });
    expect(recorded.status).toBe(201);
    expect(recorded.body.handover).toMatchObject({ kind: 'consent', status: 'recorded', method: 'letter', organisation: 'Veilig Thuis Utrecht', directoryEntryId: entry, recordedByName: 'Anna' });
    const id = recorded.body.handover.id as string;

    const raw = await server.app.ctx.repos.store.db.selectFrom('handovers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(raw.sealed).not.toContain('Veilig');
    expect(raw.sealed).not.toContain('gedwongen');
    const audit = await auditOf('handover.recorded', c.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.staff_id).toBe(people.anna!.id);
    expect(JSON.parse(audit[0]!.detail!)).toEqual({ handoverId: id, kind: 'consent', method: 'letter', status: 'recorded' });
    expect(audit[0]!.detail).not.toContain('Veilig');

    const letter = await call(server, people.anna!, 'GET', `/api/handovers/${id}/letter`);
    expect(letter.status).toBe(200);
    expect(letter.body).toMatchObject({ organisation: 'Veilig Thuis Utrecht', shared: 'Zij is 15 jaar en wordt thuis gedwongen te werken.', method: 'letter', counsellorName: 'Anna' });
    expect(JSON.stringify(letter.body)).not.toContain('bel ze maar');
    expect(JSON.stringify(letter.body)).not.toContain('Roos');
    expect((await auditOf('handover.view', c.id)).map((e) => JSON.parse(e.detail!))).toContainEqual({ handoverId: id, purpose: 'letter' });

    const mine = await call(server, people.anna!, 'GET', `/api/handovers/for/${c.id}`);
    expect(mine.body.handovers.map((h: { id: string }) => h.id)).toEqual([id]);
  });

  it('asks for her consent in her words, or for the emergency reason, and caps the texts', async () => {
    const c = await chat(people.anna!.id);
    expect((await call(server, people.anna!, 'POST', '/api/handovers', { ...consent(c.id), consentSummary: '  ' })).status).toBe(400);
    expect((await call(server, people.anna!, 'POST', '/api/handovers', { ...consent(c.id), kind: 'emergency' })).status).toBe(400);
    expect((await call(server, people.anna!, 'POST', '/api/handovers', { ...consent(c.id), shared: 'x'.repeat(4001) })).status).toBe(400);
    expect((await call(server, people.anna!, 'POST', '/api/handovers', { ...consent(c.id), method: 'fax' })).status).toBe(400);
    // Attack: the plain-text directory link used as an unsealed note about her.
    const note = await call(server, people.anna!, 'POST', '/api/handovers', { ...consent(c.id), directoryEntryId: 'Roos, 15, Kanaalstraat 3' });
    expect(note.status).toBe(400);
    expect(JSON.stringify(await server.app.ctx.repos.store.db.selectFrom('handovers').selectAll().execute())).not.toContain('Kanaalstraat');
    expect(await auditOf('handover.recorded', c.id)).toEqual([]);
  });

  it('keeps an emergency handover pending until another supervisor approves it; refusals and decisions are audited', async () => {
    const c = await chat(people.anna!.id);
    const emergency = { ...consent(c.id), kind: 'emergency', organisation: 'Politie', method: 'phone', consentSummary: '', reason: 'Ze is nu opgesloten en wordt bedreigd met een mes.' };
    const first = await call(server, people.anna!, 'POST', '/api/handovers', emergency);
    expect(first.status).toBe(201);
    expect(first.body.handover).toMatchObject({ kind: 'emergency', status: 'pending', consentSummary: null, reason: emergency.reason });
    const id = first.body.handover.id as string;
    expect((await call(server, people.anna!, 'GET', `/api/handovers/${id}/letter`)).status).toBe(409);

    // A counsellor cannot decide at all; the supervisors' list shows it with its reason.
    expect((await call(server, people.anna!, 'POST', `/api/handovers/${id}/decision`, { decision: 'approve' })).status).toBe(403);
    expect((await call(server, people.anna!, 'GET', '/api/handovers')).status).toBe(403);
    const pending = await call(server, people.sara!, 'GET', '/api/handovers?status=pending');
    expect(pending.status).toBe(200);
    expect(pending.body.handovers).toContainEqual(expect.objectContaining({ id, status: 'pending', reason: emergency.reason, recordedByName: 'Anna', mayDecide: true }));

    const approved = await call(server, people.sara!, 'POST', `/api/handovers/${id}/decision`, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.handover).toMatchObject({ status: 'approved', decidedByName: 'Sara' });
    expect((await call(server, people.tom!, 'POST', `/api/handovers/${id}/decision`, { decision: 'refuse' })).status).toBe(409);
    expect((await call(server, people.anna!, 'GET', `/api/handovers/${id}/letter`)).status).toBe(200);
    expect((await auditOf('handover.approved', c.id)).map((e) => [e.staff_id, JSON.parse(e.detail!)])).toEqual([[people.sara!.id, { handoverId: id }]]);

    const second = await call(server, people.anna!, 'POST', '/api/handovers', emergency);
    const refused = await call(server, people.tom!, 'POST', `/api/handovers/${second.body.handover.id}/decision`, { decision: 'refuse' });
    expect(refused.body.handover.status).toBe('refused');
    expect(await auditOf('handover.refused', c.id)).toHaveLength(1);
    expect((await call(server, people.anna!, 'GET', `/api/handovers/${second.body.handover.id}/letter`)).status).toBe(409);
  });

  it('does not let a supervisor approve the emergency handover she recorded herself', async () => {
    const c = await chat(people.sara!.id);
    const own = await call(server, people.sara!, 'POST', '/api/handovers', { ...consent(c.id), kind: 'emergency', reason: 'Direct levensgevaar.' });
    expect(own.body.handover.mayDecide).toBe(false);
    expect((await call(server, people.sara!, 'POST', `/api/handovers/${own.body.handover.id}/decision`, { decision: 'approve' })).status).toBe(403);
    expect((await call(server, people.tom!, 'POST', `/api/handovers/${own.body.handover.id}/decision`, { decision: 'approve' })).status).toBe(200);
  });

  it("refuses counsellor B everything about counsellor A's chat: recording, reading, the letter, the summary, earlier chats", async () => {
    const key = crypto.randomUUID();
    const earlier = await chat(people.anna!.id, { visitorKey: key });
    const c = await chat(people.anna!.id, { visitorKey: key, open: true });
    const h = await call(server, people.anna!, 'POST', '/api/handovers', consent(c.id));
    await call(server, people.anna!, 'PUT', `/api/continuity/${c.id}/summary`, { body: 'Geheim voor Bert', baseUpdatedAt: null });
    const bert = people.bert!;
    const attempts = [
      await call(server, bert, 'POST', '/api/handovers', consent(c.id)),
      await call(server, bert, 'GET', `/api/handovers/for/${c.id}`),
      await call(server, bert, 'GET', `/api/handovers/${h.body.handover.id}/letter`),
      await call(server, bert, 'GET', `/api/continuity/${c.id}`),
      await call(server, bert, 'PUT', `/api/continuity/${c.id}/summary`, { body: 'overschreven', baseUpdatedAt: null }),
      await call(server, bert, 'POST', `/api/continuity/${c.id}/earlier/${earlier.id}`, { reason: 'visitor_refers_to_it' }),
      // A chat of his own does not open hers either.
      await call(server, bert, 'POST', `/api/continuity/${(await chat(bert.id, { open: true })).id}/earlier/${earlier.id}`, { reason: 'visitor_refers_to_it' }),
      await call(server, people.res!, 'GET', `/api/continuity/${c.id}`),
    ];
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403, 403, 403, 403, 404, 403]);
    for (const a of attempts) expect(JSON.stringify(a.body)).not.toContain('Geheim');
    expect((await auditOf('transcript.view', earlier.id)).length).toBe(0);
    // Her counsellor still reads it, unchanged.
    expect((await call(server, people.anna!, 'GET', `/api/continuity/${c.id}`)).body.summary.body).toBe('Geheim voor Bert');
  });

  it('shows the counsellor of a returning visitor her summary and earlier chats, and opens an earlier transcript only with a reason', async () => {
    const key = crypto.randomUUID();
    const earlier = await chat(people.anna!.id, { visitorKey: key });
    await server.app.ctx.repos.messages.append({ id: crypto.randomUUID(), conversationId: earlier.id, clientId: `e-${earlier.id}`, sender: 'visitor', senderStaffId: null, senderName: null, body: 'vorige keer vertelde ik over mijn oom', now: now - 30_000 });
    const coded = await call(server, people.anna!, 'PUT', `/api/codings/${earlier.id}`, {
      values: { contactType: 'victim', traffickingQuestion: 'no', otherTopics: ['runaway', 'grooming'], acuteUnsafety: false, age: 15, ageBasis: 'stated', gender: 'female', language: 'nl', actions: ['none'], followUpAgreed: false },
    });
    expect(coded.status).toBe(200);
    const current = await chat(people.carla!.id, { visitorKey: key, open: true });

    const first = await call(server, people.carla!, 'GET', `/api/continuity/${current.id}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ returning: true, canKeepSummary: true, summary: null });
    expect(first.body.earlierChats).toEqual([{ id: earlier.id, createdAt: earlier.createdAt, counsellorName: 'Anna', purged: false, topics: [{ nl: 'Online grooming', en: 'Online grooming' }, { nl: 'Weggelopen of dakloos', en: 'Runaway or homeless' }] }]);

    const saved = await call(server, people.carla!, 'PUT', `/api/continuity/${current.id}/summary`, { body: 'Woont bij oom; wil eerst praten, geen politie.', baseUpdatedAt: null });
    expect(saved.status).toBe(200);
    expect(saved.body.summary).toMatchObject({ body: 'Woont bij oom; wil eerst praten, geen politie.', updatedByName: 'Carla' });
    const raw = await server.app.ctx.repos.store.db.selectFrom('case_summaries').selectAll().where('visitor_key', '=', key).executeTakeFirstOrThrow();
    expect(raw.body).not.toContain('oom');
    expect(await auditOf('case_summary.update', current.id)).toHaveLength(1);
    // An edit from a stale copy would overwrite a colleague's: refused.
    expect((await call(server, people.carla!, 'PUT', `/api/continuity/${current.id}/summary`, { body: 'oud', baseUpdatedAt: null })).status).toBe(409);
    now += 1000;
    const edited = await call(server, people.carla!, 'PUT', `/api/continuity/${current.id}/summary`, { body: 'Woont bij oom.', baseUpdatedAt: saved.body.summary.updatedAt });
    expect(edited.status).toBe(200);
    expect((await call(server, people.carla!, 'GET', `/api/continuity/${current.id}`)).body.summary.body).toBe('Woont bij oom.');
    expect((await auditOf('case_summary.view', current.id)).length).toBeGreaterThan(0);

    expect((await call(server, people.carla!, 'POST', `/api/continuity/${current.id}/earlier/${earlier.id}`, {})).status).toBe(400);
    expect((await call(server, people.carla!, 'POST', `/api/continuity/${current.id}/earlier/${earlier.id}`, { reason: 'because I want to' })).status).toBe(400);
    expect(await auditOf('transcript.view', earlier.id)).toEqual([]);
    const opened = await call(server, people.carla!, 'POST', `/api/continuity/${current.id}/earlier/${earlier.id}`, { reason: 'visitor_refers_to_it' });
    expect(opened.status).toBe(200);
    expect(opened.body.messages.map((m: { body: string }) => m.body)).toEqual(['vorige keer vertelde ik over mijn oom']);
    const views = await auditOf('transcript.view', earlier.id);
    expect(views.map((v) => [v.staff_id, JSON.parse(v.detail!)])).toEqual([[people.carla!.id, { via: 'continuity', from: current.id, reason: 'visitor_refers_to_it' }]]);

    // Someone else's chat is never "earlier" for her.
    const stranger = await chat(people.anna!.id, { visitorKey: crypto.randomUUID() });
    expect((await call(server, people.carla!, 'POST', `/api/continuity/${current.id}/earlier/${stranger.id}`, { reason: 'visitor_refers_to_it' })).status).toBe(404);
  });

  it("attack: the counsellor of her old chat cannot read her later chats or the summary colleagues keep since", async () => {
    const key = crypto.randomUUID();
    const old = await chat(people.anna!.id, { visitorKey: key });
    now += 60_000;
    const later = await chat(people.carla!.id, { visitorKey: key });
    await server.app.ctx.repos.messages.append({ id: crypto.randomUUID(), conversationId: later.id, clientId: `l-${later.id}`, sender: 'visitor', senderStaffId: null, senderName: null, body: 'nu woon ik ergens anders', now });
    now += 60_000;
    const current = await chat(people.carla!.id, { visitorKey: key, open: true });
    expect((await call(server, people.carla!, 'PUT', `/api/continuity/${current.id}/summary`, { body: 'Nieuw adres bij tante', baseUpdatedAt: null })).status).toBe(200);

    const anna = people.anna!;
    const view = await call(server, anna, 'GET', `/api/continuity/${old.id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ summary: null, canKeepSummary: false, earlierChats: [] });
    expect((await call(server, anna, 'PUT', `/api/continuity/${old.id}/summary`, { body: 'overschreven', baseUpdatedAt: null })).status).toBe(403);
    const opened = await call(server, anna, 'POST', `/api/continuity/${old.id}/earlier/${later.id}`, { reason: 'visitor_refers_to_it' });
    expect(opened.status).toBe(404);
    expect(JSON.stringify(opened.body)).not.toContain('ergens anders');
    expect(await auditOf('transcript.view', later.id)).toEqual([]);
    expect(await auditOf('case_summary.view', old.id)).toEqual([]);

    // The counsellor of her newest chat still sees both earlier chats and the summary.
    const mine = await call(server, people.carla!, 'GET', `/api/continuity/${current.id}`);
    expect(mine.body.summary.body).toBe('Nieuw adres bij tante');
    expect(mine.body.earlierChats.map((c: { id: string }) => c.id)).toEqual([later.id, old.id]);
    expect((await call(server, people.carla!, 'POST', `/api/continuity/${current.id}/earlier/${later.id}`, { reason: 'visitor_refers_to_it' })).status).toBe(200);
  });

  it('keeps no summary for a visitor without a return code', async () => {
    const c = await chat(people.anna!.id, { open: true });
    expect((await call(server, people.anna!, 'GET', `/api/continuity/${c.id}`)).body).toEqual({ returning: false, canKeepSummary: false, summary: null, earlierChats: [] });
    expect((await call(server, people.anna!, 'PUT', `/api/continuity/${c.id}/summary`, { body: 'x', baseUpdatedAt: null })).status).toBe(409);
  });

  it('deletes her summary and the handover texts when she deletes her history with her code', async () => {
    const key = crypto.randomUUID();
    const earlier = await chat(people.anna!.id, { visitorKey: key });
    const later = await chat(people.anna!.id, { visitorKey: key, open: true });
    const code = await server.app.ctx.app.returnCodes.create(later.id);
    await call(server, people.anna!, 'PUT', `/api/continuity/${later.id}/summary`, { body: 'Samenvatting', baseUpdatedAt: null });
    const h = await call(server, people.anna!, 'POST', '/api/handovers', consent(earlier.id));
    await server.app.ctx.repos.conversations.applyTransition({ current: later, next: { status: 'ended', counsellorId: people.anna!.id, endReason: 'visitor' }, event: 'end', actor: { kind: 'visitor' }, now });

    expect(await server.app.ctx.app.returnCodes.deleteHistory(code)).toEqual({ outcome: 'deleted', conversations: 2 });
    expect(await server.app.ctx.repos.store.db.selectFrom('case_summaries').selectAll().where('visitor_key', '=', key).execute()).toEqual([]);
    const list = await call(server, people.sara!, 'GET', '/api/handovers');
    // Still counted (kind and status), but what was written is gone with her transcript.
    expect(list.body.handovers.find((x: { id: string }) => x.id === h.body.handover.id)).toMatchObject({ kind: 'consent', status: 'recorded', organisation: null, shared: null, consentSummary: null });
    expect((await call(server, people.anna!, 'GET', `/api/handovers/${h.body.handover.id}/letter`)).status).toBe(404);
  });

  it('deletes a summary by retention with the transcript of the chat it was saved in', async () => {
    const key = crypto.randomUUID();
    const c = await chat(people.anna!.id, { visitorKey: key });
    await call(server, people.anna!, 'PUT', `/api/continuity/${c.id}/summary`, { body: 'Oude samenvatting', baseUpdatedAt: null });
    const { retentionDays } = await server.app.ctx.repos.settings.get();
    now += (retentionDays + 1) * day;
    const purged = await runRetention(server.app.ctx);
    expect(purged.conversations).toBeGreaterThan(0);
    expect(await server.app.ctx.repos.store.db.selectFrom('case_summaries').selectAll().where('visitor_key', '=', key).execute()).toEqual([]);
  });
});

describe.each(['sqlite', 'postgres'] as const)('handovers in the monitor on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dialect });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('counts consented and approved emergency handovers per year, with small counts hidden', async () => {
    const account = async (role: StaffRole) => {
      const a = await server.createStaff(role);
      return { id: a.id, ...(await server.login(a.username, a.password)) };
    };
    const [anna, sara, res] = [await account('counsellor'), await account('supervisor'), await account('researcher')];
    const repos = server.app.ctx.repos;
    const c = await repos.conversations.create({ id: crypto.randomUUID(), tokenHash: crypto.randomUUID(), nickname: null, language: 'nl', preChat: null, now: Date.now() - 1000 });
    await repos.conversations.applyTransition({ current: c, next: { status: 'active', counsellorId: anna.id, endReason: null }, event: 'accept', actor: { kind: 'staff', staffId: anna.id }, now: Date.now() });
    const record = (kind: 'consent' | 'emergency') => call(server, anna, 'POST', '/api/handovers', { conversationId: c.id, kind, organisation: 'Opvang', method: 'phone', consentSummary: 'ja', shared: 'naam', reason: 'gevaar' });
    const year = amsterdamYear(Date.now());
    const monitor = async () => {
      const report = await call(server, res, 'GET', `/api/reports/monitor?year=${year}`);
      expect(report.status).toBe(200);
      const table = report.body.tables.find((t: { id: string }) => t.id === 'handovers');
      const row = table.rows.findIndex((r: { key: string }) => r.key === String(year));
      return Object.fromEntries(table.columns.map((col: { key: string }, i: number) => [col.key, table.cells[row][i].count ?? table.cells[row][i].display]));
    };

    // No handovers yet: no table (the coded history alone knows none).
    expect((await call(server, res, 'GET', `/api/reports/monitor?year=${year}`)).body.tables.some((t: { id: string }) => t.id === 'handovers')).toBe(false);
    for (let i = 0; i < 6; i += 1) await record('consent');
    const emergencies = [];
    for (let i = 0; i < 7; i += 1) emergencies.push((await record('emergency')).body.handover.id as string);
    // One approved, one refused, the rest pending: only the approved one counts.
    await call(server, sara, 'POST', `/api/handovers/${emergencies[0]}/decision`, { decision: 'approve' });
    await call(server, sara, 'POST', `/api/handovers/${emergencies[1]}/decision`, { decision: 'refuse' });
    const small = await monitor();
    expect(small.emergency).toBe('<5');
    expect([small.consent, small.total].filter((v) => v === 'x')).toHaveLength(1);

    for (const id of emergencies.slice(2)) await call(server, sara, 'POST', `/api/handovers/${id}/decision`, { decision: 'approve' });
    expect(await monitor()).toEqual({ consent: 6, emergency: 6, total: 12 });
  });
});

describe.each(['sqlite', 'postgres'] as const)('handover and summary changes are stored with their audit entry or not at all (%s)', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dialect });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps no handover, decision or summary when the audit entry fails', async () => {
    const account = async (role: StaffRole) => {
      const a = await server.createStaff(role);
      return { id: a.id, ...(await server.login(a.username, a.password)) };
    };
    const [anna, sara] = [await account('counsellor'), await account('supervisor')];
    const repos = server.app.ctx.repos;
    const key = crypto.randomUUID();
    const c = await repos.conversations.create({ id: crypto.randomUUID(), tokenHash: crypto.randomUUID(), nickname: null, language: 'nl', preChat: null, visitorKey: key, now: Date.now() - 1000 });
    await repos.conversations.applyTransition({ current: c, next: { status: 'active', counsellorId: anna.id, endReason: null }, event: 'accept', actor: { kind: 'staff', staffId: anna.id }, now: Date.now() });
    const emergency = await call(server, anna, 'POST', '/api/handovers', { conversationId: c.id, kind: 'emergency', organisation: 'Politie', method: 'phone', shared: 'adres', reason: 'gevaar' });
    const summary = await call(server, anna, 'PUT', `/api/continuity/${c.id}/summary`, { body: 'eerste versie', baseUpdatedAt: null });

    const db = repos.store.db;
    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END`.execute(db);
    } else {
      await sql`CREATE FUNCTION audit_down() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit down'; END $$ LANGUAGE plpgsql`.execute(db);
      await sql`CREATE TRIGGER audit_down BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_down()`.execute(db);
    }
    expect((await call(server, anna, 'POST', '/api/handovers', { conversationId: c.id, kind: 'consent', organisation: 'Opvang', method: 'letter', consentSummary: 'ja', shared: 'naam' })).status).toBe(500);
    expect((await repos.handovers.listForConversation(c.id)).map((h) => h.id)).toEqual([emergency.body.handover.id]);
    expect((await call(server, sara, 'POST', `/api/handovers/${emergency.body.handover.id}/decision`, { decision: 'approve' })).status).toBe(500);
    expect((await repos.handovers.find(emergency.body.handover.id))?.status).toBe('pending');
    expect((await call(server, anna, 'PUT', `/api/continuity/${c.id}/summary`, { body: 'tweede versie', baseUpdatedAt: summary.body.summary.updatedAt })).status).toBe(500);
    expect((await repos.continuity.findSummary(key))?.body).toBe('eerste versie');
  });
});
