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
    // Byte by byte: a record is a few dozen bytes, where a view per record would cost more than the copy.
    const data = this.data;
    const to = n * this.width;
    for (let b = 0; b < this.width; b += 1) data[to + b] = source[at + b]!;
    this.versionOf[n] = this.versionIndex(versionSource, versionAt, versionLength);
    this.count = n + 1;
  }

  /** A version is nearly always the one before: compare bytes, decode only a new one. */
  private versionIndex(source: Buffer, at: number, length: number): number {
    const same = (k: number): boolean => this.versionBytes[k]!.length === length && source.compare(this.versionBytes[k]!, 0, length, at, at + length) === 0;
    if (this.lastVersion >= 0 && same(this.lastVersion)) return this.lastVersion;
    let k = this.versionBytes.findIndex((_, i) => same(i));
    if (k < 0) {
      k = this.versionBytes.length;
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
    const order = Int32Array.from({ length: n }, (_, i) => i);
    if (!this.sorted) order.sort((a, b) => this.seqs[a]! - this.seqs[b]!);
    const out: TailChunk[] = [];
    for (let first = 0; first < n; first += max) {
      const count = Math.min(max, n - first);
      let data: Uint8Array;
      if (this.sorted) {
        data = this.data.subarray(first * width, (first + count) * width);
      } else {
        data = new Uint8Array(count * width);
        const from = this.data;
        for (let j = 0; j < count; j += 1) {
          const i = order[first + j]! * width;
          const to = j * width;
          for (let b = 0; b < width; b += 1) data[to + b] = from[i + b]!;
        }
      }
      const versions = new Set<number>();
      for (let j = 0; j < count; j += 1) versions.add(this.versionOf[order[first + j]!]!);
      out.push({ data, count, lastSeq: this.seqs[order[first + count - 1]!]!, versions: [...versions].map((v) => this.versionNames[v]!) });
    }
    return out;
  }
}
