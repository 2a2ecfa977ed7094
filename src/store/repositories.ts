// One object holding the repositories, so the server is wired with a single value.
import type { Store } from './database.js';
import { AuditRepository } from './auditRepository.js';
import { ConversationRepository } from './conversationRepository.js';
import { MessageRepository } from './messageRepository.js';
import { SessionRepository } from './sessionRepository.js';
import { StaffRepository } from './staffRepository.js';
import { TranscriptCipher } from './encryption/transcriptCipher.js';
import { SettingsRepository } from './settingsRepository.js';
import { JobLeaseRepository } from './jobLeaseRepository.js';
import type { Keyring } from './encryption/envelope.js';
import { CodingRepository } from './codingRepository.js';
import { StaffSecurityRepository } from './staffSecurityRepository.js';
import { StaffPasskeyRepository } from './staffPasskeyRepository.js';
import { ReturnCodeRepository } from './returnCodeRepository.js';
import { InstallationSecretRepository } from './installationSecretRepository.js';

export interface Repositories {
  store: Store;
  staff: StaffRepository;
  sessions: SessionRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
  audit: AuditRepository;
  cipher: TranscriptCipher;
  settings: SettingsRepository;
  jobLeases: JobLeaseRepository;
  codings: CodingRepository;
  staffSecurity: StaffSecurityRepository;
  passkeys: StaffPasskeyRepository;
  returnCodes: ReturnCodeRepository;
  secrets: InstallationSecretRepository;
}

export function createRepositories(store: Store, keyring: Keyring): Repositories {
  const cipher = new TranscriptCipher(store.db, keyring);
  return {
    store,
    cipher,
    staff: new StaffRepository(store.db),
    sessions: new SessionRepository(store.db),
    conversations: new ConversationRepository(store.db, cipher),
    messages: new MessageRepository(store.db, cipher),
    audit: new AuditRepository(store.db, store.dialect),
    settings: new SettingsRepository(store.db),
    jobLeases: new JobLeaseRepository(store.db),
    codings: new CodingRepository(store),
    staffSecurity: new StaffSecurityRepository(store.db, keyring),
    passkeys: new StaffPasskeyRepository(store.db),
    returnCodes: new ReturnCodeRepository(store.db),
    secrets: new InstallationSecretRepository(store.db, keyring),
  };
}
