// `npm run rotate-key`: after starting the nodes with MASTER_KEY=new,old, rewrap every data key
// with the new master key; then the old key can be removed from the setting.
import { loadConfig } from '../server/config.js';
import { loadKeyring } from '../server/masterKeys.js';
import { openStore } from '../store/database.js';
import { rotateMasterKey } from '../store/encryption/rotateMasterKey.js';
import { StaffSecurityRepository } from '../store/staffSecurityRepository.js';

const config = loadConfig();
const { keyring, source } = loadKeyring(config);
const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, ...(config.databaseSchema ? { pgSchema: config.databaseSchema } : {}) });
try {
  const result = await rotateMasterKey(store, keyring);
  // Staff TOTP secrets are sealed with a key derived from the master key: rewrap them too.
  const secrets = await new StaffSecurityRepository(store.db, keyring).rewrapSecrets();
  process.stdout.write(
    `Master key ${keyring.current.id} (from ${source}): ${result.rewrapped} data keys rewrapped, ${result.alreadyCurrent} already current; ${secrets} staff TOTP secrets rewrapped.\n` +
      (keyring.all.size > 1 ? 'You can now remove the old key(s) from MASTER_KEY.\n' : ''),
  );
} finally {
  await store.close();
}
