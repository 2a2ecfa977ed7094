// Coding and reports over real HTTP: prefill, validation, history, carry-forward, permissions
// per role, double coding, export → CLI-equivalent computation, import errors, PDF.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { defaultCodebook } from '../../../domain/codebook/defaultCodebook.js';
import { importCodedConversationsCsv, exportCodedConversationsCsv } from '../../../domain/codebook/codedConversationCsv.js';
import { computeMonitor } from '../../../domain/monitor/computeMonitor.js';
import { buildHeadlineFixture } from '../../../domain/monitor/headlineFixture.js';
import { callApi as call } from '../../testing/httpCalls.js';
import type { StaffRole } from '../../../store/staffRepository.js';
import { pdfPageTexts } from '../../testing/pdfText.js';

interface Session {
  id: string;
  cookie: string;
  csrfToken: string;
}

const validValues = {
  contactType: 'victim',
  traffickingQuestion: 'no',
  otherTopics: ['none'],
  acuteUnsafety: true,
  age: 14,
  ageBasis: 'stated',
  gender: 'female',
  language: 'nl',
  actions: ['none'],
  followUpAgreed: false,
};

describe.each(['sqlite', 'postgres'] as const)('coding and reports over HTTP on %s', (dialect) => {
  let server: TestServer;
  const people: Partial<Record<'anna' | 'bert' | 'sup' | 'res' | 'admin', Session>> = {};
  const as = (name: keyof typeof people): Session => people[name]!;

  async function person(role: StaffRole): Promise<Session> {
    const account = await server.createStaff(role);
    const { cookie, csrfToken } = await server.login(account.username, account.password);
    return { id: account.id, cookie, csrfToken };
  }

  async function endedChat(counsellorId: string, extra: { visitorKey?: string; preChat?: Record<string, string> } = {}) {
    const repos = server.app.ctx.repos;
    const c = await repos.conversations.create({
      id: crypto.randomUUID(),
      tokenHash: crypto.randomUUID(),
      nickname: 'Roos',
      language: 'nl',
      preChat: extra.preChat ?? { ageBand: '12_15', inDangerNow: 'yes', topic: 'about_me' },
      visitorKey: extra.visitorKey ?? null,
      triage: { priority: 'high', categories: ['exploitation'], reasons: [] } as never,
      now: Date.now() - 60_000,
    });
    const ended = await repos.conversations.applyTransition({ current: c, next: { status: 'ended', counsellorId, endReason: 'visitor' }, event: 'end', actor: { kind: 'visitor' }, now: Date.now() - 1000 });
    return ended!;
  }

  beforeAll(async () => {
    server = await startTestServer({ dialect });
    people.anna = await person('counsellor');
    people.bert = await person('counsellor');
    people.sup = await person('supervisor');
    people.res = await person('researcher');
    people.admin = await person('admin');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows the transcript to whoever may code the chat, audited as transcript.view, and shortens her nickname in the list', async () => {
    const chat = await endedChat(as('anna').id);
    await server.app.ctx.repos.messages.append({ id: crypto.randomUUID(), conversationId: chat.id, clientId: `t-${chat.id}`, sender: 'visitor', senderStaffId: null, senderName: null, body: 'hallo, ik wil iets vragen', now: Date.now() - 30_000 });
    const queue = await call(server, as('anna'), 'GET', '/api/codings/queue');
    expect(queue.body.awaiting.find((a: { conversationId: string }) => a.conversationId === chat.id).nickname).toBe('R…');
    expect(JSON.stringify(queue.body)).not.toContain('Roos');
    const transcript = await call(server, as('anna'), 'GET', `/api/codings/${chat.id}/transcript`);
    expect(transcript.status).toBe(200);
    expect(transcript.body.messages.map((m: { body: string }) => m.body)).toEqual(['hallo, ik wil iets vragen']);
    // Another counsellor may not code it, so she may not read it here either.
    expect((await call(server, as('bert'), 'GET', `/api/codings/${chat.id}/transcript`)).status).toBe(403);
    expect((await call(server, as('res'), 'GET', `/api/codings/${chat.id}/transcript`)).status).toBe(403);
    const views = await server.app.ctx.repos.audit.list({ action: 'transcript.view', targetId: chat.id });
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ staff_id: as('anna').id, target_type: 'conversation' });
    expect(JSON.parse(views[0]!.detail!)).toEqual({ purpose: 'coding', mode: 'primary' });
  });

  it('pre-fills the form from pre-chat answers, triage and the chat language, and lists the chat to code', async () => {
    const chat = await endedChat(as('anna').id);
    const queue = await call(server, as('anna'), 'GET', '/api/codings/queue');
    expect(queue.body.awaiting).toContainEqual(expect.objectContaining({ conversationId: chat.id, kind: 'primary' }));
    const form = await call(server, as('anna'), 'GET', `/api/codings/${chat.id}/form`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({
      mode: 'primary',
      saved: false,
      values: { contactType: 'victim', acuteUnsafety: true, traffickingQuestion: 'doubt', language: 'nl' },
      sources: { contactType: 'pre_chat', acuteUnsafety: 'pre_chat', traffickingQuestion: 'triage', language: 'conversation' },
      ageBandHint: '12_15',
      toConfirm: [],
    });
    expect(form.body.codebook.version).toBe(defaultCodebook.version);
  });

  it('refuses an invalid coding with an error per field, saves a valid one (closing the chat) and keeps history', async () => {
    const chat = await endedChat(as('anna').id);
    const bad = await call(server, as('anna'), 'PUT', `/api/codings/${chat.id}`, { values: { contactType: 'victim', traffickingQuestion: 'no', age: 130, clientsMentioned: true } });
    expect(bad.status).toBe(422);
    const codes = Object.fromEntries(bad.body.fieldErrors.map((e: { fieldId: string; code: string }) => [e.fieldId, e.code]));
    expect(codes).toMatchObject({ age: 'out_of_range', clientsMentioned: 'hidden_by_condition', gender: 'required' });
    expect((await server.app.ctx.repos.conversations.findById(chat.id))?.status).toBe('ended');

    const ok = await call(server, as('anna'), 'PUT', `/api/codings/${chat.id}`, { values: validValues });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ saved: true, status: 'closed' });
    expect((await server.app.ctx.repos.conversations.findById(chat.id))?.status).toBe('closed');
    expect((await call(server, as('anna'), 'GET', '/api/codings/queue')).body.awaiting.map((a: { conversationId: string }) => a.conversationId)).not.toContain(chat.id);

    const edit = await call(server, as('anna'), 'PUT', `/api/codings/${chat.id}`, { values: { ...validValues, age: 15 } });
    expect(edit.body.changedFields).toEqual(['age']);
    const form = await call(server, as('anna'), 'GET', `/api/codings/${chat.id}/form`);
    expect(form.body).toMatchObject({ saved: true, values: { age: 15 }, sources: {} });
    expect(form.body.history.map((h: { kind: string }) => h.kind)).toEqual(['create', 'update']);
    expect(form.body.history[1].changes).toEqual({ age: [14, 15] });
    const audit = await server.app.ctx.repos.audit.list({ targetId: chat.id });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['coding.create', 'coding.update', 'coding.view']));
    // The audit says which fields changed, never the codes themselves.
    expect(audit.find((a) => a.action === 'coding.update')?.detail).toBe(JSON.stringify({ fields: ['age'] }));
  });

  it('carries a returning visitor’s answers forward, to be confirmed before saving', async () => {
    const key = `vk-${crypto.randomUUID()}`;
    const first = await endedChat(as('anna').id, { visitorKey: key });
    expect((await call(server, as('anna'), 'PUT', `/api/codings/${first.id}`, { values: { ...validValues, gender: 'non_binary' } })).status).toBe(200);
    const again = await endedChat(as('anna').id, { visitorKey: key, preChat: {} });
    const form = await call(server, as('anna'), 'GET', `/api/codings/${again.id}/form`);
    expect(form.body.values).toMatchObject({ age: 14, ageBasis: 'stated', gender: 'non_binary', language: 'nl' });
    expect(form.body.toConfirm).toEqual(expect.arrayContaining(['age', 'gender', 'language']));
    expect(form.body.sources.gender).toBe('carried');
    const unconfirmed = await call(server, as('anna'), 'PUT', `/api/codings/${again.id}`, { values: { ...validValues, gender: 'non_binary' } });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body.fieldErrors).toContainEqual(expect.objectContaining({ fieldId: 'gender', code: 'confirm_carried' }));
    const confirmed = await call(server, as('anna'), 'PUT', `/api/codings/${again.id}`, { values: { ...validValues, gender: 'non_binary' }, confirmedFields: form.body.toConfirm });
    expect(confirmed.status).toBe(200);
  });

  it('lets only the right roles code, assign samples, read and import reports', async () => {
    const chat = await endedChat(as('anna').id);
    expect((await call(server, as('bert'), 'GET', `/api/codings/${chat.id}/form`)).status).toBe(403);
    expect((await call(server, as('res'), 'GET', `/api/codings/${chat.id}/form`)).status).toBe(403);
    expect((await call(server, as('admin'), 'PUT', `/api/codings/${chat.id}`, { values: validValues })).status).toBe(403);
    expect((await call(server, as('sup'), 'GET', `/api/codings/${chat.id}/form`)).status).toBe(200);
    expect((await call(server, null, 'GET', '/api/codings/queue')).status).toBe(401);
    expect((await call(server, as('anna'), 'GET', '/api/reports/monitor?year=2022')).status).toBe(403);
    expect((await call(server, as('anna'), 'POST', '/api/codings/sample', { coderId: as('bert').id, size: 1 })).status).toBe(403);
    expect((await call(server, as('res'), 'GET', '/api/codings/agreement')).status).toBe(403);
    expect((await call(server, as('res'), 'POST', '/api/reports/coded-data', { format: 'csv', content: 'x' })).status).toBe(403);
    expect((await call(server, as('res'), 'GET', '/api/reports/years')).status).toBe(200);
    // CSRF: a state change without the token is refused.
    const noCsrf = await fetch(`${server.url}/api/codings/${chat.id}`, { method: 'PUT', headers: { cookie: as('anna').cookie, 'content-type': 'application/json' }, body: JSON.stringify({ values: validValues }) });
    expect(noCsrf.status).toBe(403);
  });

  it('assigns a double-coding sample and reports agreement per field', async () => {
    const chat = await endedChat(as('anna').id);
    expect((await call(server, as('anna'), 'PUT', `/api/codings/${chat.id}`, { values: validValues })).status).toBe(200);
    const assigned = await call(server, as('sup'), 'POST', '/api/codings/sample', { coderId: as('bert').id, size: 50 });
    expect(assigned.status).toBe(201);
    expect(assigned.body.assigned).toBeGreaterThanOrEqual(1);
    const queue = await call(server, as('bert'), 'GET', '/api/codings/queue');
    const item = queue.body.awaiting.find((a: { kind: string }) => a.kind === 'second');
    const form = await call(server, as('bert'), 'GET', `/api/codings/${item.conversationId}/form`);
    expect(form.body).toMatchObject({ mode: 'second', saved: false, history: [] });
    expect((await call(server, as('bert'), 'PUT', `/api/codings/${item.conversationId}`, { values: { ...validValues, age: 13 } })).status).toBe(200);
    const agreement = await call(server, as('sup'), 'GET', '/api/codings/agreement');
    expect(agreement.body.coded).toBe(1);
    const contact = agreement.body.agreement.find((a: { fieldId: string }) => a.fieldId === 'contactType');
    expect(contact).toMatchObject({ n: 1, observed: 1 });
    expect(agreement.body.coders.map((c: { id: string }) => c.id)).toContain(as('bert').id);
  });

  it('imports coded history, reports 2022, and an exported CSV gives identical numbers with the CLI computation', async () => {
    const csv = exportCodedConversationsCsv(defaultCodebook, buildHeadlineFixture());
    const dry = await call(server, as('admin'), 'POST', '/api/reports/coded-data', { format: 'csv', content: csv, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ inserted: 0, issueCount: 0 });
    const imported = await call(server, as('admin'), 'POST', '/api/reports/coded-data', { format: 'csv', content: csv });
    expect(imported.status).toBe(201);
    expect(imported.body.inserted).toBe(buildHeadlineFixture().length);

    const report = await call(server, as('res'), 'GET', '/api/reports/monitor?year=2022');
    expect(report.status).toBe(200);
    const funnel = report.body.tables.find((t: { id: string }) => t.id === 'funnel');
    const count = (row: string) => funnel.cells[funnel.rows.findIndex((r: { key: string }) => r.key === row)][0].count;
    expect(count('trafficking_question')).toBe(229);
    expect(count('victims')).toBe(199);

    const exported = await call(server, as('res'), 'GET', '/api/reports/coded-data?format=csv');
    expect(exported.headers.get('content-disposition')).toMatch(/attachment/);
    const again = importCodedConversationsCsv(defaultCodebook, exported.body as string);
    expect(again.issues).toEqual([]);
    const cli = computeMonitor(again.conversations, { codebook: defaultCodebook, year: 2022 });
    const { agreement: _a, ...fromServer } = report.body;
    const { agreement: _b, ...fromCli } = JSON.parse(JSON.stringify(cli));
    expect(fromServer).toEqual(fromCli);

    const pooled = await call(server, as('res'), 'GET', '/api/reports/monitor?year=2022&from=2019&to=2022');
    expect(pooled.body.pooled[0].range).toEqual({ from: 2019, to: 2022 });
    const reportCsv = await call(server, as('res'), 'GET', '/api/reports/monitor.csv?year=2022&lang=en');
    expect(reportCsv.body).toMatch(/^period,table_id/);
    const html = await call(server, as('res'), 'GET', '/api/reports/monitor.html?year=2022');
    expect(html.body).toContain('<html');
    const actions = (await server.app.ctx.repos.audit.list({ staffId: as('res').id })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['report.view', 'report.export', 'coded_data.export']));
  });

  it('reports import errors per row and column and stores nothing', async () => {
    const before = await server.app.ctx.repos.codings.count();
    const csv = 'conversation_id,visitor_key,closed_at,codebook_version,contactType,language\nimp-1,,2022-03-01T12:00:00.000Z,1.0.0,silent,nl\nimp-2,,yesterday,1.0.0,martian,nl\n';
    const res = await call(server, as('admin'), 'POST', '/api/reports/coded-data', { format: 'csv', content: csv });
    expect(res.status).toBe(422);
    expect(res.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ row: 3, column: 'closed_at' }), expect.objectContaining({ row: 3, column: 'contactType' })]));
    expect(res.body.inserted).toBe(0);
    expect(await server.app.ctx.repos.codings.count()).toBe(before);
    const json = await call(server, as('admin'), 'POST', '/api/reports/coded-data', { format: 'json', content: '{"format":"nope"}' });
    expect(json.status).toBe(422);
    expect(json.body.issues[0].row).toBe(0);
  });

  it('produces a PDF with Chromium, and says so with a 503 when Chromium is missing', async () => {
    const pdf = await call(server, as('res'), 'GET', '/api/reports/monitor.pdf?year=2022');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Every page says which page it is, of how many, in the report's language.
    const pages = await pdfPageTexts(pdf.raw);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => expect(text).toContain(`Pagina ${i + 1} van ${pages.length}`));
    const english = await pdfPageTexts((await call(server, as('res'), 'GET', '/api/reports/monitor.pdf?year=2022&lang=en')).raw);
    expect(english[0]).toContain(`Page 1 of ${english.length}`);
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const missing = await call(server, as('res'), 'GET', '/api/reports/monitor.pdf?year=2022');
      expect(missing.status).toBe(503);
      expect(missing.body.error.message).toMatch(/Chromium/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
