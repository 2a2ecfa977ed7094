// The anonymous mailbox over real HTTP on both dialects: she leaves a letter when the chat is
// closed, a counsellor answers from the mailbox, she reads the answer only with her code.
// Encryption at rest, retention, deletion with her code, the audit entry and the limits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { callApi as call, type StaffCredentials } from '../../testing/httpCalls.js';
import { signedInCounsellor, startVisitorChat, unwrap } from '../../testing/chatScenario.js';
import { request } from '../../testing/testServer.js';
import { runRetention } from '../../jobs/retentionJob.js';
import type { Ack } from '../../../protocol/ack.js';

const day = 86_400_000;
const letterText = 'Ik durf niet te wachten. Mijn baas neemt mijn geld af.';

describe.each(['sqlite', 'postgres'] as const)('anonymous mailbox on %s', (dialect) => {
  let server: TestServer;
  let now = Date.UTC(2026, 2, 2, 22);
  const clock = { now: () => now };
  beforeEach(async () => {
    now = Date.UTC(2026, 2, 2, 22);
    server = await startTestServer({ dialect, clock });
    await server.app.ctx.repos.settings.update({ availability: 'closed', mailboxAnswerDays: 3 }, null, now);
  });
  afterEach(async () => {
    await server.close();
  });

  const leave = (body: unknown, headers: Record<string, string> = {}) => call(server, null, 'POST', '/api/visitor/mailbox/letters', body, headers);
  const read = (returnCode: string) => call(server, null, 'POST', '/api/visitor/mailbox/read', { returnCode });
  async function counsellor(name = 'Anna'): Promise<StaffCredentials & { id: string }> {
    const c = await signedInCounsellor(server, { displayName: name });
    c.socket.disconnect();
    return { cookie: c.cookie, csrfToken: c.csrfToken, id: c.account.id };
  }

  it('takes a letter while closed, a counsellor claims and answers it, and she reads the answer with her code', async () => {
    const left = await leave({ text: letterText, language: 'nl' });
    expect(left.status).toBe(201);
    expect(left.body).toEqual({ returnCode: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/), answerWithinDays: 3 });
    const code: string = left.body.returnCode;

    const before = await read(code);
    expect(before.body).toEqual({ letters: [{ id: expect.any(String), sentAt: now, text: letterText, answer: null }], answerWithinDays: 3 });

    const anna = await counsellor();
    const list = await call(server, anna, 'GET', '/api/mailbox');
    expect(list.body.letters).toEqual([{ id: expect.any(String), status: 'letter_open', language: 'nl', createdAt: now, claimedBy: null, claimedByMe: false }]);
    expect(JSON.stringify(list.body)).not.toContain('baas'); // the list shows no content: opening is what is audited
    const id: string = list.body.letters[0].id;

    expect((await call(server, anna, 'POST', `/api/mailbox/${id}/claim`)).status).toBe(200);
    const opened = await call(server, anna, 'GET', `/api/mailbox/${id}`);
    expect(opened.body.letter).toMatchObject({ status: 'letter_claimed', claimedBy: 'Anna', claimedByMe: true, messages: [{ sender: 'visitor', body: letterText }] });

    now += 60_000;
    expect((await call(server, anna, 'POST', `/api/mailbox/${id}/reply`, { text: 'Wat goed dat je schrijft. Je geld is van jou.' })).status).toBe(200);
    expect((await call(server, anna, 'GET', '/api/mailbox')).body.letters).toEqual([]);

    const after = await read(code.toLowerCase());
    expect(after.body.letters[0].answer).toEqual({ text: 'Wat goed dat je schrijft. Je geld is van jou.', at: now, by: 'Anna' });

    // Coded like a chat: the answered letter waits in her coding list, marked as mail.
    const coding = await call(server, anna, 'GET', `/api/codings/${id}/form`);
    expect(coding.status).toBe(200);
    expect(coding.body.values).toMatchObject({ channel: 'mail', language: 'nl' });
    expect(coding.body.sources).toMatchObject({ channel: 'conversation' });
  });

  it('audits a staff member opening a letter as a transcript access, with no content', async () => {
    unwrap200(await leave({ text: letterText, language: 'nl' }));
    const anna = await counsellor();
    const [letter] = (await call(server, anna, 'GET', '/api/mailbox')).body.letters;
    await call(server, anna, 'GET', `/api/mailbox/${letter.id}`);
    const entries = await server.app.ctx.repos.audit.list({ action: 'transcript.view', targetId: letter.id });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ staff_id: anna.id, target_type: 'conversation' });
    expect(JSON.stringify(entries)).not.toContain('baas');
  });

  it('stores her letter and the answer encrypted: the raw rows do not hold the text', async () => {
    const { returnCode } = unwrap200(await leave({ text: letterText, language: 'nl' }));
    const anna = await counsellor();
    const [letter] = (await call(server, anna, 'GET', '/api/mailbox')).body.letters;
    await call(server, anna, 'POST', `/api/mailbox/${letter.id}/claim`);
    await call(server, anna, 'POST', `/api/mailbox/${letter.id}/reply`, { text: 'Geheim antwoord voor jou' });
    const db = server.app.ctx.repos.store.db;
    const rows = await db.selectFrom('messages').selectAll().where('conversation_id', '=', letter.id).execute();
    expect(rows).toHaveLength(2);
    const conversation = await db.selectFrom('conversations').selectAll().where('id', '=', letter.id).executeTakeFirstOrThrow();
    const raw = JSON.stringify({ rows, conversation });
    for (const clear of ['baas', 'Geheim', 'antwoord', returnCode]) expect(raw).not.toContain(clear);
    expect(conversation).toMatchObject({ channel: 'mail', status: 'ended' });
  });

  it('gives a wrong code exactly the answer an unknown code gets, and shows another visitor none of her letters', async () => {
    const mine = unwrap200(await leave({ text: letterText, language: 'nl' }));
    const theirs = unwrap200(await leave({ text: 'Een heel andere brief', language: 'en' }));
    const wrong = mine.returnCode.slice(0, -1) + (mine.returnCode.endsWith('A') ? 'B' : 'A');
    const [a, b] = [await read(wrong), await read('ZZZZ-ZZZZ')];
    expect([a.status, b.status]).toEqual([404, 404]);
    expect(a.body).toEqual(b.body);
    const other = await read(theirs.returnCode);
    expect(other.body.letters.map((l: { text: string }) => l.text)).toEqual(['Een heel andere brief']);
  });

  it('adds a letter to her existing return code, and gives no new one', async () => {
    await server.app.ctx.repos.settings.update({ availability: 'open' }, null, now);
    const chat = await startVisitorChat(server);
    const { code } = unwrap(await request<Ack<{ code: string }>>(chat.visitor, 'returnCode:create'));
    chat.visitor.disconnect();
    const left = await leave({ text: letterText, language: 'nl', returnCode: code });
    expect(left.body).toEqual({ returnCode: null, answerWithinDays: 3 });
    expect((await read(code)).body.letters).toHaveLength(1);
    expect((await leave({ text: letterText, language: 'nl', returnCode: 'ZZZZ-ZZZZ' })).status).toBe(404);
  });

  it('lets only the counsellor who claimed a letter answer it, and a colleague not open it', async () => {
    unwrap200(await leave({ text: letterText, language: 'nl' }));
    const anna = await counsellor('Anna');
    const bert = await counsellor('Bert');
    const [letter] = (await call(server, anna, 'GET', '/api/mailbox')).body.letters;
    await call(server, anna, 'POST', `/api/mailbox/${letter.id}/claim`);
    expect((await call(server, bert, 'POST', `/api/mailbox/${letter.id}/claim`)).status).toBe(409);
    expect((await call(server, bert, 'GET', `/api/mailbox/${letter.id}`)).status).toBe(403);
    expect((await call(server, bert, 'POST', `/api/mailbox/${letter.id}/reply`, { text: 'Ik neem het over' })).status).toBe(403);
    expect((await call(server, bert, 'GET', '/api/mailbox')).body.letters[0]).toMatchObject({ claimedBy: 'Anna', claimedByMe: false });
    // Without the CSRF header a state change is refused.
    expect((await call(server, { cookie: anna.cookie, csrfToken: '' }, 'POST', `/api/mailbox/${letter.id}/reply`, { text: 'x' })).status).toBe(403);
    expect((await call(server, null, 'GET', '/api/mailbox')).status).toBe(401);
    // A supervisor may read it (and the audit log says so), as she may join any chat.
    const supervisor = await server.createStaff('supervisor');
    const sup = await server.login(supervisor.username, supervisor.password);
    expect((await call(server, sup, 'GET', `/api/mailbox/${letter.id}`)).status).toBe(200);
    expect(await server.app.ctx.repos.audit.list({ action: 'transcript.view', staffId: supervisor.id })).toHaveLength(1);
    await call(server, anna, 'POST', `/api/mailbox/${letter.id}/release`);
    expect((await call(server, bert, 'POST', `/api/mailbox/${letter.id}/claim`)).status).toBe(200);
  });

  it('takes no letter from an address that is blocked for a while', async () => {
    server.app.ctx.addressBlocks.block('127.0.0.1', now + 60_000);
    const refused = await leave({ text: letterText, language: 'nl' });
    expect(refused.status).toBe(403);
    expect(await server.app.ctx.repos.mailbox.listUnanswered()).toEqual([]);
    now += 120_000;
    expect((await leave({ text: letterText, language: 'nl' })).status).toBe(201);
  });

  it('deletes her letters and answers with her code', async () => {
    const { returnCode } = unwrap200(await leave({ text: letterText, language: 'nl' }));
    const deleted = await call(server, null, 'POST', '/api/visitor/history/delete', { returnCode });
    expect(deleted.status).toBe(200);
    expect((await read(returnCode)).status).toBe(404);
    const anna = await counsellor();
    expect((await call(server, anna, 'GET', '/api/mailbox')).body.letters).toEqual([]);
    expect(await server.app.ctx.repos.store.db.selectFrom('messages').selectAll().execute()).toEqual([]);
  });

  it('deletes answered and unanswered letters after the retention period', async () => {
    await server.app.ctx.repos.settings.update({ retentionDays: 7 }, null, now);
    const answered = unwrap200(await leave({ text: letterText, language: 'nl' }));
    unwrap200(await leave({ text: 'Nooit beantwoord', language: 'nl' }));
    const anna = await counsellor();
    const letters = (await call(server, anna, 'GET', '/api/mailbox')).body.letters;
    await call(server, anna, 'POST', `/api/mailbox/${letters[0].id}/claim`);
    await call(server, anna, 'POST', `/api/mailbox/${letters[0].id}/reply`, { text: 'Een antwoord' });
    now += 6 * day;
    expect(await runRetention(server.app.ctx)).toEqual({ conversations: 0, messages: 0 });
    now += 2 * day;
    expect(await runRetention(server.app.ctx)).toEqual({ conversations: 2, messages: 3 });
    expect((await read(answered.returnCode)).body.letters).toEqual([]);
    expect(await server.app.ctx.repos.mailbox.listUnanswered()).toEqual([]);
    expect(await server.app.ctx.repos.store.db.selectFrom('messages').selectAll().execute()).toEqual([]);
  });

  it('refuses an empty or too long letter, and rate-limits letters and code guessing per address', async () => {
    expect((await leave({ text: '   ', language: 'nl' })).status).toBe(400);
    expect((await leave({ text: 'x'.repeat(4001), language: 'nl' })).status).toBe(400);
    expect((await leave({ text: letterText, language: 'xx' })).status).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await leave({ text: `${letterText} ${i}` , language: 'nl' })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const guesses: number[] = [];
    for (let i = 0; i < 11; i++) guesses.push((await read(`ZZZZ-ZZ${'23456789AB'[i % 10]}${i % 2 ? 'Z' : 'Y'}`)).status);
    expect(guesses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(guesses[10]).toBe(429);
  });
});

function unwrap200(answer: { status: number; body: { returnCode: string } }): { returnCode: string } {
  expect(answer.status).toBe(201);
  return answer.body;
}
