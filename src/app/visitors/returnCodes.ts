// Return codes: a short code she can write down, so a later chat continues with her history and
// her counsellor, without an account. Only a slow hash of the code is stored.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import type { Repositories } from '../../store/repositories.js';
import { keyedHashPrefix, type ReturnCodeRow } from '../../store/returnCodeRepository.js';

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

/**
 * A return code has about 40 bits: few enough that one unkeyed hash per row would let a leaked
 * database be searched for every code at once. So the code is first keyed with the
 * installation's pepper (a secret kept only wrapped by the master key), then slowed by scrypt:
 * a dump alone allows no guessing at all, and with the master key each guess still costs scrypt.
 */
async function keyedHash(normalised: string, pepper: Buffer): Promise<string> {
  const keyed = crypto.createHmac('sha256', pepper).update(`return-code:${normalised}`).digest('base64');
  const hash = await scrypt(keyed, 'baken:return-code:v2', 32, { N: 2 ** 14, r: 8, p: 1 });
  return `${keyedHashPrefix}${hash.toString('hex')}`;
}

/** How codes were hashed before the pepper (fixed salt, no secret); only to migrate on use. */
async function unkeyedHash(normalised: string): Promise<string> {
  const hash = await scrypt(normalised, 'baken:return-code:v1', 32, { N: 2 ** 14, r: 8, p: 1 });
  return hash.toString('hex');
}

const pepperName = 'return-code-pepper';

export class ReturnCodes {
  /** Until no unkeyed hash is left, a lookup also tries the old hash (and rewrites it). */
  private unkeyedLeft: boolean | undefined;

  constructor(
    private readonly repos: Repositories,
    private readonly now: () => number,
  ) {}

  /** A new code for this conversation's visitor (one visitor key per person across her chats). */
  async create(conversationId: string): Promise<string> {
    const conversation = await this.repos.conversations.findById(conversationId);
    if (!conversation) throw new Error('no such conversation');
    const visitorKey = conversation.visitorKey ?? crypto.randomUUID();
    if (!conversation.visitorKey) await this.repos.conversations.setVisitorKey(conversationId, visitorKey);
    const code = newReturnCode();
    const now = this.now();
    await this.repos.returnCodes.insert({
      code_hash: await keyedHash(normaliseReturnCode(code)!, await this.pepper()),
      visitor_key: visitorKey,
      preferred_counsellor_id: conversation.counsellorId,
      created_at: now,
      last_used_at: now,
      blocked_until: null,
    });
    return code;
  }

  /**
   * A new code for a visitor key, hashed but not yet stored: the caller inserts the row in its
   * own transaction (a letter and its code commit together). Hashing is slow, so it runs first.
   */
  async prepare(visitorKey: string): Promise<{ code: string; row: ReturnCodeRow }> {
    const code = newReturnCode();
    const now = this.now();
    const codeHash = await keyedHash(normaliseReturnCode(code)!, await this.pepper());
    return { code, row: { code_hash: codeHash, visitor_key: visitorKey, preferred_counsellor_id: null, created_at: now, last_used_at: now, blocked_until: null } };
  }

  /** The visitor key and preferred counsellor for a code, or undefined if unknown, expired or blocked. */
  async redeem(input: string): Promise<{ visitorKey: string; preferredCounsellorId: string | null } | undefined> {
    const row = await this.usable(input);
    if (!row) return undefined;
    await this.repos.returnCodes.touch(row.code_hash, this.now());
    return { visitorKey: row.visitor_key, preferredCounsellorId: row.preferred_counsellor_id };
  }

  /** The stored code she typed, unless unknown, expired after a year unused, or blocked. */
  private async usable(input: string) {
    const normalised = normaliseReturnCode(input);
    if (!normalised) return undefined;
    const row = await this.find(normalised);
    const now = this.now();
    if (!row || now - row.last_used_at > expiryDays * 86_400_000 || (row.blocked_until ?? 0) > now) return undefined;
    return row;
  }

  private async find(normalised: string) {
    const keyed = await keyedHash(normalised, await this.pepper());
    const row = await this.repos.returnCodes.findByHash(keyed);
    if (row) return row;
    this.unkeyedLeft ??= await this.repos.returnCodes.hasUnkeyedHashes();
    if (!this.unkeyedLeft) return undefined;
    const old = await this.repos.returnCodes.findByHash(await unkeyedHash(normalised));
    if (!old) return undefined;
    await this.repos.returnCodes.rehash(old.code_hash, keyed);
    this.unkeyedLeft = undefined;
    return { ...old, code_hash: keyed };
  }

  private pepper(): Promise<Buffer> {
    return this.repos.secrets.get(pepperName, this.now());
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
    // All of it or nothing: the messages, her codes and the audit entry commit together.
    return this.repos.transaction(async (tx) => {
      const purged = await tx.conversations.purgeVisitorHistory(row.visitor_key, now);
      if (purged.open) return { outcome: 'chat_open' } as const;
      await tx.returnCodes.deleteForVisitor(row.visitor_key);
      // Her case summary too (the purge above already took one sealed with a chat it deleted).
      await tx.continuity.deleteSummary(row.visitor_key);
      await tx.audit.append({ at: now, staffId: null, action: 'visitor.history_deleted', detail: { conversations: purged.conversations } });
      return { outcome: 'deleted', conversations: purged.conversations } as const;
    });
  }
}

export type DeleteHistoryOutcome = { outcome: 'deleted'; conversations: number } | { outcome: 'unknown' } | { outcome: 'chat_open' };
