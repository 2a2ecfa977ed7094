// Opens throw-away stores for tests: in-memory SQLite, and a fresh schema on the
// PostgreSQL server of this machine (TEST_DATABASE_URL overrides the default).
import crypto from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openStore, type Store } from '../database.js';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export interface TestStoreFactory {
  name: 'sqlite' | 'postgres';
  open(): Promise<Store>;
}

export function testStoreFactories(): TestStoreFactory[] {
  return [
    { name: 'sqlite', open: openTestSqlite },
    { name: 'postgres', open: openTestPostgres },
  ];
}

export async function openTestSqlite(): Promise<Store> {
  const store = await openStore({ dataDir: ':memory:' });
  await migrateToLatest(store);
  return store;
}

export async function openTestPostgres(): Promise<Store> {
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const store = await openStore({ databaseUrl: testDatabaseUrl, pgSchema: schema, poolSize: 4 });
  await migrateToLatest(store);
  const close = store.close;
  return {
    ...store,
    async close() {
      await close();
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Creates an empty PostgreSQL schema for a test server (and drops it afterwards with dropTestSchema). */
export async function createTestSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${schema}"`);
  } finally {
    await client.end();
  }
}

export async function dropTestSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
