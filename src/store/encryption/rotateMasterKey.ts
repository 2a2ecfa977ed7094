// Rewraps every conversation's data key with the keyring's current master key. Message texts
// are not touched: only the small wrapped keys change, so rotation is quick and safe to re-run.
import type { Store } from '../database.js';
import { InstallationSecretRepository } from '../installationSecretRepository.js';
import { unwrapDataKey, wrapDataKey, wrappedBy, type Keyring } from './envelope.js';

export async function rotateMasterKey(store: Store, keyring: Keyring): Promise<{ rewrapped: number; alreadyCurrent: number }> {
  let rewrapped = 0;
  let alreadyCurrent = 0;
  let afterId = '';
  for (;;) {
    const rows = await store.db
      .selectFrom('conversations')
      .select(['id', 'wrapped_key'])
      .where('id', '>', afterId)
      .where('wrapped_key', '!=', '')
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) {
      // The installation's own secrets (the return-code pepper) are wrapped the same way.
      const secrets = await new InstallationSecretRepository(store.db, keyring).rewrapAll();
      return { rewrapped: rewrapped + secrets.rewrapped, alreadyCurrent: alreadyCurrent + secrets.alreadyCurrent };
    }
    await store.db.transaction().execute(async (trx) => {
      for (const row of rows) {
        if (wrappedBy(row.wrapped_key) === keyring.current.id) {
          alreadyCurrent++;
          continue;
        }
        const key = unwrapDataKey(keyring, row.wrapped_key, row.id);
        await trx.updateTable('conversations').set({ wrapped_key: wrapDataKey(keyring, key, row.id) }).where('id', '=', row.id).execute();
        rewrapped++;
      }
    });
    afterId = rows.at(-1)!.id;
  }
}
