// The same storage behaviour on both dialects: this suite is the contract.
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './database.js';
import { isReady } from './database.js';
import { createRepositories, type Repositories } from './repositories.js';
import { testStoreFactories } from './testing/testStores.js';
import { transition } from '../domain/conversation/conversationLifecycle.js';
import { keyringFrom } from './encryption/envelope.js';

const id = () => crypto.randomUUID();

describe.each(testStoreFactories())('store contract on $name', (factory) => {
  let store: Store;
  let repos: Repositories;
  beforeEach(async () => {
    store = await factory.open();
    repos = createRepositories(store, keyringFrom([crypto.randomBytes(32)]));
  });
  afterEach(async () => {
    await store.close();
  });

  async function newConversation() {
    return repos.conversations.create({
      id: id(),
      tokenHash: id(),
      nickname: 'Sam',
      language: 'nl',
      preChat: { ageBand: '12-15' },
      now: 1_700_000_000_000,
    });
  }

  it('reports ready once migrated', async () => {
    expect(await isReady(store)).toBe(true);
  });

  it('stores a conversation and reads it back with times as numbers', async () => {
    const c = await newConversation();
    const back = await repos.conversations.findById(c.id);
    expect(back).toMatchObject({ status: 'waiting', nickname: 'Sam', preChat: { ageBand: '12-15' }, lastSeq: 0 });
    expect(back?.createdAt).toBe(1_700_000_000_000);
  });

  it('numbers messages 1, 2, 3 and stores a resent client id once', async () => {
    const c = await newConversation();
    const send = (clientId: string, body: string) =>
      repos.messages.append({
        id: id(),
        conversationId: c.id,
        clientId,
        sender: 'visitor',
        senderStaffId: null,
        senderName: null,
        body,
        now: 1,
      });
    const a = await send('client-aaaa', 'hallo');
    const b = await send('client-bbbb', 'ben je daar?');
    const again = await send('client-aaaa', 'hallo');
    expect([a.message.seq, b.message.seq]).toEqual([1, 2]);
    expect(again.duplicate).toBe(true);
    expect(again.message.id).toBe(a.message.id);
    const c3 = await send('client-cccc', 'ok');
    expect(c3.message.seq).toBe(3);
    expect((await repos.messages.listAfter(c.id, 1)).map((m) => m.body)).toEqual(['ben je daar?', 'ok']);
  });

  it('gives distinct sequence numbers to concurrent writers and never duplicates a resend', async () => {
    const c = await newConversation();
    const clientIds = Array.from({ length: 20 }, (_, i) => `client-${String(i).padStart(4, '0')}`);
    // Every message is sent twice at once, as a client would after a lost acknowledgement.
    const results = await Promise.all(
      [...clientIds, ...clientIds].map((clientId) =>
        repos.messages.append({
          id: id(),
          conversationId: c.id,
          clientId,
          sender: 'visitor',
          senderStaffId: null,
          senderName: null,
          body: clientId,
          now: 2,
        }),
      ),
    );
    const stored = await repos.messages.listAfter(c.id, 0);
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(stored.map((m) => m.clientId)).size).toBe(20);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(20);
  });

  it('refuses a message the conversation row no longer allows, without using up a number', async () => {
    const c = await newConversation();
    const message = (clientId: string) => ({ id: id(), conversationId: c.id, clientId, sender: 'counsellor' as const, senderStaffId: null, senderName: 'Alice', body: 'hoi', now: 3 });
    // Waiting, and nobody holds it: a counsellor's message is refused.
    expect(await repos.messages.appendIfAllowed(message('client-refused'), { statuses: ['active'], counsellorId: id() })).toBeUndefined();
    const allowed = await repos.messages.appendIfAllowed(message('client-allowed'), { statuses: ['waiting', 'offered', 'active'] });
    expect(allowed).toMatchObject({ duplicate: false, status: 'waiting', message: { seq: 1 } });
    const resent = await repos.messages.appendIfAllowed(message('client-allowed'), { statuses: ['waiting'] });
    expect(resent).toMatchObject({ duplicate: true, message: { id: allowed?.message.id, seq: 1 } });
    expect((await repos.conversations.findById(c.id))?.lastSeq).toBe(1);
  });

  it('lets only one of two counsellors accept the same conversation', async () => {
    const now = 5;
    const alice = await repos.staff.create({ id: id(), username: 'alice', displayName: 'Alice', passwordHash: 'x', role: 'counsellor', now });
    const bob = await repos.staff.create({ id: id(), username: 'bob', displayName: 'Bob', passwordHash: 'x', role: 'counsellor', now });
    const c = await newConversation();
    const attempt = (counsellorId: string) => {
      const t = transition(c, { type: 'accept', counsellorId });
      if (!t.ok) throw new Error('unexpected');
      return repos.conversations.applyTransition({ current: c, next: t.state, event: 'accept', actor: { kind: 'staff', staffId: counsellorId }, now });
    };
    const [x, y] = await Promise.all([attempt(alice.id), attempt(bob.id)]);
    expect([x, y].filter(Boolean)).toHaveLength(1);
    const stored = await repos.conversations.findById(c.id);
    expect(stored?.status).toBe('active');
    expect(stored?.acceptedAt).toBe(now);
    const events = await repos.conversations.listEvents(c.id);
    expect(events.map((e) => [e.type, e.from_status, e.to_status])).toEqual([['accept', 'waiting', 'active']]);
  });

  it('keeps staff secrets out of listings and enforces unique usernames', async () => {
    await repos.staff.create({ id: id(), username: 'carol', displayName: 'Carol', passwordHash: 'secret-hash', role: 'admin', now: 1 });
    const listed = await repos.staff.list();
    expect(JSON.stringify(listed)).not.toContain('secret-hash');
    await expect(
      repos.staff.create({ id: id(), username: 'carol', displayName: 'C2', passwordHash: 'x', role: 'admin', now: 1 }),
    ).rejects.toThrow();
    expect(await repos.staff.count()).toBe(1);
  });

  it('expires sessions by absolute and idle limits', async () => {
    const staff = await repos.staff.create({ id: id(), username: 'dan', displayName: 'Dan', passwordHash: 'x', role: 'counsellor', now: 1 });
    await repos.sessions.create({ id: 's1', staffId: staff.id, csrfToken: 'c', createdAt: 0, lastSeenAt: 100, expiresAt: 1000 });
    await repos.sessions.create({ id: 's2', staffId: staff.id, csrfToken: 'c', createdAt: 0, lastSeenAt: 10, expiresAt: 1000 });
    await repos.sessions.deleteExpired(500, 50);
    expect(await repos.sessions.find('s1')).toBeDefined();
    expect(await repos.sessions.find('s2')).toBeUndefined();
  });
});

describe.each(testStoreFactories())('audit chain on $name', (factory) => {
  it('verifies an untouched log and finds the entry someone edited', async () => {
    const store = await factory.open();
    try {
      const repos = createRepositories(store, keyringFrom([crypto.randomBytes(32)]));
      await Promise.all(
        Array.from({ length: 12 }, (_, i) => repos.audit.append({ at: i, staffId: null, action: 'transcript.view', targetType: 'conversation', targetId: `c${i}` })),
      );
      expect(await repos.audit.verifyChain()).toEqual({ ok: true, entries: 12 });
      const victim = (await repos.audit.list({ targetId: 'c5' }))[0]!;
      await store.db.updateTable('audit_log').set({ staff_id: 'someone-else' }).where('id', '=', victim.id).execute();
      expect(await repos.audit.verifyChain()).toMatchObject({ ok: false, brokenAtId: victim.id });
    } finally {
      await store.close();
    }
  });
});
