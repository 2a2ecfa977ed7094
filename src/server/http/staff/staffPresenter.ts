import type { StaffMemberDto } from '../../../protocol/staffApi.js';
import type { StaffMember } from '../../../store/staffRepository.js';

export function presentStaff(s: StaffMember): StaffMemberDto {
  return {
    id: s.id,
    username: s.username,
    displayName: s.displayName,
    role: s.role,
    disabled: s.disabled,
    maxChats: s.maxChats,
    languages: s.languages,
    createdAt: s.createdAt,
    mustChangePassword: s.mustChangePassword,
  };
}
