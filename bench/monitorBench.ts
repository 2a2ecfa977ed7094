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

async function databaseTimings(store: Store, data: readonly CodedConversation[], log: (s: string) => void): Promise<{ cold: number; load: number; total: number }> {
  const repo = new CodingRepository(store.db, store.dialect);
  const t0 = performance.now();
  await repo.importMany(data, null, Date.now());
  log(`    imported ${data.length} rows in ${Math.round(performance.now() - t0)} ms`);
  const [from] = amsterdamYearBounds(YEAR - 4);
  const [, to] = amsterdamYearBounds(YEAR);
  // Cold: right after the import, the year's read cache is built from the rows (one-off after writes).
  const t1 = performance.now();
  computeMonitorPacked(await repo.loadPacked(from, to), options);
  const cold = performance.now() - t1;
  const load = await median(() => repo.loadPacked(from, to));
  const total = await median(async () => computeMonitorPacked(await repo.loadPacked(from, to), options));
  return { cold, load, total };
}

export async function runMonitorBench(rows: number, log: (s: string) => void = (s) => console.log(s)): Promise<{ rows: number; timingsMs: Record<string, number> }> {
  const timingsMs: Record<string, number> = {};
  log(`  generating ${rows.toLocaleString('en')} synthetic coded conversations…`);
  const data = benchData(rows);
  log(`  ${data.length.toLocaleString('en')} conversations; computing in memory…`);
  timingsMs['in memory, objects (computeMonitor)'] = await median(() => computeMonitor(data, options));
  const packing = new CodingPacking(defaultCodebook);
  const packed = { ...packConversations(packing, data), packing };
  timingsMs['in memory, columnar'] = await median(() => computeMonitorPacked(packed, options));

  log(`  in memory: ${Math.round(timingsMs['in memory, objects (computeMonitor)']!)} ms (objects), ${Math.round(timingsMs['in memory, columnar']!)} ms (columnar); importing into SQLite…`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-monitor-bench-'));
  const sqlite = await openStore({ dataDir: dir });
  try {
    await migrateToLatest(sqlite);
    const r = await databaseTimings(sqlite, data, log);
    timingsMs['SQLite: first report after import'] = r.cold;
    timingsMs['SQLite: load packed codings'] = r.load;
    timingsMs['SQLite: load + compute'] = r.total;
  } finally {
    await sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  try {
    const postgres = await openStore({ databaseUrl: testDatabaseUrl, pgSchema: schema, poolSize: 4 });
    try {
      await migrateToLatest(postgres);
      const r = await databaseTimings(postgres, data, log);
      timingsMs['PostgreSQL: first report after import'] = r.cold;
      timingsMs['PostgreSQL: load packed codings'] = r.load;
      timingsMs['PostgreSQL: load + compute'] = r.total;
    } finally {
      await postgres.close();
    }
  } catch (error) {
    log(`  PostgreSQL skipped: ${(error as Error).message}`);
  } finally {
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
