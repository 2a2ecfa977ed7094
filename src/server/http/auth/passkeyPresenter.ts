import type { PasskeyDto } from '../../../protocol/passkeyApi.js';
import type { StaffPasskey } from '../../../store/staffPasskeyRepository.js';

/** What leaves the server of a passkey: its name and times; never the key or credential id. */
export function presentPasskey(passkey: StaffPasskey): PasskeyDto {
  return { id: passkey.id, label: passkey.label, createdAt: passkey.createdAt, lastUsedAt: passkey.lastUsedAt };
}
