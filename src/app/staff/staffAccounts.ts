// An administrator's use cases for staff accounts. Each change and its audit entry are written
// in one transaction: a request that fails leaves neither. Password hashing happens before the
// transaction (it is slow, and needs no lock).
import crypto from 'node:crypto';
import type { Repositories } from '../../store/repositories.js';
import type { StaffMember, StaffRole } from '../../store/staffRepository.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../serviceError.js';
import { outcome, type Effect, type Outcome } from '../effects.js';
import type { Queue } from '../queue/queue.js';
import type { StaffNames } from './staffNames.js';
import type { VisitorLanguage } from '../../protocol/languageInfo.js';

export interface NewStaffAccount {
  username: string;
  displayName: string;
  passwordHash: string;
  role: StaffRole;
  maxChats: number;
  languages?: readonly VisitorLanguage[] | undefined;
}

export interface StaffAccountChanges {
  displayName?: string | undefined;
  role?: StaffRole | undefined;
  disabled?: boolean | undefined;
  maxChats?: number | undefined;
  /** Routing reads these each step: no need to tell it. */
  languages?: readonly VisitorLanguage[] | undefined;
  /** Already hashed; the route checked it against the password policy. */
  passwordHash?: string | undefined;
}

export class StaffAccounts {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly queue: Queue,
    private readonly names: StaffNames,
  ) {}

  list(): Promise<StaffMember[]> {
    return this.repos.staff.list();
  }

  async create(input: NewStaffAccount, actor: StaffMember): Promise<StaffMember> {
    const now = this.clock.now();
    return this.repos.transaction(async (tx) => {
      if (await tx.staff.findByUsername(input.username)) throw new ServiceError('conflict', 'that username is taken');
      const created = await tx.staff.create({
        id: crypto.randomUUID(),
        ...input,
        // The administrator chose it: she chooses her own at her first sign-in.
        mustChangePassword: true,
        now,
      });
      await tx.audit.append({ at: now, staffId: actor.id, action: 'staff.create', targetType: 'staff', targetId: created.id, detail: { role: created.role, languages: created.languages } });
      return created;
    });
  }

  /** A changed role, password or a disabled account ends every session of that person. */
  async update(id: string, changes: StaffAccountChanges, changedFields: string[], actor: StaffMember): Promise<Outcome<StaffMember>> {
    if (id === actor.id && (changes.disabled === true || (changes.role && changes.role !== 'admin'))) {
      throw new ServiceError('conflict', 'you cannot disable yourself or drop your own admin role');
    }
    const now = this.clock.now();
    const endsSessions = Boolean(changes.role || changes.disabled || changes.passwordHash);
    const updated = await this.repos.transaction(async (tx) => {
      const result = await tx.staff.update(
        id,
        {
          ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
          ...(changes.role !== undefined ? { role: changes.role } : {}),
          ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
          ...(changes.maxChats !== undefined ? { maxChats: changes.maxChats } : {}),
          ...(changes.languages !== undefined ? { languages: changes.languages } : {}),
          // A password someone else chose is temporary: she changes it at her next sign-in.
          ...(changes.passwordHash !== undefined ? { passwordHash: changes.passwordHash, mustChangePassword: id !== actor.id } : {}),
        },
        now,
      );
      if (!result) throw new ServiceError('not_found', 'no such staff member');
      if (endsSessions) await tx.sessions.deleteForStaff(id);
      // Which fields changed; for languages also the new list (not personal, and what routing uses).
      const detail = { fields: changedFields, ...(changes.languages !== undefined ? { languages: [...changes.languages] } : {}) };
      await tx.audit.append({ at: now, staffId: actor.id, action: 'staff.update', targetType: 'staff', targetId: id, detail });
      return result;
    });
    this.names.forget(id);
    const effects: Effect[] = endsSessions ? [{ type: 'session.ended', staffId: id, sessionId: null }] : [];
    // Routing keeps her capacity in memory: tell it.
    if (changes.maxChats !== undefined) effects.push(...(await this.capacityChanged(id, changes.maxChats)));
    return outcome(updated, effects);
  }

  private async capacityChanged(staffId: string, capacity: number): Promise<Effect[]> {
    try {
      return (await this.queue.run({ type: 'counsellor_capacity_changed', counsellorId: staffId, capacity }, { kind: 'system', id: null })).effects;
    } catch (error) {
      // Not on duty: the new capacity counts from her next shift.
      if (error instanceof ServiceError) return [];
      throw error;
    }
  }
}
