import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './database.js';
import { CopyRowParser, copyOutRows, readCopyInteger } from './pgCopyBinary.js';
import { openTestPostgres } from './testing/testStores.js';

/** A binary COPY stream as PostgreSQL writes it (no header extension). */
function copyStream(rows: readonly (readonly (Uint8Array | null)[])[]): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)];
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count);
    for (const field of row) {
      const length = Buffer.alloc(4);
      length.writeInt32BE(field === null ? -1 : field.length);
      parts.push(length);
      if (field !== null) parts.push(Buffer.from(field));
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

const collect = (columns: number) => {
  const rows: (Buffer | null)[][] = [];
  const parser = new CopyRowParser(columns, (d, start, length) => {
    rows.push(Array.from(start, (s, c) => (length[c]! < 0 ? null : Buffer.from(d.subarray(s, s + length[c]!)))));
  });
  return { rows, parser };
};

describe('reading a binary COPY stream', () => {
  it('gives every row, NULLs included, however the stream is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((columns) =>
          fc.tuple(fc.constant(columns), fc.array(fc.array(fc.option(fc.uint8Array({ maxLength: 40 }), { nil: null }), { minLength: columns, maxLength: columns }), { maxLength: 20 })),
        ),
        fc.array(fc.nat(), { maxLength: 12 }),
        ([columns, rows], cuts) => {
          const stream = copyStream(rows);
          const { rows: got, parser } = collect(columns);
          const at = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
          let from = 0;
          for (const to of [...at, stream.length]) {
            // Each chunk is handed over in a buffer that is scribbled over afterwards, as pg reuses its read buffer.
            const chunk = Buffer.from(stream.subarray(from, to));
            parser.push(chunk);
            chunk.fill(0xee);
            from = to;
          }
          expect(parser.finish()).toBe(rows.length);
          expect(got).toEqual(rows.map((r) => r.map((f) => (f === null ? null : Buffer.from(f)))));
        },
      ),
    );
  });

  it('refuses a stream that stops early or is not a COPY stream', () => {
    const stream = copyStream([[Buffer.from('abc')], [Buffer.from('de')]]);
    const cut = collect(1);
    cut.parser.push(stream.subarray(0, stream.length - 3));
    expect(() => cut.parser.finish()).toThrow(/truncated/);
    expect(() => collect(1).parser.push(Buffer.from('not a copy stream at all'))).toThrow(/not a binary COPY/);
    expect(() => collect(2).parser.push(stream)).toThrow(/columns/);
  });
});

describe('COPY from PostgreSQL', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestPostgres();
  });
  afterAll(async () => {
    await store.close();
  });

  it('brings back integers, text and bytes exactly, large values and NULLs included', async () => {
    const big = crypto.randomBytes(700_000);
    const rows: { id: number; big: number; text: string; bytes: Buffer | null }[] = [];
    const count = await copyOutRows(
      store.pgPool!,
      `select g::int4, g::int8 * 1000000000000, 'é ' || g, case when g % 3 = 0 then null when g = 7 then decode('${big.toString('hex')}', 'hex') else decode(lpad(to_hex(g), 8, '0') || '00ff', 'hex') end from generate_series(1, 3000) g`,
      4,
      (d, start, length) => {
        rows.push({
          id: readCopyInteger(d, start[0]!, length[0]!),
          big: readCopyInteger(d, start[1]!, length[1]!),
          text: d.toString('utf8', start[2]!, start[2]! + length[2]!),
          bytes: length[3]! < 0 ? null : Buffer.from(d.subarray(start[3]!, start[3]! + length[3]!)),
        });
      },
    );
    expect(count).toBe(3000);
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    for (const r of rows) {
      expect(r.big).toBe(r.id * 1_000_000_000_000);
      expect(r.text).toBe(`é ${r.id}`);
      if (r.id % 3 === 0) expect(r.bytes).toBeNull();
      else if (r.id === 7) expect(r.bytes!.equals(big)).toBe(true);
      else expect(r.bytes!.toString('hex')).toBe(`${r.id.toString(16).padStart(8, '0')}00ff`);
    }
  });

  it('rejects on an SQL error, and the pool keeps working', async () => {
    await expect(copyOutRows(store.pgPool!, 'select 1 / (g - 3) from generate_series(1, 5) g', 1, () => undefined)).rejects.toThrow(/division by zero/);
    let n = 0;
    await copyOutRows(store.pgPool!, 'select 1', 1, () => (n += 1));
    expect(n).toBe(1);
  });
});
