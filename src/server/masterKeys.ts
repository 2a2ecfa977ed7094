// Where the master key comes from. It must never be stored in the database: a dump of the
// database alone then reveals no message text.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import { keyringFrom, type Keyring } from '../store/encryption/envelope.js';

/**
 * MASTER_KEY (base64; several comma-separated during a rotation, the new one first), or
 * MASTER_KEY_FILE, or — for the embedded single-machine default only — `DATA_DIR/master.key`,
 * created on first start with owner-only permissions.
 */
export function loadKeyring(config: Config): { keyring: Keyring; source: string } {
  if (config.masterKey) return { keyring: keyringFrom(decodeKeys(config.masterKey)), source: 'MASTER_KEY' };
  if (config.masterKeyFile) {
    return { keyring: keyringFrom(decodeKeys(fs.readFileSync(config.masterKeyFile, 'utf8'))), source: config.masterKeyFile };
  }
  if (config.databaseUrl) {
    throw new Error('With DATABASE_URL set, give the master key by MASTER_KEY or MASTER_KEY_FILE (the same on every node).');
  }
  if (config.dataDir === ':memory:') return { keyring: keyringFrom([crypto.randomBytes(32)]), source: 'ephemeral' };
  const file = path.join(config.dataDir, 'master.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return { keyring: keyringFrom(decodeKeys(fs.readFileSync(file, 'utf8'))), source: file };
}

function decodeKeys(text: string): Buffer[] {
  return text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((k) => Buffer.from(k, 'base64'));
}
