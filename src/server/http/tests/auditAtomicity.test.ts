// A change that is audited is stored with its audit entry or not at all. The audit table is made
// to refuse every insert (a trigger), then each audited change is tried: it must fail and leave
// no trace of the change. Before, `POST /api/staff` wrote the account and then failed on the
// audit entry, leaving an account nobody could see being made.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { callApi, type StaffCredentials } from '../../testing/httpCalls.js';
import { acceptedChat, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';

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

describe.each(['sqlite', 'postgres'] as const)('audited changes are all or nothing (%s)', (dialect) => {
  let server: TestServer;
  let admin: StaffCredentials & { id: string };
  beforeEach(async () => {
    server = await startTestServer({ dialect });
    const account = await server.createStaff('admin');
    admin = { id: account.id, ...(await server.login(account.username, account.password)) };
  });
  afterEach(async () => {
    await server.close();
  });

  /** From now on every audit entry is refused by the database. */
  async function breakAudit() {
    const db = server.app.ctx.repos.store.db;
    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END`.execute(db);
    } else {
      await sql`CREATE FUNCTION audit_down() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit down'; END $$ LANGUAGE plpgsql`.execute(db);
      await sql`CREATE TRIGGER audit_down BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_down()`.execute(db);
    }
  }
  const auditCount = async () => (await server.app.ctx.repos.audit.list({ limit: 1000 })).length;

  it('leaves no staff account, setting, availability or ended session behind when the audit entry fails', async () => {
    const target = await server.createStaff('counsellor');
    const targetLogin = await server.login(target.username, target.password);
    const repos = server.app.ctx.repos;
    const staffBefore = await repos.staff.count();
    const settingsBefore = await repos.settings.get();
    const entries = await auditCount();
    await breakAudit();

    const created = await callApi(server, admin, 'POST', '/api/staff', { username: 'intruder', displayName: 'Intruder', password: 'a long enough passphrase for this', role: 'supervisor', maxChats: 3 });
    expect(created.status).toBe(500);
    expect(await repos.staff.count()).toBe(staffBefore);
    expect(await repos.staff.findByUsername('intruder')).toBeUndefined();

    const disabled = await callApi(server, admin, 'PATCH', `/api/staff/${target.id}`, { disabled: true });
    expect(disabled.status).toBe(500);
    expect((await repos.staff.findById(target.id))?.disabled).toBe(false);
    expect((await callApi(server, targetLogin, 'GET', '/api/auth/me')).status).toBe(200);

    expect((await callApi(server, admin, 'PUT', '/api/settings', { retentionDays: settingsBefore.retentionDays + 7 })).status).toBe(500);
    expect((await repos.settings.get()).retentionDays).toBe(settingsBefore.retentionDays);

    expect((await callApi(server, admin, 'DELETE', `/api/staff/${target.id}/sessions`)).status).toBe(500);
    expect((await callApi(server, targetLogin, 'GET', '/api/auth/me')).status).toBe(200);

    expect(await auditCount()).toBe(entries);
  });

  it('keeps the chat as it was when the audit entry of a warning, a priority, a block or a coding fails', async () => {
    const chat = await acceptedChat(server);
    const supervisor = await server.createStaff('supervisor');
    const supLogin = await server.login(supervisor.username, supervisor.password);
    const sup = server.staff(supLogin.cookie);
    await connected(sup);
    const repos = server.app.ctx.repos;
    await breakAudit();

    const warned = await request<Ack<unknown>>(chat.counsellor.socket, 'conversation:warn', { conversationId: chat.conversationId, reason: 'abuse' });
    expect(warned.ok).toBe(false);
    expect(await repos.messages.listAfter(chat.conversationId, 0)).toEqual([]);

    const raised = await request<Ack<unknown>>(sup, 'conversation:setPriority', { conversationId: chat.conversationId, priority: 'critical' });
    expect(raised.ok).toBe(false);
    expect((await repos.conversations.findById(chat.conversationId))?.priority).toBe('normal');
    expect((await repos.conversations.findById(chat.conversationId))?.prioritySetBy).toBeNull();

    const blocked = await callApi(server, chat.counsellor, 'POST', '/api/blocks', { conversationId: chat.conversationId, hours: 2, reason: 'abuse' });
    expect(blocked.status).toBe(500);
    expect(await server.app.ctx.app.visitorBlocks.blockedUntil({ token: chat.token })).toBeNull();

    unwrap(await request(chat.counsellor.socket, 'conversation:end', { conversationId: chat.conversationId }));
    const coded = await callApi(server, chat.counsellor, 'PUT', `/api/codings/${chat.conversationId}`, { values: validValues });
    expect(coded.status).toBe(500);
    expect(await repos.codings.get(chat.conversationId)).toBeUndefined();
    expect((await repos.conversations.findById(chat.conversationId))?.status).toBe('ended');
  });
});
