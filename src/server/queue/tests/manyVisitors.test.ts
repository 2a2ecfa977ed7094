// Many visitors and counsellors on real sockets, with automatic offers, random accepts,
// declines and endings. After every round the database must show: no chat held by two
// counsellors, nobody over capacity, and in the end everyone served.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connected, request, startTestServer, type TestServer, type VisitorSocket } from '../../testing/testServer.js';
import { signedInCounsellor, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';
import type { VisitorChatSnapshot } from '../../../protocol/visitorProtocol.js';

describe.each(['sqlite', 'postgres'] as const)('many visitors, few counsellors on %s', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ dialect, routingMode: 'automatic' });
  });
  afterEach(async () => {
    await server.close();
  });

  it('keeps every chat with at most one counsellor and nobody over capacity, and serves everyone', async () => {
    const rng = fc.sample(fc.integer({ min: 0, max: 1_000_000 }), { seed: 4242, numRuns: 400 });
    let r = 0;
    const random = (n: number) => rng[r++ % rng.length]! % n;
    const counsellors = await Promise.all([1, 2, 3, 2].map((maxChats, i) => signedInCounsellor(server, { maxChats, displayName: `C${i}` })));
    const visitors: { socket: VisitorSocket; id: string }[] = [];
    for (let i = 0; i < 24; i++) {
      const socket = server.visitor();
      await connected(socket);
      const preChat = random(4) === 0 ? { inDangerNow: 'yes' } : undefined;
      const started = unwrap(await request<Ack<VisitorChatSnapshot & { token: string }>>(socket, 'chat:start', { language: 'nl', ...(preChat ? { preChat } : {}) }));
      visitors.push({ socket, id: started.conversation.id });
    }
    const db = server.app.ctx.repos.store.db;
    const served = new Set<string>();
    for (let round = 0; round < 60 && served.size < visitors.length; round++) {
      const rows = await db.selectFrom('conversations').select(['id', 'status', 'counsellor_id']).execute();
      // Invariants, straight from the database.
      for (const c of counsellors) {
        const held = rows.filter((row) => row.counsellor_id === c.account.id && (row.status === 'active' || row.status === 'offered'));
        expect(held.length).toBeLessThanOrEqual([1, 2, 3, 2][counsellors.indexOf(c)]!);
      }
      for (const row of rows) if (row.status === 'active' || row.status === 'offered') expect(row.counsellor_id).not.toBeNull();
      // Each counsellor does something: accept an offer, sometimes decline, or end an active chat.
      await Promise.all(
        counsellors.map(async (c) => {
          const mine = rows.filter((row) => row.counsellor_id === c.account.id);
          const offer = mine.find((row) => row.status === 'offered');
          const active = mine.filter((row) => row.status === 'active');
          if (offer && random(5) > 0) {
            const ack = await request<Ack<unknown>>(c.socket, 'conversation:accept', { conversationId: offer.id });
            if (ack.ok) served.add(offer.id);
          } else if (offer) {
            await request(c.socket, 'conversation:decline', { conversationId: offer.id });
          } else if (active.length > 0) {
            await request(c.socket, 'conversation:end', { conversationId: active[random(active.length)]!.id });
          }
        }),
      );
      // A counsellor put on a break after declining comes back.
      for (const c of counsellors) await request(c.socket, 'status:set', { status: 'available' });
    }
    expect(served.size).toBe(visitors.length);
    const events = await db.selectFrom('conversation_events').select(['conversation_id', 'type']).where('type', '=', 'accept').execute();
    const acceptsPerChat = new Map<string, number>();
    for (const e of events) acceptsPerChat.set(e.conversation_id, (acceptsPerChat.get(e.conversation_id) ?? 0) + 1);
    expect([...acceptsPerChat.values()].every((n) => n === 1)).toBe(true);
  });
});
