// The single table of what each role may do. Everything not listed is denied.
import type { StaffRole } from '../../store/staffRepository.js';
import type { StaffClientToServer } from '../../protocol/staffProtocol.js';

export const permissions = [
  'chat:handle', // see the queue, accept and hold conversations
  'chat:supervise', // see every conversation, the live board
  'staff:manage', // create and change staff accounts
  'reports:read', // the research monitor
  'figures:read', // the service's own figures (waits, abandonment, occupancy): for the coordinator
  'audit:read',
  'codings:write', // code conversations after they end (and second codings assigned to them)
  'codings:assign', // assign a double-coding sample, see agreement per field
  'codings:import', // import coded history (CSV/JSON)
  'toolkit:read', // read snippets and the referral directory (everyone who chats, and who keeps them)
  'toolkit:edit', // add, change, remove, import and export snippets and directory entries
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  counsellor: ['chat:handle', 'codings:write', 'toolkit:read'],
  supervisor: ['chat:handle', 'chat:supervise', 'reports:read', 'figures:read', 'codings:write', 'codings:assign', 'toolkit:read', 'toolkit:edit'],
  researcher: ['reports:read'],
  admin: ['staff:manage', 'audit:read', 'reports:read', 'figures:read', 'codings:import', 'toolkit:read', 'toolkit:edit'],
};

export function can(role: StaffRole, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/**
 * Every staff socket event and the permission it needs, checked before the payload is even
 * read. A new event without an entry here does not compile.
 */
export const staffEventPermissions = {
  'queue:list': 'chat:handle',
  'conversation:mine': 'chat:handle',
  'conversation:accept': 'chat:handle',
  'conversation:resume': 'chat:handle',
  'message:send': 'chat:handle',
  typing: 'chat:handle',
  'conversation:end': 'chat:handle',
  'conversation:decline': 'chat:handle',
  'queue:pullNext': 'chat:handle',
  'status:set': 'chat:handle',
  'conversation:transfer': 'chat:handle',
  'conversation:setPriority': 'chat:supervise',
  'note:add': 'chat:handle',
  'conversation:join': 'chat:supervise',
  'board:get': 'chat:supervise',
  'conversation:warn': 'chat:handle',
  'colleagues:list': 'chat:handle',
} as const satisfies Record<keyof StaffClientToServer, Permission>;
