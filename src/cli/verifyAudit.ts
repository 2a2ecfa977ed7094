// `npm run verify-audit`: walks the audit log and recomputes its hash chain.
import { loadConfig } from '../server/config.js';
import { openStore } from '../store/database.js';
import { AuditRepository } from '../store/auditRepository.js';

const config = loadConfig();
const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, ...(config.databaseSchema ? { pgSchema: config.databaseSchema } : {}) });
try {
  const verdict = await new AuditRepository(store.db, store.dialect).verifyChain();
  if (verdict.ok) {
    process.stdout.write(`Audit log intact: ${verdict.entries} entries, hash chain unbroken.\n`);
  } else {
    process.stdout.write(`AUDIT LOG TAMPERED at entry ${verdict.brokenAtId}: ${verdict.reason} (${verdict.entries} entries before it are intact).\n`);
    process.exitCode = 1;
  }
} finally {
  await store.close();
}
