import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TailCollector } from './packedTail.js';

const WIDTH = 5;

describe('collecting a tail of packed records', () => {
  it('hands records out in seq order, in chunks, with the versions of each chunk, whatever order they came in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 2 ** 32 - 1 }), fc.integer({ min: 2 ** 32, max: 2 ** 40 })), { minLength: 0, maxLength: 300 }),
        fc.func(fc.constantFrom('1.0.0', '1.1.0', '2.0.0-é')),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (seqs, versionOf, max, shuffle) => {
          const arrival = shuffle ? [...seqs] : [...seqs].sort((a, b) => a - b);
          const record = (seq: number) => Uint8Array.from({ length: WIDTH }, (_, b) => Math.floor(seq / 256 ** (b % 6)) & 0xff);
          const collector = new TailCollector(WIDTH);
          for (const seq of arrival) {
            // Each record and version sits somewhere inside a larger buffer, as in a COPY stream.
            const row = Buffer.concat([Buffer.from([9, 9]), record(seq), Buffer.from(versionOf(seq), 'utf8')]);
            collector.add(seq, row, 2, row, 2 + WIDTH, row.length - 2 - WIDTH);
          }
          const sorted = [...seqs].sort((a, b) => a - b);
          const chunks = collector.chunks(max);
          expect(chunks.map((c) => c.count)).toEqual(Array.from({ length: Math.ceil(sorted.length / max) }, (_, i) => Math.min(max, sorted.length - i * max)));
          chunks.forEach((chunk, i) => {
            const mine = sorted.slice(i * max, i * max + chunk.count);
            expect(Buffer.from(chunk.data).equals(Buffer.concat(mine.map(record)))).toBe(true);
            expect(chunk.lastSeq).toBe(mine[mine.length - 1]);
            expect([...chunk.versions].sort()).toEqual([...new Set(mine.map((s) => versionOf(s)))].sort());
          });
        },
      ),
    );
  });
});
