// Coded conversations: the primary coding per conversation with its edit history, second
// codings for the double-coded sample, and the fast read path of the yearly monitor.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { inTransaction } from './database.js';
import type { Codebook } from '../domain/codebook/codebookSchema.js';
import type { CodedConversation } from '../domain/codebook/codedConversation.js';
import type { CodingValue, CodingValues } from '../domain/codebook/codingValue.js';
import { isEmptyValue } from '../domain/codebook/codingValue.js';
import { defaultCodebook } from '../domain/codebook/defaultCodebook.js';
import type { DoubleCoding } from '../domain/monitor/agreement.js';
import { amsterdamYear, amsterdamYearBounds } from '../domain/monitor/amsterdamYear.js';
import { CodingPacking } from '../domain/monitor/packedCodings.js';
import type { CodingTable } from './codingSchema.js';
import type { Database } from './schema.js';
import type { Dialect, Store } from './database.js';
import { copyOutRows, readCopyInteger, sqlInteger } from './pgCopyBinary.js';
import { TailCollector, type TailChunk } from './packedTail.js';

export interface StoredCoding {
  conversationId: string;
  year: number;
  closedAt: number;
  visitorKey: string | null;
  codebookVersion: string;
  values: CodingValues;
  coderId: string | null;
  source: 'console' | 'import';
  createdAt: number;
  updatedAt: number;
  updatedBy: string | null;
}

export type FieldChanges = Record<string, [CodingValue | null, CodingValue | null]>;

export interface CodingHistoryEntry {
  id: number;
  coding: 'primary' | 'second';
  staffId: string | null;
  at: number;
  kind: 'create' | 'update' | 'import';
  codebookVersion: string;
  changes: FieldChanges;
}

export interface SecondCoding {
  conversationId: string;
  coderId: string;
  assignedBy: string;
  assignedAt: number;
  values: CodingValues | null;
  codebookVersion: string | null;
  codedAt: number | null;
}

export interface AwaitingCoding {
  conversationId: string;
  kind: 'primary' | 'second';
  language: string;
  endedAt: number | null;
}

export interface PackedCodings {
  data: Uint8Array;
  count: number;
  versions: string[];
  packing: CodingPacking;
}

const IMPORT_BATCH = 400;
/** A year's uncached tail of at least this many records is kept as new cached parts. */
const BLOCK_MIN_RECORDS = 20_000;
/** Records per cached part at most (3.5 MB with the default codebook): an edit rewrites one part. */
const BLOCK_MAX_RECORDS = 65_536;

export interface CodingRepositoryOptions {
  codebook?: Codebook;
  /** A year's uncached tail of at least this many records is kept as new cached parts. */
  blockMinRecords?: number;
  /** Records per cached part at most. */
  blockMaxRecords?: number;
}

/** Where a cached part goes in the buffer loadPacked fills, and how much of it has arrived. */
interface PartSlot {
  offset: number;
  size: number;
  filled: number;
  versions: string[];
}

const partKey = (year: number, part: number): string => `${year}:${part}`;

/** Bytes per row when PostgreSQL sends cached parts (see readPartData). */
const PG_SLICE_BYTES = 256 * 1024;

/** The cached parts changed between reading their list and their data. */
class CacheMovedError extends Error {}

function toCoding(row: Selectable<CodingTable>): StoredCoding {
  return {
    conversationId: row.conversation_id,
    year: Number(row.year),
    closedAt: Number(row.closed_at),
    visitorKey: row.visitor_key,
    codebookVersion: row.codebook_version,
    values: JSON.parse(row.values_json) as CodingValues,
    coderId: row.coder_id,
    source: row.source === 'import' ? 'import' : 'console',
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/** Only coded fields, in codebook order, so equal codings serialise equally. */
export function normaliseValues(codebook: Codebook, values: CodingValues): Record<string, CodingValue> {
  const out: Record<string, CodingValue> = {};
  for (const field of codebook.fields) {
    const value = values[field.id];
    if (!isEmptyValue(value)) out[field.id] = value;
  }
  return out;
}

export function diffValues(before: CodingValues, after: CodingValues): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = isEmptyValue(before[key]) ? null : before[key]!;
    const b = isEmptyValue(after[key]) ? null : after[key]!;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [a, b];
  }
  return changes;
}

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return asBuffer(a).equals(asBuffer(b));
}

export class CodingRepository {
  readonly packing: CodingPacking;
  readonly codebook: Codebook;
  private readonly db: Kysely<Database>;
  private readonly dialect: Dialect;
  private readonly pgPool: Store['pgPool'];
  private readonly blockMinRecords: number;
  private readonly blockMaxRecords: number;
  /** Shared with the transaction views: whether stale cached parts were checked since start. */
  private readonly repack: { checked: boolean };
  private readonly options: CodingRepositoryOptions;

  constructor(store: Pick<Store, 'db' | 'dialect' | 'pgPool'>, options: CodingRepositoryOptions = {}, shared?: { packing: CodingPacking; repack: { checked: boolean } }) {
    this.options = options;
    this.db = store.db;
    this.dialect = store.dialect;
    this.pgPool = store.pgPool;
    if (this.dialect === 'postgres' && this.pgPool === undefined) throw new Error('CodingRepository on PostgreSQL needs the store\'s pool');
    this.codebook = options.codebook ?? defaultCodebook;
    this.blockMinRecords = options.blockMinRecords ?? BLOCK_MIN_RECORDS;
    this.blockMaxRecords = options.blockMaxRecords ?? BLOCK_MAX_RECORDS;
    if (!(this.blockMinRecords >= 1 && this.blockMaxRecords >= this.blockMinRecords)) throw new Error('need 1 <= blockMinRecords <= blockMaxRecords');
    this.packing = shared?.packing ?? new CodingPacking(this.codebook);
    this.repack = shared?.repack ?? { checked: false };
  }

  /** The same repository writing through a transaction (the PostgreSQL pool stays the store's). */
  within(db: Kysely<Database>): CodingRepository {
    return new CodingRepository({ db, dialect: this.dialect, pgPool: this.pgPool }, this.options, { packing: this.packing, repack: this.repack });
  }

  async get(conversationId: string): Promise<StoredCoding | undefined> {
    const row = await this.db.selectFrom('codings').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
    return row ? toCoding(row) : undefined;
  }

  /**
   * Saves the primary coding (creates it or edits it) and writes which fields changed to the
   * history. Returns the changed field ids; an edit that changes nothing writes no history.
   */
  async savePrimary(input: {
    conversationId: string;
    closedAt: number;
    visitorKey: string | null;
    codebookVersion: string;
    values: CodingValues;
    staffId: string;
    now: number;
  }): Promise<{ coding: StoredCoding; created: boolean; changedFields: string[] }> {
    const values = normaliseValues(this.codebook, input.values);
    return inTransaction(this.db, async (trx) => {
      const existing = await trx.selectFrom('codings').selectAll().where('conversation_id', '=', input.conversationId).executeTakeFirst();
      const before = existing ? (JSON.parse(existing.values_json) as CodingValues) : {};
      const changes = diffValues(before, values);
      if (existing) {
        const year = Number(existing.year);
        await this.touchYear(trx, year);
        const packed = this.packing.pack(Number(existing.closed_at), existing.visitor_no, values);
        const row = await trx
          .updateTable('codings')
          .set({
            values_json: JSON.stringify(values),
            codebook_version: input.codebookVersion,
            packed: asBuffer(packed),
            packed_with: this.codebook.version,
            updated_at: input.now,
            updated_by: input.staffId,
          })
          .where('conversation_id', '=', input.conversationId)
          .returningAll()
          .executeTakeFirstOrThrow();
        if (Object.keys(changes).length > 0) {
          await this.addHistory(trx, input.conversationId, 'primary', input.staffId, input.now, 'update', input.codebookVersion, changes);
        }
        const versionChanged = existing.codebook_version !== input.codebookVersion;
        if (existing.packed_with !== this.codebook.version) {
          // Laid out by another codebook version: so is the part holding it; repackStale rebuilds the cache.
          await trx.deleteFrom('coding_blocks').where('year', '=', year).execute();
        } else if (versionChanged || !sameBytes(existing.packed, packed)) {
          await this.patchCachedRecord(trx, year, Number(existing.seq), existing.packed, packed, versionChanged);
        }
        return { coding: toCoding(row), created: false, changedFields: Object.keys(changes) };
      }
      const year = amsterdamYear(input.closedAt);
      await this.touchYear(trx, year);
      const visitorNo = input.visitorKey ? await this.visitorNo(trx, input.visitorKey) : 0;
      const row = await trx
        .insertInto('codings')
        .values({
          conversation_id: input.conversationId,
          year,
          closed_at: input.closedAt,
          visitor_key: input.visitorKey,
          visitor_no: visitorNo,
          codebook_version: input.codebookVersion,
          values_json: JSON.stringify(values),
          packed: asBuffer(this.packing.pack(input.closedAt, visitorNo, values)),
          packed_with: this.codebook.version,
          coder_id: input.staffId,
          source: 'console',
          created_at: input.now,
          updated_at: input.now,
          updated_by: input.staffId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.addHistory(trx, input.conversationId, 'primary', input.staffId, input.now, 'create', input.codebookVersion, changes);
      return { coding: toCoding(row), created: true, changedFields: Object.keys(changes) };
    });
  }

  /**
   * Bumps the year's write counter. Every write of a coding does this first in its transaction,
   * so a reader that read the counter before the rows can tell whether what it read may be kept
   * as cached parts (see keepParts and migration 010).
   */
  private async touchYear(trx: Kysely<Database>, year: number): Promise<void> {
    await trx
      .insertInto('coding_years')
      .values({ year, generation: 1 })
      .onConflict((oc) => oc.column('year').doUpdateSet({ generation: (eb) => eb('coding_years.generation', '+', 1) }))
      .execute();
  }

  /**
   * An edited record inside a cached part is rewritten in place (the part's other records and
   * their order stay), so an edit does not send the year's cache back to the rows. A record not
   * in any part is in the tail, which is read from the rows anyway.
   */
  private async patchCachedRecord(trx: Kysely<Database>, year: number, seq: number, before: Uint8Array, after: Uint8Array, versionChanged: boolean): Promise<void> {
    const part = await trx
      .selectFrom('coding_blocks')
      .select(['part', 'through_seq', 'count', 'versions'])
      .where('year', '=', year)
      .where('through_seq', '>=', seq)
      .orderBy('through_seq')
      .limit(1)
      .executeTakeFirst();
    if (part === undefined) return;
    const previous = await trx.selectFrom('coding_blocks').select((eb) => eb.fn.max('through_seq').as('through')).where('year', '=', year).where('through_seq', '<', seq).executeTakeFirst();
    const low = previous?.through == null ? 0 : Number(previous.through);
    const position = await trx.selectFrom('codings').select((eb) => eb.fn.countAll<number>().as('n')).where('year', '=', year).where('seq', '>', low).where('seq', '<', seq).executeTakeFirstOrThrow();
    const width = this.packing.width;
    const offset = Number(position.n) * width;
    const stored =
      Number(position.n) < Number(part.count)
        ? await trx.selectFrom('coding_blocks').select(sql<Uint8Array>`substr(data, ${offset + 1}, ${width})`.as('record')).where('year', '=', year).where('part', '=', part.part).executeTakeFirst()
        : undefined;
    if (stored === undefined || before.byteLength !== width || after.byteLength !== width || !sameBytes(stored.record, before)) {
      // The part does not hold the record where it should: drop it and the parts after it, rebuilt from the rows on the next read.
      await trx.deleteFrom('coding_blocks').where('year', '=', year).where('through_seq', '>', low).execute();
      return;
    }
    let versions = part.versions;
    if (versionChanged) {
      const rows = await trx.selectFrom('codings').select('codebook_version').distinct().where('year', '=', year).where('seq', '>', low).where('seq', '<=', Number(part.through_seq)).execute();
      versions = JSON.stringify(rows.map((r) => r.codebook_version).sort());
    }
    if (this.dialect === 'postgres') {
      await sql`update coding_blocks set data = overlay(data placing ${asBuffer(after)} from ${offset + 1}), versions = ${versions} where year = ${year} and part = ${part.part}`.execute(trx);
    } else {
      const { data } = await trx.selectFrom('coding_blocks').select('data').where('year', '=', year).where('part', '=', part.part).executeTakeFirstOrThrow();
      const patched = Buffer.from(data);
      patched.set(after, offset);
      await trx.updateTable('coding_blocks').set({ data: patched, versions }).where('year', '=', year).where('part', '=', part.part).execute();
    }
  }

  private async addHistory(trx: Transaction<Database>, conversationId: string, coding: 'primary' | 'second', staffId: string | null, at: number, kind: CodingHistoryEntry['kind'], codebookVersion: string, changes: FieldChanges): Promise<void> {
    await trx
      .insertInto('coding_history')
      .values({ conversation_id: conversationId, coding, staff_id: staffId, at, kind, codebook_version: codebookVersion, changes: JSON.stringify(changes) })
      .execute();
  }

  private async visitorNo(trx: Kysely<Database>, visitorKey: string): Promise<number> {
    await trx.insertInto('coding_visitors').values({ visitor_key: visitorKey }).onConflict((oc) => oc.column('visitor_key').doNothing()).execute();
    const row = await trx.selectFrom('coding_visitors').select('id').where('visitor_key', '=', visitorKey).executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async history(conversationId: string): Promise<CodingHistoryEntry[]> {
    const rows = await this.db.selectFrom('coding_history').selectAll().where('conversation_id', '=', conversationId).orderBy('id').execute();
    return rows.map((r) => ({
      id: Number(r.id),
      coding: r.coding === 'second' ? 'second' : 'primary',
      staffId: r.staff_id,
      at: Number(r.at),
      kind: r.kind as CodingHistoryEntry['kind'],
      codebookVersion: r.codebook_version,
      changes: JSON.parse(r.changes) as FieldChanges,
    }));
  }

  /** The visitor's latest earlier coding (another conversation with the same return-code key). */
  async previousForVisitor(visitorKey: string, excludeConversationId: string): Promise<StoredCoding | undefined> {
    const row = await this.db
      .selectFrom('codings')
      .selectAll()
      .where('visitor_key', '=', visitorKey)
      .where('conversation_id', '!=', excludeConversationId)
      .orderBy('closed_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toCoding(row) : undefined;
  }

  /**
   * Adds coded conversations from an import. Conversations already stored are left alone and
   * returned as skipped (an import never overwrites a coding). A large import ends by keeping
   * its years' new records as cached parts, so the first report after it does not build them.
   */
  async importMany(conversations: readonly CodedConversation[], staffId: string | null, now: number): Promise<{ inserted: number; skipped: string[] }> {
    const skipped: string[] = [];
    let inserted = 0;
    const years = new Set<number>();
    for (let start = 0; start < conversations.length; start += IMPORT_BATCH) {
      const batch = conversations.slice(start, start + IMPORT_BATCH);
      await inTransaction(this.db, async (trx) => {
        const ids = batch.map((c) => c.conversationId);
        const existing = new Set((await trx.selectFrom('codings').select('conversation_id').where('conversation_id', 'in', ids).execute()).map((r) => r.conversation_id));
        const keys = [...new Set(batch.flatMap((c) => (c.visitorKey ? [c.visitorKey] : [])))];
        const numbers = new Map<string, number>();
        if (keys.length > 0) {
          await trx.insertInto('coding_visitors').values(keys.map((k) => ({ visitor_key: k }))).onConflict((oc) => oc.column('visitor_key').doNothing()).execute();
          for (const r of await trx.selectFrom('coding_visitors').select(['id', 'visitor_key']).where('visitor_key', 'in', keys).execute()) numbers.set(r.visitor_key, Number(r.id));
        }
        const rows = [];
        const seen = new Set<string>();
        for (const c of batch) {
          if (existing.has(c.conversationId) || seen.has(c.conversationId)) {
            skipped.push(c.conversationId);
            continue;
          }
          seen.add(c.conversationId);
          const values = normaliseValues(this.codebook, c.values);
          const visitorNo = c.visitorKey ? (numbers.get(c.visitorKey) ?? 0) : 0;
          rows.push({
            conversation_id: c.conversationId,
            year: amsterdamYear(c.closedAt),
            closed_at: c.closedAt,
            visitor_key: c.visitorKey ?? null,
            visitor_no: visitorNo,
            codebook_version: c.codebookVersion,
            values_json: JSON.stringify(values),
            packed: asBuffer(this.packing.pack(c.closedAt, visitorNo, values)),
            packed_with: this.codebook.version,
            coder_id: null,
            source: 'import',
            created_at: now,
            updated_at: now,
            updated_by: staffId,
          });
        }
        if (rows.length > 0) {
          for (const year of [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b)) {
            await this.touchYear(trx, year);
            years.add(year);
          }
          await trx.insertInto('codings').values(rows).execute();
        }
        inserted += rows.length;
      });
    }
    if (inserted >= this.blockMinRecords) {
      await this.repackStale();
      for (const year of [...years].sort((a, b) => a - b)) await this.cacheTail(year);
    }
    return { inserted, skipped };
  }

  /** Whether this counsellor has a chat in wrap-up (ended, not yet coded). */
  async hasUncodedEnded(staffId: string): Promise<boolean> {
    const row = await this.db.selectFrom('conversations').select('id').where('counsellor_id', '=', staffId).where('status', '=', 'ended').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** Her ended chats waiting for a primary coding, then second codings assigned to her. */
  async listAwaiting(staffId: string): Promise<AwaitingCoding[]> {
    const ended = await this.db
      .selectFrom('conversations')
      .select(['id', 'language', 'ended_at'])
      .where('counsellor_id', '=', staffId)
      .where('status', '=', 'ended')
      .orderBy('ended_at')
      .execute();
    const second = await this.db
      .selectFrom('second_codings')
      .leftJoin('conversations', 'conversations.id', 'second_codings.conversation_id')
      .select(['second_codings.conversation_id as id', 'conversations.language as language', 'conversations.ended_at as ended_at'])
      .where('second_codings.coder_id', '=', staffId)
      .where('second_codings.coded_at', 'is', null)
      .orderBy('second_codings.assigned_at')
      .execute();
    return [
      ...ended.map((r) => ({ conversationId: r.id, kind: 'primary' as const, language: r.language, endedAt: r.ended_at === null ? null : Number(r.ended_at) })),
      ...second.map((r) => ({ conversationId: r.id, kind: 'second' as const, language: r.language ?? 'nl', endedAt: r.ended_at == null ? null : Number(r.ended_at) })),
    ];
  }

  /** Her own codings, latest edit first (for editing later). */
  async listRecentByCoder(staffId: string, limit = 20): Promise<StoredCoding[]> {
    const rows = await this.db.selectFrom('codings').selectAll().where('coder_id', '=', staffId).orderBy('updated_at', 'desc').limit(limit).execute();
    return rows.map(toCoding);
  }

  /** Assigns up to `size` randomly chosen console codings (by someone else, not yet sampled) to a second coder. */
  async assignSecond(input: { coderId: string; assignedBy: string; size: number; year?: number; now: number }): Promise<string[]> {
    return inTransaction(this.db, async (trx) => {
      let q = trx
        .selectFrom('codings')
        .select('conversation_id')
        .where('source', '=', 'console')
        .where('coder_id', '!=', input.coderId)
        .where('conversation_id', 'not in', trx.selectFrom('second_codings').select('conversation_id'))
        .orderBy(sql`random()`)
        .limit(input.size);
      if (input.year !== undefined) q = q.where('year', '=', input.year);
      const picked = (await q.execute()).map((r) => r.conversation_id);
      if (picked.length > 0) {
        await trx
          .insertInto('second_codings')
          .values(picked.map((id) => ({ conversation_id: id, coder_id: input.coderId, assigned_by: input.assignedBy, assigned_at: input.now, values_json: null, codebook_version: null, coded_at: null })))
          .execute();
      }
      return picked;
    });
  }

  async getSecond(conversationId: string): Promise<SecondCoding | undefined> {
    const r = await this.db.selectFrom('second_codings').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
    if (!r) return undefined;
    return {
      conversationId: r.conversation_id,
      coderId: r.coder_id,
      assignedBy: r.assigned_by,
      assignedAt: Number(r.assigned_at),
      values: r.values_json === null ? null : (JSON.parse(r.values_json) as CodingValues),
      codebookVersion: r.codebook_version,
      codedAt: r.coded_at === null ? null : Number(r.coded_at),
    };
  }

  /** Saves the independent second coding of an assigned conversation; only its assignee may. */
  async saveSecond(input: { conversationId: string; staffId: string; codebookVersion: string; values: CodingValues; now: number }): Promise<{ changedFields: string[] } | undefined> {
    const values = normaliseValues(this.codebook, input.values);
    return inTransaction(this.db, async (trx) => {
      const r = await trx.selectFrom('second_codings').selectAll().where('conversation_id', '=', input.conversationId).where('coder_id', '=', input.staffId).executeTakeFirst();
      if (!r) return undefined;
      const before = r.values_json === null ? {} : (JSON.parse(r.values_json) as CodingValues);
      const changes = diffValues(before, values);
      await trx
        .updateTable('second_codings')
        .set({ values_json: JSON.stringify(values), codebook_version: input.codebookVersion, coded_at: input.now })
        .where('conversation_id', '=', input.conversationId)
        .execute();
      if (r.values_json === null || Object.keys(changes).length > 0) {
        await this.addHistory(trx, input.conversationId, 'second', input.staffId, input.now, r.values_json === null ? 'create' : 'update', input.codebookVersion, changes);
      }
      return { changedFields: Object.keys(changes) };
    });
  }

  /** Conversations coded twice, for Cohen's kappa. */
  async doubleCoded(year?: number): Promise<DoubleCoding[]> {
    let q = this.db
      .selectFrom('second_codings')
      .innerJoin('codings', 'codings.conversation_id', 'second_codings.conversation_id')
      .select(['codings.conversation_id as id', 'codings.values_json as first', 'second_codings.values_json as second'])
      .where('second_codings.values_json', 'is not', null)
      .orderBy('codings.seq');
    if (year !== undefined) q = q.where('codings.year', '=', year);
    const rows = await q.execute();
    return rows.map((r) => ({ conversationId: r.id, first: JSON.parse(r.first) as CodingValues, second: JSON.parse(r.second!) as CodingValues }));
  }

  async sampleStatus(): Promise<{ assigned: number; coded: number }> {
    const r = await this.db
      .selectFrom('second_codings')
      .select([(eb) => eb.fn.countAll<number>().as('assigned'), (eb) => eb.fn.count<number>('coded_at').as('coded')])
      .executeTakeFirstOrThrow();
    return { assigned: Number(r.assigned), coded: Number(r.coded) };
  }

  async years(): Promise<number[]> {
    const rows = await this.db.selectFrom('codings').select('year').distinct().orderBy('year').execute();
    return rows.map((r) => Number(r.year));
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('codings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Re-packs records laid out with another codebook version (after a codebook upgrade). */
  async repackStale(): Promise<number> {
    // Every write packs with this codebook, so stale records only exist from before this process
    // started (a codebook upgrade ships as new code): checking once per process is enough.
    if (this.repack.checked) return 0;
    let repacked = 0;
    for (;;) {
      const rows = await this.db.selectFrom('codings').select(['seq', 'closed_at', 'visitor_no', 'values_json']).where('packed_with', '!=', this.codebook.version).limit(1000).execute();
      if (rows.length === 0) {
        this.repack.checked = true;
        return repacked;
      }
      await inTransaction(this.db, async (trx) => {
        await trx.updateTable('coding_years').set((eb) => ({ generation: eb('generation', '+', 1) })).execute();
        await trx.deleteFrom('coding_blocks').execute();
        for (const r of rows) {
          const packed = asBuffer(this.packing.pack(Number(r.closed_at), r.visitor_no, JSON.parse(r.values_json) as CodingValues));
          await trx.updateTable('codings').set({ packed, packed_with: this.codebook.version }).where('seq', '=', r.seq).execute();
        }
      });
      repacked += rows.length;
    }
  }

  /**
   * Every coding closed in [fromMs, toMs) as one buffer of packed records: year by year, each
   * year in insertion (seq) order, which is all the monitor's tie rule needs (ties are within a
   * year). Each year is read from its cached parts plus the records not in a part yet (the
   * tail), and a tail of at least blockMinRecords is kept as new parts; so a million codings
   * cross the wire as a few dozen large values instead of a million rows.
   */
  async loadPacked(fromMs: number, toMs: number): Promise<PackedCodings> {
    await this.repackStale();
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.loadPackedOnce(fromMs, toMs);
      } catch (error) {
        // Another node dropped a part between our reading the list and the data: read again.
        if (!(error instanceof CacheMovedError) || attempt === 3) throw error;
      }
    }
  }

  private async loadPackedOnce(fromMs: number, toMs: number): Promise<PackedCodings> {
    const fromYear = amsterdamYear(fromMs);
    const toYear = amsterdamYear(toMs - 1);
    const width = this.packing.width;
    // Each year's write counter and newest record first: keepParts relies on this order.
    const heads: { year: number; generation: number; last: number }[] = [];
    for (let year = fromYear; year <= toYear; year += 1) heads.push({ year, ...(await this.yearHead(year)) });
    const list = heads.some((h) => h.last > 0)
      ? await this.db.selectFrom('coding_blocks').select(['year', 'part', 'through_seq', 'count']).where('year', '>=', fromYear).where('year', '<=', toYear).orderBy('year').orderBy('part').execute()
      : [];
    // Lay the years out one after the other, each its parts (numbered in seq order: a new part
    // follows every part of its year, and only the last parts are ever dropped), then its tail.
    const parts = new Map<string, PartSlot>();
    const tails: { year: number; generation: number; through: number; tail: TailChunk[]; offset: number }[] = [];
    let total = 0;
    for (const head of heads) {
      let through = 0;
      for (const p of list) {
        if (Number(p.year) !== head.year) continue;
        const size = Number(p.count) * width;
        parts.set(partKey(head.year, Number(p.part)), { offset: total, size, filled: 0, versions: [] });
        total += size;
        through = Math.max(through, Number(p.through_seq));
      }
      if (head.last <= through) continue;
      const tail = await this.readTail(head.year, through);
      tails.push({ year: head.year, generation: head.generation, through, tail, offset: total });
      for (const chunk of tail) total += chunk.data.byteLength;
    }
    const all = new Uint8Array(total);
    if (parts.size > 0) await this.readPartData(fromYear, toYear, parts, all);
    const yearVersions = new Set<string>();
    for (const slot of parts.values()) {
      if (slot.filled !== slot.size) throw new CacheMovedError();
      for (const v of slot.versions) yearVersions.add(v);
    }
    for (const { tail, offset } of tails) {
      let at = offset;
      for (const chunk of tail) {
        all.set(chunk.data, at);
        at += chunk.data.byteLength;
        for (const v of chunk.versions) yearVersions.add(v);
      }
    }
    for (const t of tails) await this.keepParts(t.year, t.generation, t.through, t.tail);
    // Years are whole; trim records outside [fromMs, toMs) (only when a caller asks for part of a year).
    let data = all;
    const [yearStart] = amsterdamYearBounds(fromYear);
    const [, yearEnd] = amsterdamYearBounds(toYear);
    if (fromMs !== yearStart || toMs !== yearEnd) {
      const view = new DataView(all.buffer, all.byteOffset, all.byteLength);
      const kept = new Uint8Array(total);
      let k = 0;
      for (let off = 0; off < total; off += width) {
        const t = view.getFloat64(off, true);
        if (t >= fromMs && t < toMs) kept.set(all.subarray(off, off + width), (k++) * width);
      }
      data = kept.subarray(0, k * width);
    } else {
      return { data, count: data.byteLength / width, versions: [...yearVersions].sort(), packing: this.packing };
    }
    const versions = await this.db
      .selectFrom('codings')
      .select('codebook_version')
      .distinct()
      .where('year', '>=', fromYear)
      .where('year', '<=', toYear)
      .where('closed_at', '>=', fromMs)
      .where('closed_at', '<', toMs)
      .execute();
    return { data, count: data.byteLength / width, versions: versions.map((v) => v.codebook_version), packing: this.packing };
  }

  /** Reads the year's records not in a cached part yet and keeps them as parts (when there are enough). */
  private async cacheTail(year: number): Promise<void> {
    const head = await this.yearHead(year);
    const top = await this.db.selectFrom('coding_blocks').select((eb) => eb.fn.max('through_seq').as('through')).where('year', '=', year).executeTakeFirstOrThrow();
    const through = top.through == null ? 0 : Number(top.through);
    if (head.last > through) await this.keepParts(year, head.generation, through, await this.readTail(year, through));
  }

  /** The year's write counter (0 before any write) and its newest record's seq (0 without records), both from an index. */
  private async yearHead(year: number): Promise<{ generation: number; last: number }> {
    const row = await this.db
      .selectNoFrom((eb) => [
        eb.selectFrom('coding_years').select('generation').where('year', '=', year).as('generation'),
        eb.selectFrom('codings').select((e) => e.fn.max('seq').as('last')).where('year', '=', year).as('last'),
      ])
      .executeTakeFirstOrThrow();
    return { generation: row.generation == null ? 0 : Number(row.generation), last: row.last == null ? 0 : Number(row.last) };
  }

  /**
   * Copies the data (and versions) of the listed parts into their slots of `into`; parts not
   * listed (kept meanwhile) are skipped, and a listed part that is gone leaves its slot unfilled.
   * On PostgreSQL as raw bytes through COPY, in slices, so no message is larger than a slice.
   */
  private async readPartData(fromYear: number, toYear: number, parts: ReadonlyMap<string, PartSlot>, into: Uint8Array): Promise<void> {
    const place = (slot: PartSlot | undefined, at: number, source: Uint8Array, start: number, length: number): void => {
      if (slot === undefined) return;
      if (at + length > slot.size) throw new CacheMovedError();
      into.set(source.subarray(start, start + length), slot.offset + at);
      slot.filled += length;
    };
    if (this.dialect === 'postgres') {
      const slice = PG_SLICE_BYTES;
      await copyOutRows(
        this.pgPool!,
        `select year, part, g, case when g = 0 then versions end, substring(data from g * ${slice} + 1 for ${slice}) from coding_blocks, generate_series(0, (length(data) - 1) / ${slice}) g where year >= ${sqlInteger(fromYear)} and year <= ${sqlInteger(toYear)}`,
        5,
        (d, start, length) => {
          const slot = parts.get(partKey(readCopyInteger(d, start[0]!, length[0]!), readCopyInteger(d, start[1]!, length[1]!)));
          if (slot !== undefined && length[3]! >= 0) slot.versions = JSON.parse(d.toString('utf8', start[3]!, start[3]! + length[3]!)) as string[];
          place(slot, readCopyInteger(d, start[2]!, length[2]!) * slice, d, start[4]!, length[4]!);
        },
      );
      return;
    }
    const rows = await this.db.selectFrom('coding_blocks').select(['year', 'part', 'versions', 'data']).where('year', '>=', fromYear).where('year', '<=', toYear).execute();
    for (const r of rows) {
      const slot = parts.get(partKey(Number(r.year), Number(r.part)));
      if (slot !== undefined) slot.versions = JSON.parse(r.versions) as string[];
      place(slot, 0, r.data, 0, r.data.byteLength);
    }
  }

  /** The year's records with seq > afterSeq, in seq order, in chunks of blockMaxRecords (the last one shorter). */
  protected async readTail(year: number, afterSeq: number): Promise<TailChunk[]> {
    const width = this.packing.width;
    const max = this.blockMaxRecords;
    if (this.dialect === 'postgres') {
      // One COPY of the rows in whatever order the scan gives (an ORDER BY here can make the
      // server sort a million rows on disk when its statistics are fresh out of an import); the
      // collector puts them in seq order.
      const tail = new TailCollector(width);
      await copyOutRows(this.pgPool!, `select seq, codebook_version, packed from codings where year = ${sqlInteger(year)} and seq > ${sqlInteger(afterSeq)}`, 3, (d, start, length) => {
        const seq = readCopyInteger(d, start[0]!, length[0]!);
        if (length[2] !== width) throw new Error(`coding ${seq} is packed with another width`);
        tail.add(seq, d, start[2]!, d, start[1]!, length[1]!);
      });
      return tail.chunks(max);
    }
    const tail: TailChunk[] = [];
    let after = afterSeq;
    for (;;) {
      const r = await sql<{ n: number; last: number | null; versions: string | null; data: string | null }>`select count(*) as n, max(seq) as last, json_group_array(distinct codebook_version) as versions, group_concat(hex(packed), '' order by seq) as data from (select seq, codebook_version, packed from codings where year = ${year} and seq > ${after} order by seq limit ${max})`.execute(this.db);
      const row = r.rows[0];
      const count = Number(row?.n ?? 0);
      if (count === 0) return tail;
      const data = Buffer.from(row!.data!, 'hex');
      if (data.byteLength !== count * width) throw new Error(`codings of ${year} after ${after} are packed with another width`);
      after = Number(row!.last);
      tail.push({ data, count, lastSeq: after, versions: JSON.parse(row!.versions!) as string[] });
      if (count < max) return tail;
    }
  }

  /**
   * Keeps the leading chunks of a tail as new cached parts: every full chunk, and a last one of
   * at least blockMinRecords. `generation` is the year's write counter read before the tail (and
   * `through` the end of the parts the tail follows). Under the counter row's lock, and only if
   * the counter has not moved since: no write came between (a writer bumps it before writing, so
   * one still in flight holds the lock until it commits, and one after sees and patches these
   * parts), and no other reader kept parts meanwhile (a keep bumps it too).
   */
  private async keepParts(year: number, generation: number, through: number, tail: readonly TailChunk[]): Promise<void> {
    const keep = tail.filter((c) => c.count === this.blockMaxRecords || c.count >= this.blockMinRecords);
    if (keep.length === 0) return;
    await inTransaction(this.db, async (trx) => {
      if (generation === 0) await trx.insertInto('coding_years').values({ year, generation: 0 }).onConflict((oc) => oc.column('year').doNothing()).execute();
      const locked = await trx
        .updateTable('coding_years')
        .set((eb) => ({ generation: eb('generation', '+', 1) }))
        .where('year', '=', year)
        .where('generation', '=', generation)
        .executeTakeFirst();
      if (Number(locked.numUpdatedRows) !== 1) return;
      const top = await trx
        .selectFrom('coding_blocks')
        .select((eb) => [eb.fn.max('part').as('part'), eb.fn.max('through_seq').as('through')])
        .where('year', '=', year)
        .executeTakeFirstOrThrow();
      if ((top.through == null ? 0 : Number(top.through)) !== through) return;
      let part = top.part == null ? 0 : Number(top.part) + 1;
      for (const chunk of keep) {
        await trx
          .insertInto('coding_blocks')
          .values({ year, part: part++, through_seq: chunk.lastSeq, count: chunk.count, versions: JSON.stringify([...chunk.versions].sort()), data: asBuffer(chunk.data) })
          .execute();
      }
    });
  }

  /** Coded conversations (optionally for a range of years) in insertion order, for export. */
  async exportCoded(range: { fromYear?: number; toYear?: number } = {}): Promise<CodedConversation[]> {
    let q = this.db.selectFrom('codings').select(['conversation_id', 'visitor_key', 'closed_at', 'codebook_version', 'values_json']).orderBy('seq');
    if (range.fromYear !== undefined) q = q.where('year', '>=', range.fromYear);
    if (range.toYear !== undefined) q = q.where('year', '<=', range.toYear);
    const rows = await q.execute();
    return rows.map((r) => ({
      conversationId: r.conversation_id,
      ...(r.visitor_key ? { visitorKey: r.visitor_key } : {}),
      closedAt: Number(r.closed_at),
      codebookVersion: r.codebook_version,
      values: JSON.parse(r.values_json) as CodingValues,
    }));
  }
}
