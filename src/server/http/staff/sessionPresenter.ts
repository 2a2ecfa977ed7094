import type { StaffSessionDto } from '../../../protocol/staffSecurityApi.js';
import type { StaffSession } from '../../../store/sessionRepository.js';
import { sessionHandle } from '../../auth/staffSessions.js';

/** No addresses or browser details are kept for staff sessions either: only times. */
export function presentSession(s: StaffSession, currentSessionId: string): StaffSessionDto {
  return {
    id: sessionHandle(s.id),
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    current: s.id === currentSessionId,
  };
}
