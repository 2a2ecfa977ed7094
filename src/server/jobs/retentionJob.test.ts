import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { acceptedChat, sendAs, unwrap } from '../testing/chatScenario.js';
import { request } from '../testing/testServer.js';
import { runRetention } from './retentionJob.js';
import { Scheduler } from './scheduler.js';

const day = 86_400_000;

describe.each(['sqlite', 'postgres'] as const)('retention on %s', (dialect) => {
  let server: TestServer;
  let now = Date.UTC(2026, 0, 10);
  const clock = { now: () => now };
  beforeEach(async () => {
    now = Date.UTC(2026, 0, 10);
    server = await startTestServer({ dialect, clock });
  });
  afterEach(async () => {
    await server.close();
  });

  it('deletes a transcript and its key after the retention period, keeping the conversation row', async () => {
    const { visitor, conversationId } = await acceptedChat(server);
    unwrap(await sendAs(visitor, { clientId: 'retain-00001', body: 'iets persoonlijks' }));
    unwrap(await request(visitor, 'chat:end', { reason: 'visitor' }));
    const ctx = server.app.ctx;

    now += 29 * day;
    expect(await runRetention(ctx)).toEqual({ conversations: 0, messages: 0 });
    expect(await ctx.repos.messages.listAfter(conversationId, 0)).toHaveLength(1);
    expect((await ctx.repos.conversations.findById(conversationId))?.nickname).toBe('Roos');

    now += 2 * day;
    expect(await runRetention(ctx)).toEqual({ conversations: 1, messages: 1 });
    expect(await ctx.repos.messages.listAfter(conversationId, 0)).toEqual([]);
    const row = await ctx.repos.store.db.selectFrom('conversations').selectAll().where('id', '=', conversationId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ wrapped_key: '', purged_at: now, visitor_details: null, nickname: null, pre_chat: null, triage: null });
    expect((await ctx.repos.conversations.findById(conversationId))?.nickname).toBeNull();
    expect((await ctx.repos.audit.list({ action: 'retention.purge' }))).toHaveLength(1);
  });

  it('follows the administrator’s retention setting and leaves open chats alone', async () => {
    const ctx = server.app.ctx;
    await ctx.repos.settings.update({ retentionDays: 7 }, null, now);
    const open = await acceptedChat(server);
    unwrap(await sendAs(open.visitor, { clientId: 'still-open-01', body: 'ik ben er nog' }));
    const ended = await acceptedChat(server);
    unwrap(await request(ended.visitor, 'chat:end', { reason: 'visitor' }));
    now += 8 * day;
    expect((await runRetention(ctx)).conversations).toBe(1);
    expect(await ctx.repos.messages.listAfter(open.conversationId, 0)).toHaveLength(1);
  });

  it('deletes counsellor status changes older than 400 days, keeping recent ones and each counsellor’s last old one', async () => {
    const ctx = server.app.ctx;
    const rows = [
      { staff_id: 'sanne', at: now - 500 * day, status: 'available' },
      { staff_id: 'sanne', at: now - 450 * day, status: 'offline' },
      { staff_id: 'sanne', at: now - 10 * day, status: 'available' },
      { staff_id: 'mo', at: now - 600 * day, status: 'break' },
      { staff_id: 'mo', at: now - 401 * day, status: 'available' },
      { staff_id: 'mo', at: now - 399 * day, status: 'offline' },
    ];
    await ctx.repos.store.db.insertInto('counsellor_status_changes').values(rows).execute();
    await runRetention(ctx);
    const left = await ctx.repos.store.db.selectFrom('counsellor_status_changes').select(['staff_id', 'at']).orderBy('staff_id').orderBy('at').execute();
    // Each counsellor's last change before the cutoff stays: it says her status as a 400-day range begins.
    expect(left.map((r) => [r.staff_id, (now - Number(r.at)) / day])).toEqual([['mo', 401], ['mo', 399], ['sanne', 450], ['sanne', 10]]);
    // The service figures over the full range still see Mo on duty from its start.
    const changes = await ctx.repos.figures.statusChangesBetween(now - 400 * day, now);
    expect(changes.filter((c) => c.staffId === 'mo').map((c) => c.status)).toEqual(['available', 'offline']);
  });

  it('follows STATUS_HISTORY_DAYS for the status history', async () => {
    const short = await startTestServer({ dialect, clock, env: { STATUS_HISTORY_DAYS: '30' } });
    try {
      const db = short.app.ctx.repos.store.db;
      await db.insertInto('counsellor_status_changes').values([
        { staff_id: 'sanne', at: now - 40 * day, status: 'available' },
        { staff_id: 'sanne', at: now - 35 * day, status: 'offline' },
        { staff_id: 'sanne', at: now - 20 * day, status: 'available' },
      ]).execute();
      await runRetention(short.app.ctx);
      const left = await db.selectFrom('counsellor_status_changes').select('at').orderBy('at').execute();
      expect(left.map((r) => (now - Number(r.at)) / day)).toEqual([35, 20]);
    } finally {
      await short.close();
    }
  });

  it('runs a job once when two nodes’ schedulers tick together', async () => {
    const ctx = server.app.ctx;
    let runs = 0;
    const job = { name: 'test-job', everyMs: 60_000, run: async () => void runs++ };
    const [a, b] = await Promise.all([new Scheduler(ctx).runOnce(job), new Scheduler(ctx).runOnce(job)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
  });
});
