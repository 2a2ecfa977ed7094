// The single table of what each role may do. Everything not listed is denied.
import type { StaffRole } from '../../store/staffRepository.js';

export const permissions = [
  'chat:handle', // see the queue, accept and hold conversations
  'chat:supervise', // see every conversation, the live board
  'staff:manage', // create and change staff accounts
  'reports:read', // the research monitor
  'audit:read',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  counsellor: ['chat:handle'],
  supervisor: ['chat:handle', 'chat:supervise', 'reports:read'],
  researcher: ['reports:read'],
  admin: ['staff:manage', 'audit:read', 'reports:read'],
};

export function can(role: StaffRole, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
