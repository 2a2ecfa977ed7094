// TEST-ONLY. A software authenticator for server tests: makes real WebAuthn registration and
// sign-in answers (ES256 keys from node:crypto, attestation format 'none', authenticator data
// and client data built byte by byte) so the server's checks run on genuine signatures. Knobs
// let a test play a phishing site, a cloned key or a stale challenge. Never part of the server.
import crypto from 'node:crypto';

type Cbor = number | string | Uint8Array | Cbor[] | Map<Cbor, Cbor>;

/** The small part of CBOR (RFC 8949) that attestation objects and COSE keys use. */
export function cbor(value: Cbor): Buffer {
  const head = (major: number, n: number): Buffer => {
    if (n < 24) return Buffer.from([(major << 5) | n]);
    if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
    if (n < 0x10000) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(n, 1);
    return b;
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)]);
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest();
const b64url = (data: Buffer | Uint8Array) => Buffer.from(data).toString('base64url');
const flags = { userPresent: 0x01, userVerified: 0x04, attestedData: 0x40 };

interface SoftCredential {
  id: Buffer;
  privateKey: crypto.KeyObject;
  rpId: string;
  counter: number;
}

export interface RegistrationOptionsLike {
  challenge: string;
  rp: { id?: string };
}
export interface RequestOptionsLike {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string }[];
}

export class TestAuthenticator {
  private readonly credentials = new Map<string, SoftCredential>();

  constructor(private readonly origin: string) {}

  /** The id (base64url) of every credential this authenticator made, oldest first. */
  get credentialIds(): string[] {
    return [...this.credentials.keys()];
  }

  /** Answers navigator.credentials.create() for these options, as a browser would send it. */
  register(options: RegistrationOptionsLike, knobs: { origin?: string; challenge?: string } = {}) {
    const rpId = options.rp.id!;
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const jwk = publicKey.export({ format: 'jwk' });
    const coseKey = cbor(
      new Map<Cbor, Cbor>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const id = crypto.randomBytes(32);
    const credentialIdLength = Buffer.alloc(2);
    credentialIdLength.writeUInt16BE(id.length);
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([flags.userPresent | flags.userVerified | flags.attestedData]),
      Buffer.alloc(4), // signature counter 0
      Buffer.alloc(16), // AAGUID: none
      credentialIdLength,
      id,
      coseKey,
    ]);
    const attestationObject = cbor(new Map<Cbor, Cbor>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
    const clientDataJSON = Buffer.from(
      JSON.stringify({ type: 'webauthn.create', challenge: knobs.challenge ?? options.challenge, origin: knobs.origin ?? this.origin, crossOrigin: false }),
    );
    this.credentials.set(b64url(id), { id, privateKey, rpId, counter: 0 });
    return {
      id: b64url(id),
      rawId: b64url(id),
      type: 'public-key' as const,
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
      response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ['internal'] },
    };
  }

  /**
   * Answers navigator.credentials.get(): signs with the first allowed credential it holds (or the
   * one named), counting up like a real authenticator unless a test sets the counter.
   */
  assert(options: RequestOptionsLike, knobs: { credentialId?: string; origin?: string; challenge?: string; counter?: number } = {}) {
    const allowed = options.allowCredentials?.map((c) => c.id) ?? this.credentialIds;
    const id = knobs.credentialId ?? allowed.find((c) => this.credentials.has(c));
    const credential = id ? this.credentials.get(id) : undefined;
    if (!credential) throw new Error('test authenticator: no matching credential');
    credential.counter = knobs.counter ?? credential.counter + 1;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(credential.counter);
    const authData = Buffer.concat([sha256(options.rpId ?? credential.rpId), Buffer.from([flags.userPresent | flags.userVerified]), counter]);
    const clientDataJSON = Buffer.from(
      JSON.stringify({ type: 'webauthn.get', challenge: knobs.challenge ?? options.challenge, origin: knobs.origin ?? this.origin, crossOrigin: false }),
    );
    const signature = crypto.sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), credential.privateKey);
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key' as const,
      clientExtensionResults: {},
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(signature) },
    };
  }
}
