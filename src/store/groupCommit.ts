// Group commit: messages that arrive while a commit is running are written together in the
// next transaction, so durable throughput is not bounded by one fsync per message. Each
// caller still learns of its message only after the transaction holding it has committed.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<I, O> {
  private queue: Pending<I, O>[] = [];
  private draining = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly write: (trx: Transaction<Database>, item: I) => Promise<O>,
    private readonly maxBatch = 256,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        // Let the rest of this turn's arrivals join the first batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, this.maxBatch));
    } finally {
      this.draining = false;
    }
  }

  private async commit(batch: Pending<I, O>[]): Promise<void> {
    try {
      const results = await this.db.transaction().execute(async (trx) => {
        const out: O[] = [];
        for (const p of batch) out.push(await this.write(trx, p.item));
        return out;
      });
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch {
      // One bad item (say a resend that raced on another node) must not fail the others:
      // the batch rolled back as a whole, so write each on its own.
      for (const p of batch) {
        try {
          p.resolve(await this.db.transaction().execute((trx) => this.write(trx, p.item)));
        } catch (error) {
          p.reject(error);
        }
      }
    }
  }
}
