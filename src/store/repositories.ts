// One object holding the repositories, so the server is wired with a single value.
import type { Store } from './database.js';
import { AuditRepository } from './auditRepository.js';
import { ConversationRepository } from './conversationRepository.js';
import { MessageRepository } from './messageRepository.js';
import { SessionRepository } from './sessionRepository.js';
import { StaffRepository } from './staffRepository.js';

export interface Repositories {
  store: Store;
  staff: StaffRepository;
  sessions: SessionRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
  audit: AuditRepository;
}

export function createRepositories(store: Store): Repositories {
  return {
    store,
    staff: new StaffRepository(store.db),
    sessions: new SessionRepository(store.db),
    conversations: new ConversationRepository(store.db),
    messages: new MessageRepository(store.db),
    audit: new AuditRepository(store.db),
  };
}
