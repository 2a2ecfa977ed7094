// Envelope encryption with AES-256-GCM: each conversation has its own data key; data keys are
// stored only wrapped by a master key that lives outside the database (environment or key file).
// A database dump alone therefore reveals no message text.
import crypto from 'node:crypto';

const algorithm = 'aes-256-gcm';

export interface MasterKey {
  /** Short fingerprint stored beside each wrapped key, so rotation knows which key wrapped it. */
  id: string;
  key: Buffer;
}

/** The current key encrypts; older keys are kept only to unwrap until rotation has run. */
export interface Keyring {
  current: MasterKey;
  all: Map<string, MasterKey>;
}

export function masterKeyFrom(key: Buffer): MasterKey {
  if (key.length !== 32) throw new Error('a master key must be exactly 32 bytes (base64 of 32 random bytes)');
  return { id: crypto.createHash('sha256').update(key).digest('hex').slice(0, 12), key };
}

export function keyringFrom(keys: Buffer[]): Keyring {
  const masters = keys.map(masterKeyFrom);
  const current = masters[0];
  if (!current) throw new Error('no master key');
  return { current, all: new Map(masters.map((m) => [m.id, m])) };
}

export function newDataKey(): Buffer {
  return crypto.randomBytes(32);
}

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv(algorithm, key, iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url')).join('.');
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const [iv, tag, ct] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !ct) throw new Error('malformed ciphertext');
  const decipher = crypto.createDecipheriv(algorithm, key, iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]);
}

/** `keyId:sealed` — the data key wrapped by the current master key, bound to its conversation. */
export function wrapDataKey(keyring: Keyring, dataKey: Buffer, conversationId: string): string {
  return `${keyring.current.id}:${seal(keyring.current.key, dataKey, `dk:${conversationId}`)}`;
}

export function unwrapDataKey(keyring: Keyring, wrapped: string, conversationId: string): Buffer {
  const colon = wrapped.indexOf(':');
  const master = keyring.all.get(wrapped.slice(0, colon));
  if (!master) throw new Error(`data key was wrapped by an unknown master key ${wrapped.slice(0, colon)}`);
  return open(master.key, wrapped.slice(colon + 1), `dk:${conversationId}`);
}

export function wrappedBy(wrapped: string): string {
  return wrapped.slice(0, wrapped.indexOf(':'));
}

/** Text is bound to its conversation (additional data), so ciphertexts cannot be swapped between chats. */
export function encryptText(dataKey: Buffer, text: string, conversationId: string): string {
  return seal(dataKey, Buffer.from(text, 'utf8'), `msg:${conversationId}`);
}

export function decryptText(dataKey: Buffer, sealed: string, conversationId: string): string {
  return open(dataKey, sealed, `msg:${conversationId}`).toString('utf8');
}

/** The visitor's own details (nickname, pre-chat answers, triage reasons) are sealed like her messages, under their own label. */
export function encryptDetails(dataKey: Buffer, json: string, conversationId: string): string {
  return seal(dataKey, Buffer.from(json, 'utf8'), `vd:${conversationId}`);
}

export function decryptDetails(dataKey: Buffer, sealed: string, conversationId: string): string {
  return open(dataKey, sealed, `vd:${conversationId}`).toString('utf8');
}

/** `keyId:sealed` — an installation secret (the return-code pepper, say) wrapped by the current master key. */
export function wrapSecret(keyring: Keyring, secret: Buffer, name: string): string {
  return `${keyring.current.id}:${seal(keyring.current.key, secret, `secret:${name}`)}`;
}

export function unwrapSecret(keyring: Keyring, wrapped: string, name: string): Buffer {
  const colon = wrapped.indexOf(':');
  const master = keyring.all.get(wrapped.slice(0, colon));
  if (!master) throw new Error(`secret ${name} was wrapped by an unknown master key ${wrapped.slice(0, colon)}`);
  return open(master.key, wrapped.slice(colon + 1), `secret:${name}`);
}
