// Return codes: a short code she can write down, so a later chat continues with her history and
// her counsellor, without an account. Only a slow hash of the code is stored.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import type { Repositories } from '../../store/repositories.js';

const scrypt = promisify(crypto.scrypt) as (password: string, salt: string, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;
// No look-alikes (0/O, 1/I/L), so a code copied by hand from a screen still works.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const codeLength = 8;
const expiryDays = 365;

export function newReturnCode(): string {
  const chars = Array.from(crypto.randomBytes(codeLength), (b) => alphabet[b % alphabet.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

export function normaliseReturnCode(input: string): string | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== codeLength || [...cleaned].some((c) => !alphabet.includes(c))) return undefined;
  return cleaned;
}

/** scrypt with a fixed salt: deterministic, so the code can be looked up, and slow to brute-force. */
async function hashCode(normalised: string): Promise<string> {
  const hash = await scrypt(normalised, 'baken:return-code:v1', 32, { N: 2 ** 14, r: 8, p: 1 });
  return hash.toString('hex');
}

export class ReturnCodes {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => number,
  ) {}

  /** A new code for this conversation's visitor (one visitor key per person across her chats). */
  async create(conversationId: string): Promise<string> {
    const conversation = await this.repos.conversations.findById(conversationId);
    if (!conversation) throw new Error('no such conversation');
    const visitorKey = conversation.visitorKey ?? crypto.randomUUID();
    if (!conversation.visitorKey) {
      await this.repos.store.db.updateTable('conversations').set({ visitor_key: visitorKey }).where('id', '=', conversationId).execute();
    }
    const code = newReturnCode();
    const now = this.now();
    await this.repos.store.db
      .insertInto('return_codes')
      .values({
        code_hash: await hashCode(normaliseReturnCode(code)!),
        visitor_key: visitorKey,
        preferred_counsellor_id: conversation.counsellorId,
        created_at: now,
        last_used_at: now,
        blocked_until: null,
      })
      .execute();
    return code;
  }

  /** The visitor key and preferred counsellor for a code, or undefined if unknown, expired or blocked. */
  async redeem(input: string): Promise<{ visitorKey: string; preferredCounsellorId: string | null } | undefined> {
    const row = await this.usable(input);
    if (!row) return undefined;
    await this.repos.store.db.updateTable('return_codes').set({ last_used_at: this.now() }).where('code_hash', '=', row.code_hash).execute();
    return { visitorKey: row.visitor_key, preferredCounsellorId: row.preferred_counsellor_id };
  }

  /** The stored code she typed, unless unknown, expired after a year unused, or blocked. */
  private async usable(input: string) {
    const normalised = normaliseReturnCode(input);
    if (!normalised) return undefined;
    const row = await this.repos.store.db.selectFrom('return_codes').selectAll().where('code_hash', '=', await hashCode(normalised)).executeTakeFirst();
    const now = this.now();
    if (!row || now - row.last_used_at > expiryDays * 86_400_000 || (row.blocked_until ?? 0) > now) return undefined;
    return row;
  }

  /**
   * Her right to be forgotten: with her code she deletes the messages of all her chats and
   * every return code she had. Codings (no free text) stay for the yearly figures.
   */
  async deleteHistory(input: string): Promise<DeleteHistoryOutcome> {
    // A blocked code gets the same answer as an unknown one, as when starting a chat with it.
    const row = await this.usable(input);
    if (!row) return { outcome: 'unknown' };
    const now = this.now();
    const purged = await this.repos.conversations.purgeVisitorHistory(row.visitor_key, now);
    if (purged.open) return { outcome: 'chat_open' };
    await this.repos.store.db.deleteFrom('return_codes').where('visitor_key', '=', row.visitor_key).execute();
    await this.repos.audit.append({ at: now, staffId: null, action: 'visitor.history_deleted', detail: { conversations: purged.conversations } });
    return { outcome: 'deleted', conversations: purged.conversations };
  }
}

export type DeleteHistoryOutcome = { outcome: 'deleted'; conversations: number } | { outcome: 'unknown' } | { outcome: 'chat_open' };
