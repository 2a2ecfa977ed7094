// Many test workers (and, in production, other applications) share one PostgreSQL server.
// Migrating Baken's schema must not depend on what happens to the other schemas meanwhile:
// Kysely's own introspection looked every schema up by name and failed with
// `schema "…" does not exist` when another one was dropped at that moment.
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from './database.js';
import { openTestPostgres, testDatabaseUrl } from './testing/testStores.js';

describe('migrating on a PostgreSQL server where other schemas come and go', () => {
  const churn = new pg.Client({ connectionString: testDatabaseUrl });
  afterAll(() => churn.end());

  it('succeeds every time while another client creates and drops schemas with tables', async () => {
    await churn.connect();
    let stop = false;
    const churning = (async () => {
      while (!stop) {
        const name = `churn_${crypto.randomBytes(6).toString('hex')}`;
        await churn.query(`CREATE SCHEMA "${name}"`);
        await churn.query(
          `CREATE TABLE "${name}".a (id serial primary key, x text); CREATE TABLE "${name}".b (id serial primary key, y text)`,
        );
        await churn.query(`DROP SCHEMA "${name}" CASCADE`);
      }
    })();
    const failures: string[] = [];
    try {
      const store = await openTestPostgres();
      try {
        // Each run looks for the bookkeeping tables again, which is where the lookup failed.
        for (let i = 0; i < 150; i += 1) {
          await migrateToLatest(store).catch((error: unknown) => failures.push(String(error)));
        }
      } finally {
        await store.close();
      }
    } finally {
      stop = true;
      await churning;
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
