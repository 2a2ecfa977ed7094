// Benchmark 6: a surge. `arrivals` visitors arrive within `seconds` (after a television item or a
// campaign) while `counsellors` counsellors each take `chatsEach` chats by accepting the offers
// automatic routing makes them. Printed per window of arrivals, against the queue length then:
// how many messages one arrival caused (counted where they land: every socket the load
// generator holds), the server's routing-step time (its own histogram, between two scrapes of
// /metrics), and each visitor's time from "start" to her first place on screen.
import { io, type Socket } from 'socket.io-client';
import { startBaken } from './bakenEndToEnd.js';
import { LatencyRecorder, round } from './latency.js';

export interface SurgeWindow {
  arrivals: number;
  queueLength: number;
  messagesPerArrival: number;
  routingStepMs: number;
}

export interface SurgeResult {
  arrivals: number;
  seconds: number;
  counsellors: number;
  windows: SurgeWindow[];
  firstPosition: ReturnType<LatencyRecorder['summary']>;
  refused: number;
}

function connect(url: string, namespace: string, options: Record<string, unknown>): Promise<Socket> {
  const socket = io(`${url}${namespace}`, { transports: ['websocket'], forceNew: true, reconnection: false, ...options });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Sum and count of a Prometheus histogram, read from the text format. */
function histogram(text: string, name: string): { sum: number; count: number } {
  const value = (key: string) => Number(text.split('\n').find((l) => l.startsWith(`${key} `))?.split(' ')[1] ?? 0);
  return { sum: value(`${name}_sum`), count: value(`${name}_count`) };
}

export async function runSurge(options: { dialect: 'sqlite' | 'postgres'; arrivals: number; seconds: number; counsellors: number; chatsEach: number; window: number }): Promise<SurgeResult> {
  const target = await startBaken({ dialect: options.dialect, counsellors: options.counsellors, routingMode: 'automatic', maxChats: options.chatsEach });
  const sockets: Socket[] = [];
  let received = 0;
  const count = (socket: Socket) => socket.onAny(() => received++);
  try {
    // The counsellors open their consoles and take every offer made to them.
    await Promise.all(
      target.counsellors.map(async (c) => {
        const socket = await connect(target.url, '/staff', { extraHeaders: { cookie: c.cookie } });
        sockets.push(socket);
        count(socket);
        socket.on('offer', ({ item }: { item: { conversationId: string } }) => {
          void socket.timeout(10_000).emitWithAck('conversation:accept', { conversationId: item.conversationId }).catch(() => undefined);
        });
      }),
    );
    await new Promise((r) => setTimeout(r, 500));
    const firstPosition = new LatencyRecorder();
    const windows: SurgeWindow[] = [];
    let refused = 0;
    let taken = 0;
    let windowStart = { received, step: histogram(await (await fetch(target.metricsUrls[0]!)).text(), 'baken_routing_step_seconds') };
    const gap = (options.seconds * 1000) / options.arrivals;
    const started = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < options.arrivals; i++) {
      const due = started + i * gap;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(
        (async () => {
          const socket = await connect(target.url, '/visitor', {});
          sockets.push(socket);
          count(socket);
          const t0 = performance.now();
          // Her first place on screen: the position push, or straight away an offer or a counsellor.
          let counted = false;
          const seen = new Promise<void>((resolve) => {
            socket.once('chat:queue', () => resolve());
            socket.on('chat:state', (c: { status: string }) => {
              if (c.status === 'active' && !counted) {
                counted = true;
                taken++;
              }
              if (c.status !== 'waiting') resolve();
            });
          });
          const ack = (await socket.timeout(30_000).emitWithAck('chat:start', { language: 'nl' })) as { ok: boolean };
          if (!ack.ok) {
            refused++;
            return;
          }
          await seen;
          firstPosition.record(performance.now() - t0);
        })(),
      );
      if ((i + 1) % options.window === 0) {
        await Promise.all(pending.splice(0));
        await new Promise((r) => setTimeout(r, 50));
        const step = histogram(await (await fetch(target.metricsUrls[0]!)).text(), 'baken_routing_step_seconds');
        const steps = step.count - windowStart.step.count;
        windows.push({
          arrivals: i + 1,
          queueLength: i + 1 - refused - taken,
          messagesPerArrival: (received - windowStart.received) / options.window,
          routingStepMs: steps > 0 ? ((step.sum - windowStart.step.sum) / steps) * 1000 : NaN,
        });
        windowStart = { received, step };
      }
    }
    await Promise.all(pending);
    return { arrivals: options.arrivals, seconds: options.seconds, counsellors: options.counsellors, windows, firstPosition: firstPosition.summary(), refused };
  } finally {
    for (const s of sockets) s.disconnect();
    await target.close();
  }
}

export function formatSurge(r: SurgeResult): string {
  const lines = [
    `6 surge: ${r.arrivals} visitors in ${r.seconds} s, ${r.counsellors} counsellors taking offers (${r.refused} refused)`,
    '  arrivals  queue  msgs/arrival  routing step ms',
    ...r.windows.map((w) => `  ${String(w.arrivals).padStart(8)}  ${String(w.queueLength).padStart(5)}  ${String(round(w.messagesPerArrival, 1)).padStart(12)}  ${String(round(w.routingStepMs, 2)).padStart(15)}`),
    `  start → first place on screen: p50 ${round(r.firstPosition.p50)} ms, p99 ${round(r.firstPosition.p99)} ms, max ${round(r.firstPosition.max)} ms`,
  ];
  return lines.join('\n');
}
