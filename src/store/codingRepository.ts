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
import type { Dialect } from './migrations/migrationContext.js';

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
/** A year's uncached tail of at least this many records is kept as a new cached part. */
const BLOCK_MIN_RECORDS = 20_000;

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

export class CodingRepository {
  readonly packing: CodingPacking;
  /** Shared with the transaction views: whether stale cached parts were checked since start. */
  private readonly repack: { checked: boolean };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    readonly codebook: Codebook = defaultCodebook,
    /** A year's uncached tail of at least this many records is kept as a new cached part. */
    private readonly blockMinRecords = BLOCK_MIN_RECORDS,
    shared?: { packing: CodingPacking; repack: { checked: boolean } },
  ) {
    this.packing = shared?.packing ?? new CodingPacking(codebook);
    this.repack = shared?.repack ?? { checked: false };
  }

  /** The same repository writing through a transaction. */
  within(db: Kysely<Database>): CodingRepository {
    return new CodingRepository(db, this.dialect, this.codebook, this.blockMinRecords, { packing: this.packing, repack: this.repack });
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
        const visitorNo = existing.visitor_no;
        const row = await trx
          .updateTable('codings')
          .set({
            values_json: JSON.stringify(values),
            codebook_version: input.codebookVersion,
            packed: asBuffer(this.packing.pack(Number(existing.closed_at), visitorNo, values)),
            packed_with: this.codebook.version,
            updated_at: input.now,
            updated_by: input.staffId,
          })
          .where('conversation_id', '=', input.conversationId)
          .returningAll()
          .executeTakeFirstOrThrow();
        if (Object.keys(changes).length > 0) {
          await this.addHistory(trx, input.conversationId, 'primary', input.staffId, input.now, 'update', input.codebookVersion, changes);
          // An edited record sits inside a cached part: that year's monitor cache is rebuilt on next read.
          await trx.deleteFrom('coding_blocks').where('year', '=', existing.year).execute();
        }
        return { coding: toCoding(row), created: false, changedFields: Object.keys(changes) };
      }
      const visitorNo = input.visitorKey ? await this.visitorNo(trx, input.visitorKey) : 0;
      const row = await trx
        .insertInto('codings')
        .values({
          conversation_id: input.conversationId,
          year: amsterdamYear(input.closedAt),
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
   * returned as skipped (an import never overwrites a coding).
   */
  async importMany(conversations: readonly CodedConversation[], staffId: string | null, now: number): Promise<{ inserted: number; skipped: string[] }> {
    const skipped: string[] = [];
    let inserted = 0;
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
        if (rows.length > 0) await trx.insertInto('codings').values(rows).execute();
        inserted += rows.length;
      });
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
   * year). Each year is read from its cached parts plus the few records added since, so a
   * million codings cross the wire as a handful of large values instead of a million rows.
   */
  async loadPacked(fromMs: number, toMs: number): Promise<PackedCodings> {
    await this.repackStale();
    const fromYear = amsterdamYear(fromMs);
    const toYear = amsterdamYear(toMs - 1);
    const width = this.packing.width;
    const chunks: Uint8Array[] = [];
    const yearVersions = new Set<string>();
    for (let year = fromYear; year <= toYear; year += 1) {
      const loaded = await this.loadYear(year);
      chunks.push(...loaded.chunks);
      for (const v of loaded.versions) yearVersions.add(v);
    }
    const total = chunks.reduce((n, c) => n + c.byteLength, 0);
    let all: Uint8Array;
    if (chunks.length === 1) {
      all = chunks[0]!;
    } else {
      all = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) {
        all.set(c, at);
        at += c.byteLength;
      }
    }
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

  private async loadYear(year: number): Promise<{ chunks: Uint8Array[]; versions: string[] }> {
    const parts =
      this.dialect === 'postgres'
        ? (
            await sql<{ part: number; through_seq: number; versions: string; data: string }>`select part, through_seq, versions, encode(data, 'base64') as data from coding_blocks where year = ${year} order by part`.execute(this.db)
          ).rows.map((p) => ({ ...p, data: Buffer.from(p.data, 'base64') }))
        : await this.db.selectFrom('coding_blocks').select(['part', 'through_seq', 'versions', 'data']).where('year', '=', year).orderBy('part').execute();
    const through = parts.reduce((m, p) => Math.max(m, Number(p.through_seq)), 0);
    const tail = await this.tailSince(year, through);
    const chunks = parts.map((p) => new Uint8Array(p.data.buffer, p.data.byteOffset, p.data.byteLength));
    const versions = new Set<string>(parts.flatMap((p) => JSON.parse(p.versions) as string[]));
    for (const v of tail.versions) versions.add(v);
    if (tail.count > 0) chunks.push(tail.data);
    if (tail.count >= this.blockMinRecords) {
      // Keep the tail as a new part; another node doing the same at once just loses the race.
      await this.db
        .insertInto('coding_blocks')
        .values({ year, part: parts.length === 0 ? 0 : Math.max(...parts.map((p) => Number(p.part))) + 1, through_seq: tail.lastSeq, count: tail.count, versions: JSON.stringify(tail.versions), data: asBuffer(tail.data) })
        .onConflict((oc) => oc.columns(['year', 'part']).doNothing())
        .execute()
        .catch(() => undefined);
    }
    return { chunks, versions: [...versions] };
  }

  private async tailSince(year: number, afterSeq: number): Promise<{ data: Uint8Array; count: number; lastSeq: number; versions: string[] }> {
    const split = (text: string | null): string[] => (text ? text.split(',') : []);
    // The usual case, nothing added since the cache was built, answered from the (year, seq) index.
    const newest = await this.db.selectFrom('codings').select((eb) => eb.fn.max('seq').as('last')).where('year', '=', year).executeTakeFirst();
    if (newest?.last == null || Number(newest.last) <= afterSeq) return { data: new Uint8Array(0), count: 0, lastSeq: afterSeq, versions: [] };
    if (this.dialect === 'postgres') {
      const r = await sql<{ n: number; last: number | null; versions: string | null; data: string | null }>`select count(*) as n, max(seq) as last, string_agg(distinct codebook_version, ',') as versions, encode(string_agg(packed, ''::bytea order by seq), 'base64') as data from codings where year = ${year} and seq > ${afterSeq}`.execute(this.db);
      const row = r.rows[0];
      return { data: row?.data ? Buffer.from(row.data, 'base64') : new Uint8Array(0), count: Number(row?.n ?? 0), lastSeq: Number(row?.last ?? afterSeq), versions: split(row?.versions ?? null) };
    }
    const r = await sql<{ n: number; last: number | null; versions: string | null; data: string | null }>`select count(*) as n, max(seq) as last, group_concat(distinct codebook_version) as versions, group_concat(hex(packed), '' order by seq) as data from codings where year = ${year} and seq > ${afterSeq}`.execute(this.db);
    const row = r.rows[0];
    return { data: row?.data ? Buffer.from(row.data, 'hex') : new Uint8Array(0), count: Number(row?.n ?? 0), lastSeq: Number(row?.last ?? afterSeq), versions: split(row?.versions ?? null) };
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
