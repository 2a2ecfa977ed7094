// Benchmark 1: N pairs over a bare ws relay, each side sending one message per second.
import WebSocket from 'ws';
import { firstLine, startNode, stop } from './childProcess.js';
import { LatencyRecorder } from './latency.js';
import { cpuSeconds, rssMiB } from './processStats.js';

export interface LoadResult {
  conversations: number;
  seconds: number;
  messagesPerSecond: number;
  latency: ReturnType<LatencyRecorder['summary']>;
  serverCpuPercent: number;
  serverRssMiB: number;
  lost: number;
}

export async function runRelayBaseline(conversations: number, seconds: number): Promise<LoadResult> {
  const server = startNode(['--import', 'tsx', 'bench/wsRelayServer.ts']);
  const port = Number(await firstLine(server));
  const recorder = new LatencyRecorder();
  const sockets: WebSocket[] = [];
  try {
    for (let i = 0; i < conversations; i++) {
      for (const side of ['a', 'b']) {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/?pair=${i}&side=${side}`);
        ws.on('message', (data) => recorder.record(performance.now() - Number(data.toString().split(' ')[0])));
        sockets.push(ws);
      }
    }
    await Promise.all(sockets.map((ws) => new Promise((r, j) => (ws.readyState === 1 ? r(null) : (ws.once('open', r), ws.once('error', j))))));
    const cpu0 = cpuSeconds(server.pid!);
    let sent = 0;
    const started = performance.now();
    await sendForSeconds(seconds, sockets.length, (i) => {
      sockets[i]!.send(`${performance.now()} relay-benchmark-message`);
      sent++;
    });
    await new Promise((r) => setTimeout(r, 500));
    const elapsed = (performance.now() - started) / 1000;
    return {
      conversations,
      seconds,
      messagesPerSecond: recorder.count / elapsed,
      latency: recorder.summary(),
      serverCpuPercent: ((cpuSeconds(server.pid!) - cpu0) / elapsed) * 100,
      serverRssMiB: rssMiB(server.pid!),
      lost: sent - recorder.count,
    };
  } finally {
    for (const ws of sockets) ws.terminate();
    await stop(server);
  }
}

/** Every sender sends once a second, spread evenly over the second. */
export async function sendForSeconds(seconds: number, senders: number, send: (index: number) => void): Promise<void> {
  const tickMs = 10;
  const perTick = senders / (1000 / tickMs);
  let cursor = 0;
  let carry = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    carry += perTick;
    for (; carry >= 1; carry--) {
      send(cursor);
      cursor = (cursor + 1) % senders;
    }
    await new Promise((r) => setTimeout(r, tickMs));
  }
}
