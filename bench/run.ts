// `npm run bench`: every benchmark, a baseline measured in the same run, and the ratios.
// Quick by default (a minute or two); `-- --full` uses the target sizes.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { round } from './latency.js';
import { runRelayBaseline, type LoadResult } from './relayBaseline.js';
import { runBakenLoad, runIdleConnections } from './bakenEndToEnd.js';
import { runMonitorBench } from './monitorBench.js';
import { formatSurge, runSurge } from './surge.js';
import { runCommitBench } from './commitBench.js';

const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    conversations: { type: 'string' },
    seconds: { type: 'string' },
    idle: { type: 'string' },
    rows: { type: 'string' },
    arrivals: { type: 'string' },
    only: { type: 'string' },
  },
});
const conversations = Number(values.conversations ?? (values.full ? 2000 : 200));
const seconds = Number(values.seconds ?? (values.full ? 30 : 8));
const idle = Number(values.idle ?? (values.full ? 15000 : 2000));
const rows = Number(values.rows ?? (values.full ? 1_000_000 : 200_000));
const only = values.only?.split(',');
const wanted = (name: string) => !only || only.includes(name);

const results: Record<string, unknown> = { at: new Date().toISOString(), conversations, seconds, node: process.version };
const table: string[][] = [['benchmark', 'msgs/s', 'p50 ms', 'p99 ms', 'p99.9 ms', 'lost', 'server CPU %', 'server RSS MiB', 'p50 vs relay']];
const line = (name: string, r: LoadResult, baseline?: LoadResult) =>
  table.push([
    name,
    String(round(r.messagesPerSecond, 0)),
    String(round(r.latency.p50)),
    String(round(r.latency.p99)),
    String(round(r.latency.p999)),
    String(r.lost),
    String(round(r.serverCpuPercent, 0)),
    String(round(r.serverRssMiB, 0)),
    baseline ? `${round(r.latency.p50 / baseline.latency.p50, 1)}×` : '1×',
  ]);

console.log(`Baken benchmarks: ${conversations} conversations × 2 senders × 1 msg/s for ${seconds} s`);
const baseline = await runRelayBaseline(conversations, seconds);
results.relay = baseline;
line('1 bare ws relay (baseline)', baseline);
if (wanted('sqlite')) {
  const r = await runBakenLoad({ dialect: 'sqlite', conversations, seconds });
  results.bakenSqlite = r;
  line('2 Baken end to end, SQLite', r, baseline);
}
if (wanted('postgres')) {
  const r = await runBakenLoad({ dialect: 'postgres', conversations, seconds });
  results.bakenPostgres = r;
  line('2 Baken end to end, PostgreSQL', r, baseline);
}
if (wanted('cluster')) {
  const r = await runBakenLoad({ dialect: 'postgres', conversations, seconds, nodes: 3 });
  results.bakenCluster = r;
  line('4 Baken, 3 nodes, PostgreSQL + Redis', r, baseline);
}
console.log(formatTable(table));

if (wanted('idle')) {
  const r = await runIdleConnections(idle);
  results.idle = r;
  console.log(`\n3 idle visitors on one process: ${r.connections} connected, RSS ${round(r.rssMiB, 0)} MiB, ${round(r.kibPerConnection, 1)} KiB per connection`);
  console.log(`  one chat among them: p50 ${round(r.chat.p50)} ms, p99 ${round(r.chat.p99)} ms, max ${round(r.chat.max)} ms, ${r.chat.count} messages, ${r.lost} lost`);
}
if (wanted('surge')) {
  const arrivals = Number(values.arrivals ?? (values.full ? 1000 : 300));
  const r = await runSurge({ dialect: 'sqlite', arrivals, seconds: values.full ? 60 : 20, counsellors: 50, chatsEach: 3, window: values.full ? 100 : 50 });
  results.surge = r;
  console.log(`\n${formatSurge(r)}`);
}
if (wanted('commit')) {
  const [full, pooled] = await runCommitBench();
  results.commit = { full, pooled };
  console.log('\n6 durable commits on SQLite, 4 writers × 5 rows (median of 3):');
  for (const r of [full!, pooled!]) {
    console.log(`  ${r.mode.padEnd(26)} ${round(r.msPerCommit)} ms per commit, event loop delay p99 ${round(r.loopDelayP99Ms)} ms, max ${round(r.loopDelayMaxMs)} ms`);
  }
  console.log(`  event loop p99 ratio: ${round(pooled!.loopDelayP99Ms / full!.loopDelayP99Ms, 2)}×`);
}
if (wanted('monitor')) {
  const r = await runMonitorBench(rows);
  results.monitor = r;
  console.log(`\n5 yearly monitor over ${rows.toLocaleString('en')} coded conversations:`);
  for (const [name, ms] of Object.entries(r.timingsMs)) console.log(`  ${name.padEnd(34)} ${round(ms, 0)} ms`);
}

const file = path.join('bench', 'results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWritten to ${file}`);
process.exit(0);

function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r, i) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ') + (i === 0 ? `\n${'-'.repeat(widths.reduce((a, b) => a + b + 2, -2))}` : '')).join('\n');
}
