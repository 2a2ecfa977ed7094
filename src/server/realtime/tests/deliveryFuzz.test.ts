// Seeded fuzz of message delivery, in the style of tldraw's sync fuzz: a visitor and a
// counsellor talk through socket pairs the test controls, with random typing, deliveries,
// disconnects, crashes between commit and acknowledgement, and server restarts over the
// same database file. After every step the invariants are checked against the database.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openStore } from '../../../store/database.js';
import { createRepositories, type Repositories } from '../../../store/repositories.js';
import { keyringFrom } from '../../../store/encryption/envelope.js';
import { createAppServices, type AppServices } from '../../../app/appServices.js';
import { TestSocketPair, type TestServerSide } from '../../testing/testSocketPair.js';
import type { StaffMember } from '../../../store/staffRepository.js';

/** Seeds that once found a bug stay here by name, so the bug can never come back unnoticed. */
const regressionSeeds: Record<string, number> = {
  'resend after a crash between commit and ack': 7,
  'restart while both sides have messages pending': 1337,
};

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Server {
  repos: Repositories;
  services: AppServices;
  side: TestServerSide;
  close(): Promise<void>;
}

async function startServer(dir: string, key: Buffer, pairs: () => TestSocketPair[]): Promise<Server> {
  const store = await openStore({ dataDir: dir });
  await migrateToLatest(store);
  const repos = createRepositories(store, keyringFrom([key]));
  const clock = { now: () => Date.now() };
  const services = createAppServices({ repos, clock, log: () => undefined, waitingChatsPerSource: 1000 });
  // Pushes reach the pairs of the conversation, as the broadcaster would send them to its room.
  const side: TestServerSide = {
    messages: services.messages,
    publish(effects) {
      for (const effect of effects) {
        if (effect.type !== 'message.stored') continue;
        for (const pair of pairs()) if (pair.conversationId === effect.message.conversationId) pair.push({ type: 'push', message: effect.message });
      }
    },
  };
  return {
    repos,
    services,
    side,
    async close() {
      services.queue.stop();
      await store.close();
    },
  };
}

async function runSeed(seed: number, steps: number) {
  const random = mulberry32(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-fuzz-'));
  const key = crypto.randomBytes(32);
  let pairs: TestSocketPair[] = [];
  let server = await startServer(dir, key, () => pairs);
  try {
    await server.repos.settings.update({ routingMode: 'manual' }, null, 0);
    const staff: StaffMember = await server.repos.staff.create({ id: crypto.randomUUID(), username: 'c', displayName: 'C', passwordHash: 'x', role: 'counsellor', maxChats: 3, now: 0 });
    const started = await server.services.visitorChats.start({ nickname: undefined, language: 'nl', preChat: undefined, returnCode: undefined, tabToken: undefined, source: undefined, addressBlocked: false });
    const conversation = started.value.chat.conversation;
    await server.services.counsellorChats.accept(staff, conversation.id);
    pairs = [
      new TestSocketPair('visitor', conversation.id, { kind: 'visitor' }, server.side),
      new TestSocketPair('counsellor', conversation.id, { kind: 'staff', staff }, server.side),
    ];
    for (const p of pairs) p.connect();
    let typedCount = 0;
    const log: string[] = [];

    const checkInvariants = async () => {
      const stored = await server.repos.messages.listAfter(conversation.id, 0);
      const byClientId = new Map(stored.map((m) => [m.clientId, m]));
      expect(byClientId.size, 'a message was stored twice').toBe(stored.length);
      expect(stored.map((m) => m.seq), 'sequence numbers have gaps').toEqual(stored.map((_, i) => i + 1));
      for (const pair of pairs) {
        for (const m of pair.client.log.stored) {
          // Shown as sent ⇒ stored, with the same number and text.
          const inDb = byClientId.get(m.clientId);
          expect(inDb, `${pair.name} shows ${m.clientId} as sent but it is not stored`).toBeDefined();
          expect([inDb!.seq, inDb!.body]).toEqual([m.seq, m.body]);
        }
        const shown = new Set(pair.client.log.stored.map((m) => m.clientId));
        for (const p of pair.client.log.pending) expect(shown.has(p.clientId), 'pending and sent at once').toBe(false);
      }
    };

    for (let i = 0; i < steps; i++) {
      const pair = pick(pairs);
      const roll = random();
      if (roll < 0.25) {
        const clientId = `${pair.name}-${typedCount++}`;
        pair.type(clientId, `bericht ${clientId}`, i);
        log.push(`type ${clientId}`);
      } else if (roll < 0.55) {
        await pair.flushToServer();
        log.push(`flush→server ${pair.name}`);
      } else if (roll < 0.8) {
        pair.flushToClient();
        log.push(`flush→client ${pair.name}`);
      } else if (roll < 0.88) {
        pair.disconnect();
        log.push(`disconnect ${pair.name}`);
      } else if (roll < 0.95) {
        pair.connect();
        log.push(`connect ${pair.name}`);
      } else if (roll < 0.98) {
        // Crash right after a commit, before the acknowledgement leaves: the answer is lost.
        await pair.flushToServer();
        for (const p of pairs) p.disconnect();
        await server.close();
        server = await startServer(dir, key, () => pairs);
        for (const p of pairs) p.attach(server.side);
        log.push('crash after commit + restart');
      } else {
        for (const p of pairs) p.disconnect();
        await server.close();
        server = await startServer(dir, key, () => pairs);
        for (const p of pairs) p.attach(server.side);
        log.push('restart');
      }
      try {
        await checkInvariants();
      } catch (error) {
        throw new Error(`seed ${seed}, step ${i} (${log.slice(-5).join(' | ')}): ${(error as Error).message}`);
      }
    }

    // Heal: everyone connects and every frame is delivered until nothing moves.
    for (const p of pairs) p.connect();
    for (let round = 0; round < 1000; round++) {
      let moved = false;
      for (const p of pairs) {
        moved = (await p.flushToServer()) || moved;
        moved = p.flushToClient() || moved;
      }
      if (!moved) break;
    }
    await checkInvariants();
    const final = (await server.repos.messages.listAfter(conversation.id, 0)).map((m) => m.clientId);
    for (const p of pairs) {
      expect(p.client.log.pending, `${p.name} still has unsent messages`).toEqual([]);
      expect(p.client.log.stored.map((m) => m.clientId), `${p.name} did not converge`).toEqual(final);
    }
    expect(final.length).toBe(typedCount);
    return typedCount;
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('delivery under random loss, reconnects and restarts', () => {
  afterEach(() => undefined);

  for (const [name, seed] of Object.entries(regressionSeeds)) {
    it(`regression seed: ${name}`, async () => {
      expect(await runSeed(seed, 150)).toBeGreaterThan(10);
    });
  }

  it('holds the invariants for 12 random seeds', async () => {
    const base = Number(process.env.FUZZ_SEED ?? 20261128);
    for (let s = 0; s < 12; s++) await runSeed(base + s, 120);
  }, 120_000);
});
