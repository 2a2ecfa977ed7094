// The monitor's read cache (cached parts per year, see CodingRepository.loadPacked) against the
// straightforward computation, on SQLite and PostgreSQL: whatever mix of imports, new codings,
// edits and reports, the report from the cache is the report computeMonitor gives on the rows,
// and every cached part holds exactly the rows' packed records of its range.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Codebook } from '../domain/codebook/codebookSchema.js';
import type { CodedConversation } from '../domain/codebook/codedConversation.js';
import { defaultCodebook } from '../domain/codebook/defaultCodebook.js';
import { amsterdamYearBounds } from '../domain/monitor/amsterdamYear.js';
import { computeMonitor } from '../domain/monitor/computeMonitor.js';
import { computeMonitorPacked } from '../domain/monitor/packedCodings.js';
import { synthesizeYears } from '../domain/monitor/synth.js';
import { CodingRepository, type CodingRepositoryOptions } from './codingRepository.js';
import type { Store } from './database.js';
import { testStoreFactories } from './testing/testStores.js';

const [from] = amsterdamYearBounds(2018);
const [, to] = amsterdamYearBounds(2022);
const options = { codebook: defaultCodebook, year: 2022 };
/** Small parts, so a few hundred codings make many parts, full and partial. */
const small: CodingRepositoryOptions = { blockMinRecords: 3, blockMaxRecords: 8 };
const pool: CodedConversation[] = synthesizeYears([2021, 2022], { codebook: defaultCodebook, seed: 21, size: 150 });

async function resetCodings(store: Store): Promise<void> {
  for (const table of ['coding_history', 'second_codings', 'codings', 'coding_visitors', 'coding_blocks', 'coding_years'] as const) await store.db.deleteFrom(table).execute();
}

/** The report from the cache equals the straightforward one on the rows. */
async function expectSameReport(repo: CodingRepository): Promise<void> {
  const packed = await repo.loadPacked(from, to);
  expect(computeMonitorPacked(packed, options)).toEqual(computeMonitor(await repo.exportCoded(), options));
}

/** Every cached part holds the packed records of its seq range, in seq order, with their versions; parts are numbered in seq order. */
async function expectPartsMatchRows(store: Store): Promise<void> {
  const parts = await store.db.selectFrom('coding_blocks').selectAll().orderBy('year').orderBy('part').execute();
  const rows = await store.db.selectFrom('codings').select(['year', 'seq', 'packed', 'codebook_version']).orderBy('seq').execute();
  let previous = { year: -1, through: 0 };
  for (const part of parts) {
    const year = Number(part.year);
    const low = previous.year === year ? previous.through : 0;
    const through = Number(part.through_seq);
    expect(through).toBeGreaterThan(low);
    const records = rows.filter((r) => Number(r.year) === year && Number(r.seq) > low && Number(r.seq) <= through);
    expect(Number(part.count)).toBe(records.length);
    expect(Buffer.from(part.data).equals(Buffer.concat(records.map((r) => Buffer.from(r.packed))))).toBe(true);
    expect([...(JSON.parse(part.versions) as string[])].sort()).toEqual([...new Set(records.map((r) => r.codebook_version))].sort());
    previous = { year, through };
  }
}

type Op =
  | { kind: 'import'; n: number }
  | { kind: 'add' }
  | { kind: 'edit'; which: number; valuesFrom: number; version: string }
  | { kind: 'report' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('import' as const), n: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('add' as const) }),
  fc.record({ kind: fc.constant('edit' as const), which: fc.nat(), valuesFrom: fc.nat(), version: fc.constantFrom('1.0.0', '1.1.0') }),
  fc.record({ kind: fc.constant('report' as const) }),
);

describe.each(testStoreFactories())('the monitor read cache on $name', (factory) => {
  let store: Store;
  beforeAll(async () => {
    store = await factory.open();
  });
  afterAll(async () => {
    await store.close();
  });

  it('gives the straightforward report after any mix of imports, new codings, edits and reports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        await resetCodings(store);
        const repo = new CodingRepository(store, small);
        const stored: CodedConversation[] = [];
        let next = 0;
        for (const op of ops) {
          if (op.kind === 'import') {
            const batch = pool.slice(next, next + op.n);
            next += batch.length;
            await repo.importMany(batch, null, 1);
            stored.push(...batch);
          } else if (op.kind === 'add' && next < pool.length) {
            const c = pool[next++]!;
            await repo.savePrimary({ conversationId: c.conversationId, closedAt: c.closedAt, visitorKey: c.visitorKey ?? null, codebookVersion: c.codebookVersion, values: c.values, staffId: 's', now: 2 });
            stored.push(c);
          } else if (op.kind === 'edit' && stored.length > 0) {
            const c = stored[op.which % stored.length]!;
            const values = pool[op.valuesFrom % pool.length]!.values;
            await repo.savePrimary({ conversationId: c.conversationId, closedAt: c.closedAt, visitorKey: c.visitorKey ?? null, codebookVersion: op.version, values, staffId: 's', now: 3 });
          } else if (op.kind === 'report') {
            await expectSameReport(repo);
            await expectPartsMatchRows(store);
          }
        }
        await expectSameReport(repo);
        await expectPartsMatchRows(store);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  /** Runs `during` once, after loadPacked has read a tail from the rows and before it keeps it as parts. */
  class PausingRepository extends CodingRepository {
    during: (() => Promise<void>) | undefined;

    protected override async readTail(year: number, afterSeq: number) {
      const tail = await super.readTail(year, afterSeq);
      const during = this.during;
      this.during = undefined;
      if (during) await during();
      return tail;
    }
  }

  /** Imports without caching: too few records for the importing repository to keep them as parts. */
  const importUncached = (data: readonly CodedConversation[]) => new CodingRepository(store, { blockMinRecords: 10_000, blockMaxRecords: 10_000 }).importMany(data, null, 1);

  it('keeps a large import as cached parts at once', async () => {
    await resetCodings(store);
    const repo = new CodingRepository(store, small);
    await repo.importMany(pool.slice(0, 30), null, 1);
    expect((await store.db.selectFrom('coding_blocks').select('part').execute()).length).toBeGreaterThan(0);
    await expectPartsMatchRows(store);
    await expectSameReport(repo);
  });

  it('does not cache a record that was edited after the reader read it', async () => {
    await resetCodings(store);
    const repo = new PausingRepository(store, small);
    const data = pool.filter((c) => c.closedAt >= amsterdamYearBounds(2022)[0]).slice(0, 20);
    await importUncached(data);
    const edited = data[3]!;
    repo.during = async () => {
      await repo.savePrimary({ conversationId: edited.conversationId, closedAt: edited.closedAt, visitorKey: edited.visitorKey ?? null, codebookVersion: '1.1.0', values: { contactType: 'victim', traffickingQuestion: 'yes', age: 14 }, staffId: 's', now: 4 });
    };
    await repo.loadPacked(from, to);
    expect(repo.during).toBeUndefined();
    await expectPartsMatchRows(store);
    await expectSameReport(repo);
    await expectPartsMatchRows(store);
    expect(await store.db.selectFrom('coding_blocks').select('part').execute()).not.toHaveLength(0);
  });

  it('does not cache a tail twice when another reader kept it first', async () => {
    await resetCodings(store);
    const repo = new PausingRepository(store, small);
    const other = new CodingRepository(store, small);
    await importUncached(pool.slice(0, 40));
    repo.during = async () => {
      await other.loadPacked(from, to);
    };
    await repo.loadPacked(from, to);
    expect(repo.during).toBeUndefined();
    await expectPartsMatchRows(store);
    await expectSameReport(repo);
  });

  it('rebuilds the cache in the new layout after a codebook upgrade, with an edit before the first report', async () => {
    await resetCodings(store);
    const before = new CodingRepository(store, small);
    await before.importMany(pool.slice(0, 60), null, 1);
    await expectSameReport(before); // parts in the old layout
    // A new first field moves every other field's place in a packed record.
    const upgraded = { ...defaultCodebook, version: '2.0.0', fields: [{ id: 'extraCheck', kind: 'boolean', label: { nl: 'Extra', en: 'Extra' }, required: false, allowUnknown: true }, ...defaultCodebook.fields] } as Codebook;
    const repo = new CodingRepository(store, { ...small, codebook: upgraded });
    expect(repo.packing.width).not.toBe(before.packing.width);
    const edited = pool[10]!;
    await repo.savePrimary({ conversationId: edited.conversationId, closedAt: edited.closedAt, visitorKey: edited.visitorKey ?? null, codebookVersion: '2.0.0', values: { ...pool[20]!.values, extraCheck: true }, staffId: 's', now: 6 });
    const upgradedOptions = { codebook: upgraded, year: 2022 };
    expect(computeMonitorPacked(await repo.loadPacked(from, to), upgradedOptions)).toEqual(computeMonitor(await repo.exportCoded(), upgradedOptions));
    await expectPartsMatchRows(store);
  });

  it('drops a damaged part when an edit finds its record out of place, and rebuilds it from the rows', async () => {
    await resetCodings(store);
    const repo = new CodingRepository(store, small);
    const data = pool.filter((c) => c.closedAt >= amsterdamYearBounds(2022)[0]).slice(0, 30);
    await repo.importMany(data, null, 1);
    await repo.loadPacked(from, to);
    const parts = await store.db.selectFrom('coding_blocks').select(['part', 'data']).where('year', '=', 2022).orderBy('part').execute();
    expect(parts.length).toBeGreaterThanOrEqual(3);
    // Swap the first two records of the second part, as a damaged cache would hold them.
    const width = repo.packing.width;
    const damaged = Buffer.from(parts[1]!.data);
    const first = Buffer.from(damaged.subarray(0, width));
    damaged.copy(damaged, 0, width, 2 * width);
    first.copy(damaged, width);
    await store.db.updateTable('coding_blocks').set({ data: damaged }).where('year', '=', 2022).where('part', '=', parts[1]!.part).execute();
    const edited = data[8]!; // the first record of the second part
    await repo.savePrimary({ conversationId: edited.conversationId, closedAt: edited.closedAt, visitorKey: edited.visitorKey ?? null, codebookVersion: '1.0.0', values: { contactType: 'silent' }, staffId: 's', now: 5 });
    expect((await store.db.selectFrom('coding_blocks').select('part').where('year', '=', 2022).execute()).map((p) => p.part)).toEqual([parts[0]!.part]);
    await expectSameReport(repo);
    await expectPartsMatchRows(store);
  });
});
