// Opens the database: embedded SQLite by default, a PostgreSQL server when a URL is given.
// Everything above this file sees one Kysely<Database>, whatever the dialect.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, sql, type Transaction } from 'kysely';
import { SchemaScopedPostgresDialect } from './schemaScopedPostgresDialect.js';
import { DurableSqliteDialect, noteStatement, WalSync } from './sqliteDurability.js';
import type { Database } from './schema.js';
import type { Dialect } from './migrations/migrationContext.js';
import { migrationProvider } from './migrations/index.js';

export type { Dialect };

export interface DatabaseOptions {
  /** postgres://… ; when absent, SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** PostgreSQL schema to use (tests isolate themselves this way). */
  pgSchema?: string;
  poolSize?: number;
}

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL schema holding Baken's tables (default public). */
  schema?: string;
  /** The pool under `db` on PostgreSQL, for the few bulk reads Kysely cannot express (COPY; see pgCopyBinary.ts). */
  pgPool?: pg.Pool;
  close(): Promise<void>;
}

// pg returns int8 (bigint) and count(*) as strings; our times fit safely in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export async function openStore(options: DatabaseOptions): Promise<Store> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    if (options.pgSchema) {
      const client = await pool.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.pgSchema}"`);
      } finally {
        client.release();
      }
    }
    const schema = options.pgSchema ?? 'public';
    const db = new Kysely<Database>({ dialect: new SchemaScopedPostgresDialect({ pool }, schema) });
    return { db, dialect: 'postgres', schema, pgPool: pool, close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? './data';
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    file = path.join(dataDir, 'baken.sqlite');
  }
  const sqlite = new SqliteDatabase(file);
  // WAL, and every write's log frames fsynced before its caller goes on (sqliteDurability.ts):
  // an acknowledged message survives a power cut, and the fsync runs off the main thread.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const walSync = file === ':memory:' ? undefined : new WalSync(`${file}-wal`);
  const db = new Kysely<Database>({ dialect: new DurableSqliteDialect({ database: withStatementCache(sqlite, walSync) }, walSync) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

export async function migrateToLatest(store: Store): Promise<void> {
  const migrator = migratorFor(store);
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}

/** For /readyz: the database answers and every known migration has been applied. */
export async function isReady(store: Store): Promise<boolean> {
  try {
    await sql`select 1`.execute(store.db);
    const migrator = migratorFor(store);
    const all = await migrator.getMigrations();
    return all.every((m) => m.executedAt !== undefined);
  } catch {
    return false;
  }
}

function migratorFor(store: Store): Migrator {
  return new Migrator({
    db: store.db,
    provider: migrationProvider({ dialect: store.dialect }),
    // Without this Kysely looks for its bookkeeping tables in every schema it can see.
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
}

/**
 * Kysely prepares every query afresh; preparing costs more than running a small query, and
 * the same few query shapes repeat all the time, so keep the prepared statements.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, walSync: WalSync | undefined) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(query: string) {
      let statement = cache.get(query);
      if (!statement) {
        statement = sqlite.prepare(query);
        if (cache.size < 2000) cache.set(query, statement);
      }
      // Kysely runs what it prepares straight away.
      noteStatement(walSync, query, statement.reader);
      return statement;
    },
  };
}

/**
 * Runs `work` in a transaction of its own, or, when `db` already is one (a repository bound
 * to a use case's transaction), inside that one: the repository's writes then commit with the
 * rest of the use case.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}
