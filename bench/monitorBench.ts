// Benchmark 5: the yearly monitor over many coded conversations — in memory (objects, and the
// columnar path), and from the database (SQLite file, PostgreSQL): load the packed codings with
// one query, then compute. Each timing is the median of three runs after one warm-up.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { defaultCodebook } from '../src/domain/codebook/defaultCodebook.js';
import type { CodedConversation } from '../src/domain/codebook/codedConversation.js';
import { computeMonitor } from '../src/domain/monitor/computeMonitor.js';
import { CodingPacking, computeMonitorPacked, packConversations } from '../src/domain/monitor/packedCodings.js';
import { amsterdamYearBounds } from '../src/domain/monitor/amsterdamYear.js';
import { synthesizeYear } from '../src/domain/monitor/synth.js';
import { migrateToLatest, openStore, type Store } from '../src/store/database.js';
import { CodingRepository } from '../src/store/codingRepository.js';
import { testDatabaseUrl } from '../src/store/testing/testStores.js';

const YEAR = 2022;
const options = { codebook: defaultCodebook, year: YEAR };

async function median(run: () => Promise<unknown> | unknown, times = 3): Promise<number> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

/** About `rows` synthetic coded conversations of one year (returning visitors included). */
export function benchData(rows: number): CodedConversation[] {
  const data = synthesizeYear(YEAR, { codebook: defaultCodebook, seed: 2022, size: Math.ceil(rows / 1.05) });
  return data.length > rows ? data.slice(0, rows) : data;
}

async function importInto(store: Store, data: readonly CodedConversation[], log: (s: string) => void): Promise<number> {
  const repo = new CodingRepository(store);
  const t0 = performance.now();
  await repo.importMany(data, null, Date.now());
  const ms = performance.now() - t0;
  log(`    imported ${data.length} rows into ${store.dialect} in ${Math.round(ms)} ms`);
  return ms;
}

async function databaseTimings(store: Store): Promise<{ cold: number; load: number; total: number; afterAdd: number; afterEdit: number }> {
  const repo = new CodingRepository(store);
  const [from] = amsterdamYearBounds(YEAR - 4);
  const [yearStart, to] = amsterdamYearBounds(YEAR);
  const report = async () => computeMonitorPacked(await repo.loadPacked(from, to), options);
  // Cold: right after the import, the year's read cache is built from the rows (one-off after writes).
  const t1 = performance.now();
  await report();
  const cold = performance.now() - t1;
  const load = await median(() => repo.loadPacked(from, to));
  const total = await median(report);
  // The first report after one write: a counsellor codes a new chat, or edits an earlier coding
  // (an old one, so inside a cached part). Each run writes once, then reports.
  const afterWrite = async (write: (i: number) => Promise<unknown>): Promise<number> => {
    const ms: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      await write(i);
      const t0 = performance.now();
      await report();
      if (i > 0) ms.push(performance.now() - t0);
    }
    return ms.sort((a, b) => a - b)[1]!;
  };
  const afterAdd = await afterWrite((i) =>
    repo.savePrimary({ conversationId: `bench-new-${i}-${crypto.randomUUID()}`, closedAt: yearStart + 86_400_000 * (10 + i), visitorKey: null, codebookVersion: defaultCodebook.version, values: { contactType: 'victim', traffickingQuestion: 'yes', age: 16, language: 'nl' }, staffId: 'bench', now: Date.now() }),
  );
  const old = await store.db.selectFrom('codings').select(['conversation_id', 'closed_at', 'visitor_key', 'values_json']).where('year', '=', YEAR).orderBy('seq').limit(1).offset(1000).executeTakeFirstOrThrow();
  const oldValues = JSON.parse(old.values_json) as Record<string, unknown>;
  const afterEdit = await afterWrite((i) =>
    repo.savePrimary({ conversationId: old.conversation_id, closedAt: Number(old.closed_at), visitorKey: old.visitor_key, codebookVersion: defaultCodebook.version, values: { ...oldValues, contactType: i % 2 === 0 ? 'victim' : 'third_friend', traffickingQuestion: 'yes' } as never, staffId: 'bench', now: Date.now() }),
  );
  return { cold, load, total, afterAdd, afterEdit };
}

/** The in-memory timings, in a function of their own so nothing here keeps the conversations alive afterwards. */
async function inMemoryTimings(data: readonly CodedConversation[]): Promise<Record<string, number>> {
  const timingsMs: Record<string, number> = {};
  timingsMs['in memory, objects (computeMonitor)'] = await median(() => computeMonitor(data, options));
  const packing = new CodingPacking(defaultCodebook);
  const columnar = { ...packConversations(packing, data), packing };
  timingsMs['in memory, columnar'] = await median(() => computeMonitorPacked(columnar, options));
  return timingsMs;
}

/** BENCH_MONITOR_HOLD=1 keeps the generated conversations alive through the database timings, as this bench did before (a heap no server has). */
let held: unknown = null;

export async function runMonitorBench(rows: number, log: (s: string) => void = (s) => console.log(s)): Promise<{ rows: number; timingsMs: Record<string, number> }> {
  log(`  generating ${rows.toLocaleString('en')} synthetic coded conversations…`);
  let data: CodedConversation[] | null = benchData(rows);
  log(`  ${data.length.toLocaleString('en')} conversations; computing in memory…`);
  const timingsMs = await inMemoryTimings(data);
  if (process.env.BENCH_MONITOR_HOLD) held = data;

  // Import into both databases first, then drop the million objects: a server computing the
  // monitor does not hold them, and a big live heap would make every GC (and the timing) slower.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-monitor-bench-'));
  const sqlite = await openStore({ dataDir: dir });
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  let postgres: Store | null = null;
  try {
    await migrateToLatest(sqlite);
    timingsMs['SQLite: import (one call)'] = await importInto(sqlite, data, log);
    try {
      postgres = await openStore({ databaseUrl: testDatabaseUrl, pgSchema: schema, poolSize: 4 });
      await migrateToLatest(postgres);
      timingsMs['PostgreSQL: import (one call)'] = await importInto(postgres, data, log);
    } catch (error) {
      log(`  PostgreSQL skipped: ${(error as Error).message}`);
      await postgres?.close();
      postgres = null;
    }
    data = null;
    const s = await databaseTimings(sqlite);
    timingsMs['SQLite: first report after import'] = s.cold;
    timingsMs['SQLite: load packed codings'] = s.load;
    timingsMs['SQLite: load + compute'] = s.total;
    timingsMs['SQLite: first report after adding one'] = s.afterAdd;
    timingsMs['SQLite: first report after editing one'] = s.afterEdit;
    if (postgres) {
      const p = await databaseTimings(postgres);
      timingsMs['PostgreSQL: first report after import'] = p.cold;
      timingsMs['PostgreSQL: load packed codings'] = p.load;
      timingsMs['PostgreSQL: load + compute'] = p.total;
      timingsMs['PostgreSQL: first report after adding one'] = p.afterAdd;
      timingsMs['PostgreSQL: first report after editing one'] = p.afterEdit;
    }
  } finally {
    await sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
    await postgres?.close();
    const client = new pg.Client({ connectionString: testDatabaseUrl });
    await client.connect().then(() => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
  return { rows, timingsMs };
}

// `npx tsx bench/monitorBench.ts [rows]` runs only this benchmark.
if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const rows = Number(process.argv[2] ?? 200_000);
  const r = await runMonitorBench(rows);
  for (const [name, ms] of Object.entries(r.timingsMs)) console.log(`  ${name.padEnd(40)} ${Math.round(ms)} ms`);
  process.exit(0);
}
