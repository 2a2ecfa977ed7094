import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Compare-and-set leases in the database: portable, and safe with any number of nodes. */
export class JobLeaseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async tryAcquire(name: string, holder: string, now: number, ttlMs: number): Promise<boolean> {
    await this.db
      .insertInto('job_leases')
      .values({ name, holder: '', until: 0 })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const taken = await this.db
      .updateTable('job_leases')
      .set({ holder, until: now + ttlMs })
      .where('name', '=', name)
      .where((eb) => eb.or([eb('until', '<', now), eb('holder', '=', holder)]))
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) === 1;
  }
}
