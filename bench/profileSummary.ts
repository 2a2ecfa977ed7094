// `tsx bench/profileSummary.ts <file.cpuprofile> [top] [from] [to]`: the functions with the most
// self time in a CPU profile (from BENCH_PROFILE), and the share each one takes, to read without
// DevTools. from/to (seconds before the profile ends) keep only the load, not set-up and shutdown.
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, fromArg, toArg] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx bench/profileSummary.ts <file.cpuprofile> [top] [from] [to]');
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMs = new Map<string, number>();
const packageMs = new Map<string, number>();
let totalMs = 0;
const endMs = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
const fromMs = fromArg ? endMs - Number(fromArg) * 1000 : 0;
const toMs = toArg ? endMs - Number(toArg) * 1000 : endMs;
let atMs = 0;
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  atMs += ms;
  if (atMs < fromMs || atMs > toMs) return;
  const frame = byId.get(id)!.callFrame;
  const where = frame.url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/');
  const name = `${frame.functionName || '(anonymous)'}  ${where}:${frame.lineNumber + 1}`;
  selfMs.set(name, (selfMs.get(name) ?? 0) + ms);
  const pkg = frame.url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? (/\/(dist|src)\//.test(frame.url) ? 'baken' : frame.url ? 'node' : frame.functionName);
  packageMs.set(pkg, (packageMs.get(pkg) ?? 0) + ms);
  totalMs += ms;
});
const show = (m: Map<string, number>, n: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `${((ms / totalMs) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${k}`).join('\n');
console.log(`total ${totalMs.toFixed(0)} ms sampled\n\nby package:\n${show(packageMs, 15)}\n\nby function (self time):\n${show(selfMs, Number(topArg ?? 40))}`);
