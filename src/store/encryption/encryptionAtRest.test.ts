// A stolen database file or dump must not reveal what a child wrote.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openStore } from '../database.js';
import { createRepositories } from '../repositories.js';
import { assessTriage } from '../../domain/triage/assessTriage.js';
import { decryptText, encryptText, keyringFrom, unwrapDataKey, wrapDataKey } from './envelope.js';

describe('envelope encryption', () => {
  it('round-trips any text and refuses text moved to another conversation', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const key = crypto.randomBytes(32);
        const sealed = encryptText(key, text, 'conv-a');
        expect(decryptText(key, sealed, 'conv-a')).toBe(text);
        expect(() => decryptText(key, sealed, 'conv-b')).toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('unwraps data keys with an older master key kept in the keyring during rotation', () => {
    const oldKey = crypto.randomBytes(32);
    const newKey = crypto.randomBytes(32);
    const dataKey = crypto.randomBytes(32);
    const wrapped = wrapDataKey(keyringFrom([oldKey]), dataKey, 'c1');
    expect(unwrapDataKey(keyringFrom([newKey, oldKey]), wrapped, 'c1').equals(dataKey)).toBe(true);
    expect(() => unwrapDataKey(keyringFrom([newKey]), wrapped, 'c1')).toThrow(/unknown master key/);
  });
});

describe('the SQLite file on disk', () => {
  it('contains no message text, and a different master key cannot read it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-enc-'));
    try {
      const store = await openStore({ dataDir: dir });
      await migrateToLatest(store);
      const repos = createRepositories(store, keyringFrom([crypto.randomBytes(32)]));
      const secret = 'mijn vriend neemt mijn telefoon af SECRET-MARKER-7731';
      const conversation = await repos.conversations.create({ id: crypto.randomUUID(), tokenHash: 'h', nickname: null, language: 'nl', preChat: null, now: 1 });
      await repos.messages.append({ id: crypto.randomUUID(), conversationId: conversation.id, clientId: 'client-0001', sender: 'visitor', senderStaffId: null, senderName: null, body: secret, now: 2 });
      expect((await repos.messages.listAfter(conversation.id, 0))[0]?.body).toBe(secret);
      await store.close();

      const bytes = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1')).join('');
      expect(bytes).not.toContain('SECRET-MARKER-7731');
      // Not a single word: the shipped referral directory names De Kindertelefoon.
      expect(bytes).not.toContain('neemt mijn telefoon');

      const reopened = await openStore({ dataDir: dir });
      const thief = createRepositories(reopened, keyringFrom([crypto.randomBytes(32)]));
      await expect(thief.messages.listAfter(conversation.id, 0)).rejects.toThrow();
      await reopened.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the visitor's details outside her messages", () => {
  it('seals nickname, pre-chat answers and the phrases triage matched, and retention removes them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-enc-'));
    try {
      const store = await openStore({ dataDir: dir });
      await migrateToLatest(store);
      const repos = createRepositories(store, keyringFrom([crypto.randomBytes(32)]));
      const triage = assessTriage({ preChat: undefined, messages: ['mijn vriend dwingt me om met mannen te slapen voor geld'] });
      expect(triage.reasons[0]?.snippet).toContain('slapen voor geld');
      const created = await repos.conversations.create({ id: crypto.randomUUID(), tokenHash: 'h', nickname: 'NICK-MARKER-4410', language: 'nl', preChat: { ageBand: 'PRECHAT-MARKER-12_15', topic: 'about_me' }, now: 1, triage });
      const read = await repos.conversations.findById(created.id);
      expect(read?.nickname).toBe('NICK-MARKER-4410');
      expect(read?.preChat).toEqual({ ageBand: 'PRECHAT-MARKER-12_15', topic: 'about_me' });
      expect(read?.triage?.reasons[0]?.snippet).toContain('slapen voor geld');
      expect(await repos.conversations.nicknames([created.id])).toEqual(new Map([[created.id, 'NICK-MARKER-4410']]));

      // Triage runs again after her first messages: the new result is sealed too.
      const retriaged = assessTriage({ preChat: undefined, messages: ['ik moet drugs verkopen voor hem, SECOND-MARKER-5521'] });
      await repos.conversations.updateDetails(read!, { triage: retriaged });
      expect((await repos.conversations.findById(created.id))?.triage).toEqual(retriaged);
      await store.close();

      const bytes = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1')).join('');
      for (const marker of ['NICK-MARKER-4410', 'slapen voor geld', 'drugs verkopen', 'PRECHAT-MARKER']) expect(bytes).not.toContain(marker);

      const reopened = await openStore({ dataDir: dir });
      const again = createRepositories(reopened, repos.cipher.keyring);
      await reopened.db.updateTable('conversations').set({ ended_at: 10, status: 'closed' }).where('id', '=', created.id).execute();
      await again.conversations.purgeTranscriptsEndedBefore(100, 200);
      const purged = await again.conversations.findById(created.id);
      expect(purged).toMatchObject({ nickname: null, preChat: null, triage: null, status: 'closed' });
      const raw = await reopened.db.selectFrom('conversations').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
      expect(raw).toMatchObject({ visitor_details: null, nickname: null, pre_chat: null, triage: null, wrapped_key: '' });
      await reopened.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('master key rotation', () => {
  it('rewraps every data key so the old master key can be dropped, and is safe to re-run', async () => {
    const { openTestSqlite } = await import('../testing/testStores.js');
    const { rotateMasterKey } = await import('./rotateMasterKey.js');
    const store = await openTestSqlite();
    const oldKey = crypto.randomBytes(32);
    const newKey = crypto.randomBytes(32);
    const before = createRepositories(store, keyringFrom([oldKey]));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await before.conversations.create({ id: crypto.randomUUID(), tokenHash: `h${i}`, nickname: null, language: 'nl', preChat: null, now: 1 });
      await before.messages.append({ id: crypto.randomUUID(), conversationId: c.id, clientId: `client-000${i}`, sender: 'visitor', senderStaffId: null, senderName: null, body: `tekst ${i}`, now: 2 });
      ids.push(c.id);
    }
    expect(await rotateMasterKey(store, keyringFrom([newKey, oldKey]))).toEqual({ rewrapped: 3, alreadyCurrent: 0 });
    expect(await rotateMasterKey(store, keyringFrom([newKey, oldKey]))).toEqual({ rewrapped: 0, alreadyCurrent: 3 });
    const after = createRepositories(store, keyringFrom([newKey]));
    for (const [i, id] of ids.entries()) expect((await after.messages.listAfter(id, 0))[0]?.body).toBe(`tekst ${i}`);
    await store.close();
  });
});
