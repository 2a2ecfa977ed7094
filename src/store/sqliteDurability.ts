// Durable commits on SQLite without stopping the chat for the disk. With synchronous=FULL,
// better-sqlite3 fsyncs the write-ahead log inside COMMIT on the main thread: about 3 ms here,
// during which no socket is served. Instead SQLite runs with synchronous=NORMAL (in WAL mode a
// commit then writes its frames without syncing; the log is still synced before each
// checkpoint, and its header when it is reused) and this file fsyncs the log on libuv's
// thread pool after every write, before the caller hears that its write is done. The frames
// of that commit are then on disk, as with FULL, and other work runs while the disk works.
import fs from 'node:fs';
import path from 'node:path';
import { SqliteDialect, type DatabaseConnection, type Driver, type SqliteDialectConfig, type TransactionSettings, type QueryCompiler } from 'kysely';

type Fsync = (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void;

/**
 * One fsync at a time; a caller waits for a sync that began after it asked, so it covers the
 * caller's commit. Callers arriving during a sync share the next one.
 */
export class WalSync {
  private fd: number | undefined;
  private running: Promise<void> | undefined;
  private next: Promise<void> | undefined;
  /** The connection's present holder has run a write (reset when the connection is handed out). */
  dirty = false;

  constructor(
    private readonly walPath: string,
    private readonly fsync: Fsync = fs.fsync,
  ) {}

  sync(): Promise<void> {
    if (!this.running) return this.run();
    const after = () => {
      this.next = undefined;
      return this.run();
    };
    this.next ??= this.running.then(after, after);
    return this.next;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  private run(): Promise<void> {
    const synced = new Promise<void>((resolve, reject) => {
      const fd = this.open();
      if (fd === undefined) resolve();
      else this.fsync(fd, (error) => (error ? reject(error) : resolve()));
    });
    const running: Promise<void> = synced.finally(() => {
      if (this.running === running) this.running = undefined;
    });
    this.running = running;
    return running;
  }

  private open(): number | undefined {
    if (this.fd === undefined) {
      try {
        this.fd = fs.openSync(this.walPath, 'r');
        // The log's name in its folder must survive a power cut too (once: it stays while open).
        const folder = fs.openSync(path.dirname(this.walPath), 'r');
        try {
          fs.fsyncSync(folder);
        } finally {
          fs.closeSync(folder);
        }
      } catch (error) {
        // No log yet: nothing was written, so there is nothing to sync.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    }
    return this.fd;
  }
}

/** Statements that change nothing on their own (a transaction's commit is what counts). */
const notAWrite = /^\s*(?:begin|rollback|savepoint|release)\b/i;

/** Whether a prepared statement about to run writes: called by the statement cache. */
export function noteStatement(walSync: WalSync | undefined, sql: string, reader: boolean): void {
  if (walSync && !reader && !notAWrite.test(sql)) walSync.dirty = true;
}

/** Kysely's SQLite dialect, whose connection is handed back only after its writes are on disk. */
export class DurableSqliteDialect extends SqliteDialect {
  constructor(
    config: SqliteDialectConfig,
    private readonly walSync: WalSync | undefined,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    const inner = super.createDriver();
    return this.walSync ? new DurableDriver(inner, this.walSync) : inner;
  }
}

class DurableDriver implements Driver {
  private inTransaction = false;

  constructor(
    private readonly inner: Driver,
    private readonly walSync: WalSync,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    this.walSync.dirty = false;
    return connection;
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    this.inTransaction = true;
    return this.inner.beginTransaction(connection, settings);
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.inner.commitTransaction(connection);
    this.inTransaction = false;
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.inner.rollbackTransaction(connection);
    this.inTransaction = false;
  }
  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.inner.savepoint!(connection, name, compile);
  }
  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.inner.rollbackToSavepoint!(connection, name, compile);
  }
  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.inner.releaseSavepoint!(connection, name, compile);
  }
  /**
   * The connection goes back first (the next transaction may start while the disk works),
   * then the caller waits for its writes to be synced.
   */
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const mustSync = this.walSync.dirty && !this.inTransaction;
    await this.inner.releaseConnection(connection);
    if (mustSync) await this.walSync.sync();
  }
  async destroy(): Promise<void> {
    await this.inner.destroy();
    this.walSync.close();
  }
}
