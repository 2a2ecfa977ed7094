// A stolen database file or dump must not reveal what a child wrote.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openStore } from '../database.js';
import { createRepositories } from '../repositories.js';
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
      expect(bytes).not.toContain('telefoon');

      const reopened = await openStore({ dataDir: dir });
      const thief = createRepositories(reopened, keyringFrom([crypto.randomBytes(32)]));
      await expect(thief.messages.listAfter(conversation.id, 0)).rejects.toThrow();
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
