// The records of a year not in a cached part yet (its tail), collected from rows that may come
// in any order, and handed out in seq order in chunks of a given size (see CodingRepository).

/** Consecutive records of a year's tail, in seq order. */
export interface TailChunk {
  data: Uint8Array;
  count: number;
  lastSeq: number;
  versions: string[];
}

export class TailCollector {
  private data = new Uint8Array(0);
  private seqs = new Float64Array(1024);
  private versionOf = new Int32Array(1024);
  private readonly versionBytes: Buffer[] = [];
  private readonly versionNames: string[] = [];
  private lastVersion = -1;
  private sorted = true;
  count = 0;

  constructor(readonly width: number) {}

  /** Adds one record: `width` bytes of `source` from `at`; its codebook version is `versionLength` bytes (UTF-8) from `versionAt`. */
  add(seq: number, source: Uint8Array, at: number, versionSource: Buffer, versionAt: number, versionLength: number): void {
    const n = this.count;
    if (n === this.seqs.length) {
      const seqs = new Float64Array(n * 2);
      seqs.set(this.seqs);
      this.seqs = seqs;
      const versionOf = new Int32Array(n * 2);
      versionOf.set(this.versionOf);
      this.versionOf = versionOf;
    }
    if ((n + 1) * this.width > this.data.length) {
      const data = new Uint8Array(Math.max(1024, this.data.length * 2, (n + 1) * this.width));
      data.set(this.data.subarray(0, n * this.width));
      this.data = data;
    }
    if (n > 0 && seq <= this.seqs[n - 1]!) this.sorted = false;
    this.seqs[n] = seq;
    this.data.set(source.subarray(at, at + this.width), n * this.width);
    this.versionOf[n] = this.versionIndex(versionSource, versionAt, versionLength);
    this.count = n + 1;
  }

  /** A version is nearly always the one before: compare bytes, decode only a new one. */
  private versionIndex(source: Buffer, at: number, length: number): number {
    if (this.lastVersion >= 0 && sameBytes(this.versionBytes[this.lastVersion]!, source, at, length)) return this.lastVersion;
    let k = 0;
    while (k < this.versionBytes.length && !sameBytes(this.versionBytes[k]!, source, at, length)) k += 1;
    if (k === this.versionBytes.length) {
      this.versionBytes.push(Buffer.from(source.subarray(at, at + length)));
      this.versionNames.push(source.toString('utf8', at, at + length));
    }
    this.lastVersion = k;
    return k;
  }

  /** The records in seq order, in chunks of `max` (the last one shorter). */
  chunks(max: number): TailChunk[] {
    const n = this.count;
    const width = this.width;
    const order = this.sorted ? identity(n) : sortedOrder(this.seqs, n);
    const out: TailChunk[] = [];
    for (let first = 0; first < n; first += max) {
      const count = Math.min(max, n - first);
      let data: Uint8Array;
      if (this.sorted) {
        data = this.data.subarray(first * width, (first + count) * width);
      } else {
        data = new Uint8Array(count * width);
        for (let j = 0; j < count; j += 1) {
          const i = order[first + j]! * width;
          data.set(this.data.subarray(i, i + width), j * width);
        }
      }
      const versions = new Set<number>();
      for (let j = 0; j < count; j += 1) versions.add(this.versionOf[order[first + j]!]!);
      out.push({ data, count, lastSeq: this.seqs[order[first + count - 1]!]!, versions: [...versions].map((v) => this.versionNames[v]!) });
    }
    return out;
  }
}

function sameBytes(known: Buffer, source: Buffer, at: number, length: number): boolean {
  if (known.length !== length) return false;
  for (let i = 0; i < length; i += 1) if (known[i] !== source[at + i]) return false;
  return true;
}

function identity(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  return order;
}

/**
 * Indices 0..n-1 ordered by seqs (distinct integers). Seqs below 2^32 (all of them in practice)
 * go through a two-pass radix sort, linear in n; others through a comparison sort.
 */
export function sortedOrder(seqs: Float64Array, n: number): Int32Array {
  let max = 0;
  for (let i = 0; i < n; i += 1) if (seqs[i]! > max) max = seqs[i]!;
  if (max >= 2 ** 32) return identity(n).sort((a, b) => seqs[a]! - seqs[b]!);
  let from: Int32Array = identity(n);
  let to: Int32Array = new Int32Array(n);
  const counts = new Int32Array(65_537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i += 1) counts[((seqs[i]! >>> shift) & 0xffff) + 1]! += 1;
    for (let d = 1; d <= 65_536; d += 1) counts[d]! += counts[d - 1]!;
    for (let j = 0; j < n; j += 1) {
      const i = from[j]!;
      to[counts[(seqs[i]! >>> shift) & 0xffff]!++] = i;
    }
    [from, to] = [to, from];
  }
  return from;
}
