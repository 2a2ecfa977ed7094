// Who may do what with one conversation, in one place. Role permissions (the table in
// server/auth/permissions.ts) say what a role may do at all; these say whether this person may
// do it to this chat: the counsellor who holds it, or a supervisor.
import type { Conversation } from '../../store/conversationRepository.js';
import type { StaffMember } from '../../store/staffRepository.js';
import { ServiceError } from '../serviceError.js';

/** The role facts the policies need, passed in so the application layer does not know the role table. */
export interface StaffCapabilities {
  supervises: boolean;
  handlesChats: boolean;
}

export function holds(staff: StaffMember, conversation: Conversation): boolean {
  return conversation.counsellorId === staff.id;
}

/** Reading the transcript and notes, following it live: her counsellor or a supervisor. */
export function mayFollow(staff: StaffMember, can: StaffCapabilities, conversation: Conversation): boolean {
  return holds(staff, conversation) || can.supervises;
}

export function assertMayFollow(staff: StaffMember, can: StaffCapabilities, conversation: Conversation): void {
  if (!mayFollow(staff, can, conversation)) throw new ServiceError('forbidden', 'not your conversation');
}

/** Writing to the visitor, handing over, warning: only the counsellor who holds it while it is in progress. */
export function assertHoldsActive(staff: StaffMember, conversation: Conversation, what: string): void {
  if (!holds(staff, conversation)) throw new ServiceError('forbidden', `only the counsellor of this chat can ${what}`);
  if (conversation.status !== 'active') throw new ServiceError('invalid_state', `this chat is ${conversation.status}`);
}

/** Blocking its visitor: the counsellor who holds (or held) it, or a supervisor. */
export function assertMayBlock(staff: StaffMember, can: StaffCapabilities, conversation: Conversation): void {
  if (!mayFollow(staff, can, conversation)) throw new ServiceError('forbidden', 'you can only block the visitor of a chat you hold');
}

/** Lifting a block: whoever placed it, or a supervisor. */
export function assertMayLift(staff: StaffMember, can: StaffCapabilities, blockedBy: string): void {
  if (blockedBy !== staff.id && !can.supervises) throw new ServiceError('forbidden', 'only whoever blocked, or a supervisor, can lift a block');
}
