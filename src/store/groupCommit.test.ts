import { describe, expect, it } from 'vitest';
import { GroupCommit } from './groupCommit.js';
import { openTestSqlite } from './testing/testStores.js';

describe('group commit', () => {
  it('writes messages that arrive together in one transaction and answers each after the commit', async () => {
    const store = await openTestSqlite();
    const transactions = new Set<unknown>();
    const committer = new GroupCommit<number, number>(store.db, async (trx, n) => {
      transactions.add(trx);
      await trx.insertInto('settings').values({ key: `k${n}`, value: String(n), updated_at: n, updated_by: null }).execute();
      return n * 2;
    });
    const results = await Promise.all(Array.from({ length: 100 }, (_, n) => committer.submit(n)));
    expect(results).toEqual(Array.from({ length: 100 }, (_, n) => n * 2));
    expect(transactions.size).toBeLessThanOrEqual(2);
    const stored = await store.db.selectFrom('settings').select('key').execute();
    expect(stored).toHaveLength(100);
    await store.close();
  });

  it('keeps the good items of a batch when one of them fails', async () => {
    const store = await openTestSqlite();
    const committer = new GroupCommit<string, string>(store.db, async (trx, key) => {
      await trx.insertInto('settings').values({ key, value: '1', updated_at: 0, updated_by: null }).execute();
      return key;
    });
    const outcomes = await Promise.allSettled(['a', 'b', 'a', 'c'].map((k) => committer.submit(k)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await store.db.selectFrom('settings').select('key').orderBy('key').execute()).map((r) => r.key)).toEqual(['a', 'b', 'c']);
    await store.close();
  });
});
