// Finds, unwraps and caches a conversation's data key, and encrypts/decrypts its texts.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { decryptDetails, decryptText, encryptDetails, encryptText, newDataKey, unwrapDataKey, wrapDataKey, type Keyring } from './envelope.js';

export class TranscriptCipher {
  constructor(
    private readonly db: Kysely<Database>,
    readonly keyring: Keyring,
    private readonly cacheSize = 10_000,
    // Unwrapped keys of recently active conversations; a Map keeps insertion order, so the
    // oldest entry is dropped first when the cache is full. Shared with the transaction views.
    private readonly cache = new Map<string, Buffer>(),
  ) {}

  /** The same cipher (and key cache) reading keys through a transaction. */
  within(db: Kysely<Database>): TranscriptCipher {
    return new TranscriptCipher(db, this.keyring, this.cacheSize, this.cache);
  }

  /** A fresh data key for a new conversation, and its wrapped form to store on the row. */
  createKey(conversationId: string): string {
    const key = newDataKey();
    this.remember(conversationId, key);
    return wrapDataKey(this.keyring, key, conversationId);
  }

  async encrypt(conversationId: string, text: string): Promise<string> {
    return encryptText(await this.key(conversationId), text, conversationId);
  }

  async decrypt(conversationId: string, sealed: string): Promise<string> {
    return decryptText(await this.key(conversationId), sealed, conversationId);
  }

  /**
   * Seals the visitor's details. Synchronous because it runs while a row is being written: the
   * key is either cached or unwrapped from the row's own wrapped key.
   */
  sealDetails(conversationId: string, wrappedKey: string, json: string): string {
    return encryptDetails(this.keyFromRow(conversationId, wrappedKey), json, conversationId);
  }

  /** Opens sealed details while mapping a row, or undefined once the key is gone (after retention). */
  openDetails(conversationId: string, wrappedKey: string, sealed: string): string | undefined {
    if (!wrappedKey) return undefined;
    return decryptDetails(this.keyFromRow(conversationId, wrappedKey), sealed, conversationId);
  }

  forget(conversationId: string): void {
    this.cache.delete(conversationId);
  }

  private async key(conversationId: string): Promise<Buffer> {
    const cached = this.cache.get(conversationId);
    if (cached) return cached;
    const row = await this.db
      .selectFrom('conversations')
      .select('wrapped_key')
      .where('id', '=', conversationId)
      .executeTakeFirst();
    if (!row) throw new Error('no such conversation');
    const key = unwrapDataKey(this.keyring, row.wrapped_key, conversationId);
    this.remember(conversationId, key);
    return key;
  }

  private keyFromRow(conversationId: string, wrappedKey: string): Buffer {
    const cached = this.cache.get(conversationId);
    if (cached) return cached;
    const key = unwrapDataKey(this.keyring, wrappedKey, conversationId);
    this.remember(conversationId, key);
    return key;
  }

  private remember(conversationId: string, key: Buffer): void {
    this.cache.delete(conversationId);
    this.cache.set(conversationId, key);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
  }
}
