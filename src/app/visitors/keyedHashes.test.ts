// A leaked database must not be an offline search over every return code at once: codes are
// keyed with the installation's pepper (wrapped by the master key, which is not in the database)
// before scrypt. Codes hashed the old way keep working and are rewritten when next used.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { connected, request, startTestServer, type TestServer } from '../../server/testing/testServer.js';
import { startVisitorChat, unwrap } from '../../server/testing/chatScenario.js';
import { normaliseReturnCode } from './returnCodes.js';
import type { Ack } from '../../protocol/ack.js';
import type { VisitorChatSnapshot } from '../../protocol/visitorProtocol.js';
import { rotateMasterKey } from '../../store/encryption/rotateMasterKey.js';
import { keyringFrom } from '../../store/encryption/envelope.js';

const scrypt = promisify(crypto.scrypt) as (p: string, s: string, n: number, o: crypto.ScryptOptions) => Promise<Buffer>;
/** What an attacker with only the database could compute for a guess: the old, unkeyed hash. */
const unkeyed = async (code: string) => (await scrypt(normaliseReturnCode(code)!, 'baken:return-code:v1', 32, { N: 2 ** 14, r: 8, p: 1 })).toString('hex');

describe.each(['sqlite', 'postgres'] as const)('return codes are keyed with a secret outside the database (%s)', (dialect) => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  const startWith = async (code: string) => {
    const socket = server.visitor();
    await connected(socket);
    return request<Ack<VisitorChatSnapshot & { token: string }>>(socket, 'chat:start', { language: 'nl', returnCode: code });
  };

  it('stores no hash a database thief can test a guess against', async () => {
    const key = crypto.randomBytes(32);
    server = await startTestServer({ dialect, env: { MASTER_KEY: key.toString('base64') } });
    const chat = await startVisitorChat(server);
    const { code } = unwrap(await request<Ack<{ code: string }>>(chat.visitor, 'returnCode:create'));
    const db = server.app.ctx.repos.store.db;
    const rows = await db.selectFrom('return_codes').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.code_hash).not.toBe(await unkeyed(code));
    expect(rows[0]!.code_hash.startsWith('v2:')).toBe(true);
    // The pepper is in the database only wrapped by the master key.
    const secrets = await db.selectFrom('installation_secrets').selectAll().execute();
    expect(secrets.map((s) => s.name)).toEqual(['return-code-pepper']);
    expect(secrets[0]!.wrapped).not.toContain(key.toString('base64'));
    expect(secrets[0]!.wrapped.length).toBeGreaterThan(60);
    unwrap(await request(chat.visitor, 'chat:end', { reason: 'visitor' }));
    expect((await startWith(code)).ok).toBe(true);
  });

  it('turns an old unkeyed hash into a keyed one the first time the code is used', async () => {
    server = await startTestServer({ dialect });
    const chat = await startVisitorChat(server);
    const db = server.app.ctx.repos.store.db;
    const visitorKey = crypto.randomUUID();
    await db.updateTable('conversations').set({ visitor_key: visitorKey }).where('id', '=', chat.conversationId).execute();
    const code = 'ABCD-EFGH';
    const now = server.app.ctx.clock.now();
    await db.insertInto('return_codes').values({ code_hash: await unkeyed(code), visitor_key: visitorKey, preferred_counsellor_id: null, created_at: now, last_used_at: now, blocked_until: null }).execute();
    unwrap(await request(chat.visitor, 'chat:end', { reason: 'visitor' }));

    const started = unwrap(await startWith(code));
    const row = await db.selectFrom('return_codes').selectAll().executeTakeFirstOrThrow();
    expect(row.code_hash.startsWith('v2:')).toBe(true);
    expect(row.code_hash).not.toContain(await unkeyed(code));
    expect((await server.app.ctx.repos.conversations.findById(started.conversation.id))?.visitorKey).toBe(visitorKey);
  });

  it('keeps codes working after the master key is rotated', async () => {
    const oldKey = crypto.randomBytes(32);
    server = await startTestServer({ dialect, env: { MASTER_KEY: oldKey.toString('base64') } });
    const chat = await startVisitorChat(server);
    const { code } = unwrap(await request<Ack<{ code: string }>>(chat.visitor, 'returnCode:create'));
    unwrap(await request(chat.visitor, 'chat:end', { reason: 'visitor' }));
    const newKey = crypto.randomBytes(32);
    const rotated = await rotateMasterKey(server.app.ctx.repos.store, keyringFrom([newKey, oldKey]));
    expect(rotated.rewrapped).toBeGreaterThanOrEqual(2); // the conversation's key and the pepper
    const wrapped = await server.app.ctx.repos.store.db.selectFrom('installation_secrets').select('wrapped').executeTakeFirstOrThrow();
    expect(wrapped.wrapped.startsWith(keyringFrom([newKey]).current.id)).toBe(true);
    expect((await startWith(code)).ok).toBe(true);
  });
});
