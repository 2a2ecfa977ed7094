// Bench 6: what a durable commit on SQLite costs the event loop. Baseline: synchronous=FULL,
// where SQLite fsyncs inside COMMIT on the main thread; Baken's way (sqliteDurability.ts):
// synchronous=NORMAL plus an fsync of the log on the thread pool before the writer goes on.
// Four writers at once, five rows per transaction, like messages arriving together.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openStore } from '../src/store/database.js';

export interface CommitResult {
  mode: 'in-thread fsync (FULL)' | 'fsync on the thread pool';
  msPerCommit: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

async function once(full: boolean, commits: number): Promise<CommitResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-commit-'));
  const store = await openStore({ dataDir: dir });
  try {
    if (full) await sql`pragma synchronous = FULL`.execute(store.db);
    await sql`create table bench_rows (id integer primary key, body text)`.execute(store.db);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const started = performance.now();
    await Promise.all(
      [0, 1, 2, 3].map(async () => {
        for (let i = 0; i < commits / 4; i++) {
          await store.db.transaction().execute(async (trx) => {
            for (let j = 0; j < 5; j++) await sql`insert into bench_rows (body) values (${'x'.repeat(100)})`.execute(trx);
          });
        }
      }),
    );
    const ms = performance.now() - started;
    delay.disable();
    return {
      mode: full ? 'in-thread fsync (FULL)' : 'fsync on the thread pool',
      msPerCommit: ms / commits,
      loopDelayP99Ms: delay.percentile(99) / 1e6,
      loopDelayMaxMs: delay.max / 1e6,
    };
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Alternates the two, three times each, and keeps each one's median run (by p99 delay). */
export async function runCommitBench(commits = 400): Promise<CommitResult[]> {
  const runs: CommitResult[] = [];
  for (let i = 0; i < 3; i++) runs.push(await once(true, commits), await once(false, commits));
  const median = (mode: CommitResult['mode']) => runs.filter((r) => r.mode === mode).sort((a, b) => a.loopDelayP99Ms - b.loopDelayP99Ms)[1]!;
  return [median('in-thread fsync (FULL)'), median('fsync on the thread pool')];
}
