import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { checkPassword } from './passwordPolicy.js';

// argon2id with OWASP's recommended minimum cost (19 MiB, 2 iterations); ~20 ms here.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist costs the same time as a real
// check, so response time does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-just-for-timing');
  return dummyHash;
}

export const passwordPolicy = { minLength: 12, maxLength: 256 } as const;

// No look-alikes (0/O, 1/l/I), so a password read out or copied from paper still works.
const temporaryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A temporary password for an administrator's reset, like `k7mq-3xwp-9rta-hh2c` (about 79 bits). */
export function newTemporaryPassword(): string {
  for (;;) {
    const chars = Array.from(crypto.randomBytes(16), (b) => temporaryAlphabet[b % temporaryAlphabet.length]).join('');
    const candidate = chars.match(/.{4}/g)!.join('-');
    if (!checkPassword(candidate)) return candidate;
  }
}
