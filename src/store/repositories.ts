// One object holding the repositories, so the application layer is wired with a single value.
// `transaction` gives the same repositories bound to one database transaction: whatever a use
// case writes through them (the change and its audit entry) commits together or not at all.
// All SQL lives in this folder; nothing outside it sees a database handle.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Dialect, Store } from './database.js';
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
import { NoteRepository } from './noteRepository.js';
import { PresenceRepository } from './presenceRepository.js';
import { VisitorBlockRepository } from './visitorBlockRepository.js';
import { QueueStateRepository } from './queueStateRepository.js';
import { ServiceFiguresRepository } from './serviceFiguresRepository.js';
import { isReady } from './database.js';
import { StaffPasswordRepository } from './staffPasswordRepository.js';
import { BrandingRepository } from './brandingRepository.js';
import { MailboxRepository } from './mailboxRepository.js';
import { ReferralTokenRepository } from './referralTokenRepository.js';
import { VisibilityCountRepository } from './visibilityCountRepository.js';
import { SnippetRepository } from './snippetRepository.js';
import { DirectoryRepository } from './directoryRepository.js';
import { HandoverRepository } from './handoverRepository.js';
import { ContinuityRepository } from './continuityRepository.js';

export interface Repositories {
  readonly dialect: Dialect;
  staff: StaffRepository;
  sessions: SessionRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
  notes: NoteRepository;
  audit: AuditRepository;
  cipher: TranscriptCipher;
  settings: SettingsRepository;
  jobLeases: JobLeaseRepository;
  codings: CodingRepository;
  staffSecurity: StaffSecurityRepository;
  passkeys: StaffPasskeyRepository;
  returnCodes: ReturnCodeRepository;
  secrets: InstallationSecretRepository;
  presence: PresenceRepository;
  visitorBlocks: VisitorBlockRepository;
  queueState: QueueStateRepository;
  figures: ServiceFiguresRepository;
  passwords: StaffPasswordRepository;
  branding: BrandingRepository;
  mailbox: MailboxRepository;
  referrals: ReferralTokenRepository;
  visibility: VisibilityCountRepository;
  snippets: SnippetRepository;
  directory: DirectoryRepository;
  handovers: HandoverRepository;
  continuity: ContinuityRepository;
  /**
   * Runs `work` in one transaction with repositories bound to it. Inside a transaction this
   * simply runs `work` in the same one (there are no nested transactions).
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** For /readyz: the database answers and every migration is applied. */
  ready(): Promise<boolean>;
  /**
   * The store itself: for the command-line tools, the migration runner and tests that look at
   * rows directly. Application code never uses it (a test keeps it so).
   */
  readonly store: Store;
}

export function createRepositories(store: Store, keyring: Keyring): Repositories {
  // State shared by every view of the repositories (caches, the message committer).
  const cipher = new TranscriptCipher(store.db, keyring);
  const messages = new MessageRepository(store.db, cipher);
  const codings = new CodingRepository(store);
  const secrets = new InstallationSecretRepository(store.db, keyring);

  const bind = (db: Kysely<Database>, top: boolean): Repositories => {
    const c = top ? cipher : cipher.within(db);
    const repos: Repositories = {
      dialect: store.dialect,
      store,
      cipher: c,
      staff: new StaffRepository(db),
      sessions: new SessionRepository(db),
      conversations: new ConversationRepository(db, c),
      messages: top ? messages : new MessageRepository(db, c),
      notes: new NoteRepository(db, c),
      audit: new AuditRepository(db, store.dialect),
      settings: new SettingsRepository(db),
      jobLeases: new JobLeaseRepository(db),
      codings: top ? codings : codings.within(db),
      staffSecurity: new StaffSecurityRepository(db, keyring),
      passkeys: new StaffPasskeyRepository(db),
      returnCodes: new ReturnCodeRepository(db),
      secrets: top ? secrets : secrets.within(db),
      presence: new PresenceRepository(db),
      visitorBlocks: new VisitorBlockRepository(db),
      queueState: new QueueStateRepository(db, store.dialect),
      figures: new ServiceFiguresRepository(db),
      passwords: new StaffPasswordRepository(db, store.dialect),
      branding: new BrandingRepository(db, store.dialect),
      mailbox: new MailboxRepository(db, c),
      referrals: new ReferralTokenRepository(db),
      visibility: new VisibilityCountRepository(db),
      snippets: new SnippetRepository(db),
      directory: new DirectoryRepository(db),
      handovers: new HandoverRepository(db, c),
      continuity: new ContinuityRepository(db, c),
      transaction: (work) => (top ? store.db.transaction().execute((trx) => work(bind(trx, false))) : work(repos)),
      ready: () => isReady(store),
    };
    return repos;
  };
  return bind(store.db, true);
}
