// The referral directory: read by everyone who chats, kept by supervisors and administrators.
// Every change, an import and an export are audited in the same transaction. An import is
// checked whole first (parseDirectoryFile) and then stored in one transaction: all or nothing.
import type { Repositories } from '../../store/repositories.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { DirectoryContent, DirectoryEntry } from '../../domain/toolkit/directoryEntry.js';
import { directoryLimits } from '../../domain/toolkit/directoryEntry.js';
import { exportDirectoryFile, parseDirectoryFile, type DirectoryFileIssue } from '../../domain/toolkit/directoryFile.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../serviceError.js';

/** The file was refused: nothing was stored. */
export class InvalidDirectoryFile extends Error {
  constructor(readonly issues: DirectoryFileIssue[]) {
    super('the directory file has errors');
  }
}

export interface DirectoryImportResult {
  added: number;
  updated: number;
}

export class DirectoryUseCases {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  list(): Promise<DirectoryEntry[]> {
    return this.repos.directory.list();
  }

  create(content: DirectoryContent, actor: StaffMember): Promise<DirectoryEntry> {
    const now = this.clock.now();
    return this.repos.transaction(async (tx) => {
      if ((await tx.directory.count()) >= directoryLimits.maxEntries) throw new ServiceError('conflict', `the directory holds at most ${directoryLimits.maxEntries} entries`);
      const entry = await tx.directory.create(content, actor.id, now);
      await tx.audit.append({ at: now, staffId: actor.id, action: 'directory.create', targetType: 'directory_entry', targetId: entry.id, detail: { name: entry.name } });
      return entry;
    });
  }

  update(id: string, content: DirectoryContent, actor: StaffMember): Promise<DirectoryEntry> {
    const now = this.clock.now();
    return this.repos.transaction(async (tx) => {
      const before = await tx.directory.get(id);
      const entry = before && (await tx.directory.update(id, content, actor.id, now));
      if (!before || !entry) throw new ServiceError('not_found', 'no such directory entry');
      // Clearing "check before use" is worth seeing in the log: someone vouched for the facts.
      await tx.audit.append({
        at: now,
        staffId: actor.id,
        action: 'directory.update',
        targetType: 'directory_entry',
        targetId: id,
        detail: { name: entry.name, ...(before.checkBeforeUse !== entry.checkBeforeUse ? { checkBeforeUse: entry.checkBeforeUse } : {}) },
      });
      return entry;
    });
  }

  remove(id: string, actor: StaffMember): Promise<void> {
    const now = this.clock.now();
    return this.repos.transaction(async (tx) => {
      const before = await tx.directory.get(id);
      if (!before || !(await tx.directory.remove(id))) throw new ServiceError('not_found', 'no such directory entry');
      await tx.audit.append({ at: now, staffId: actor.id, action: 'directory.delete', targetType: 'directory_entry', targetId: id, detail: { name: before.name } });
    });
  }

  /** Entries with a known id replace it, the others are added; nothing is removed. */
  importFile(text: string, actor: StaffMember): Promise<DirectoryImportResult> {
    const parsed = parseDirectoryFile(text);
    if (!parsed.ok) return Promise.reject(new InvalidDirectoryFile(parsed.issues));
    const now = this.clock.now();
    return this.repos.transaction(async (tx) => {
      let added = 0;
      let updated = 0;
      for (const { id, content } of parsed.entries) {
        if (id !== undefined && (await tx.directory.update(id, content, actor.id, now))) updated++;
        else {
          await tx.directory.create(content, actor.id, now, id);
          added++;
        }
      }
      if ((await tx.directory.count()) > directoryLimits.maxEntries) {
        throw new InvalidDirectoryFile([{ path: 'entries', message: `the directory would hold more than ${directoryLimits.maxEntries} entries` }]);
      }
      await tx.audit.append({ at: now, staffId: actor.id, action: 'directory.import', detail: { added, updated } });
      return { added, updated };
    });
  }

  exportFile(actor: StaffMember): Promise<string> {
    const now = this.clock.now();
    return this.repos.transaction(async (tx) => {
      const entries = await tx.directory.list();
      await tx.audit.append({ at: now, staffId: actor.id, action: 'directory.export', detail: { entries: entries.length } });
      return exportDirectoryFile(entries);
    });
  }
}
