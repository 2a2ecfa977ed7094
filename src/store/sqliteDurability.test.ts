import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type Generated } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DurableSqliteDialect, noteStatement, WalSync } from './sqliteDurability.js';

interface Db {
  note: { id: Generated<number>; body: string };
}

/** A store over a real SQLite file whose fsyncs the test lets finish one by one. */
function durableStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-wal-'));
  const file = path.join(dir, 'test.sqlite');
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('create table note (id integer primary key, body text not null)');
  const held: Array<() => void> = [];
  const walSync = new WalSync(`${file}-wal`, (fd, done) => {
    expect(fs.fstatSync(fd).ino).toBe(fs.statSync(`${file}-wal`).ino);
    held.push(() => fs.fsync(fd, done));
  });
  const database = {
    close: () => sqlite.close(),
    prepare(query: string) {
      const statement = sqlite.prepare(query);
      noteStatement(walSync, query, statement.reader);
      return statement;
    },
  };
  const db = new Kysely<Db>({ dialect: new DurableSqliteDialect({ database }, walSync) });
  const rows = () => (sqlite.prepare('select count(*) as n from note').get() as { n: number }).n;
  return { db, held, rows, dir };
}

const stores: Array<ReturnType<typeof durableStore>> = [];
afterEach(async () => {
  for (const s of stores.splice(0)) {
    s.held.splice(0).forEach((finish) => finish());
    await s.db.destroy();
    fs.rmSync(s.dir, { recursive: true, force: true });
  }
});

async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 20));
  return done;
}

describe('durable writes on SQLite, synced off the main thread', () => {
  it('lets a write return only after its log is synced, and a read without a sync', async () => {
    const s = durableStore();
    stores.push(s);

    const insert = s.db.insertInto('note').values({ body: 'eerste' }).execute();
    expect(await settled(insert)).toBe(false);
    expect(s.held).toHaveLength(1);
    s.held.shift()!();
    expect(await settled(insert)).toBe(true);

    await s.db.selectFrom('note').selectAll().execute();
    expect(s.held).toHaveLength(0);
  });

  it('syncs a transaction once, after its commit, and lets the next one write meanwhile', async () => {
    const s = durableStore();
    stores.push(s);

    const first = s.db.transaction().execute(async (trx) => {
      await trx.insertInto('note').values({ body: 'a' }).execute();
      await trx.insertInto('note').values({ body: 'b' }).execute();
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(s.held).toHaveLength(1);
    const second = s.db.insertInto('note').values({ body: 'c' }).execute();
    await new Promise((r) => setTimeout(r, 20));
    // The second write ran while the first sync was still on the disk…
    expect(s.rows()).toBe(3);
    expect(await settled(first)).toBe(false);
    expect(await settled(second)).toBe(false);
    // …and waits for a sync that began after it: the first one does not cover it.
    s.held.shift()!();
    expect(await settled(first)).toBe(true);
    expect(await settled(second)).toBe(false);
    expect(s.held).toHaveLength(1);
    s.held.shift()!();
    expect(await settled(second)).toBe(true);
  });

  it('gives a failed sync to the writer as an error, and syncs again next time', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-wal-'));
    const file = path.join(dir, 'x.sqlite');
    const sqlite = new SqliteDatabase(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec('create table note (id integer primary key, body text not null)');
    let fail = true;
    const walSync = new WalSync(`${file}-wal`, (_fd, done) => done(fail ? Object.assign(new Error('EIO'), { code: 'EIO' }) : null));
    await expect(walSync.sync()).rejects.toThrow('EIO');
    fail = false;
    await expect(walSync.sync()).resolves.toBeUndefined();
    walSync.close();
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
