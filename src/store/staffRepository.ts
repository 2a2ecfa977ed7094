import type { Kysely, Selectable } from 'kysely';
import type { Database, StaffTable } from './schema.js';
import { isVisitorLanguage, type VisitorLanguage } from '../protocol/languageInfo.js';

export const staffRoles = ['counsellor', 'supervisor', 'researcher', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  disabled: boolean;
  maxChats: number;
  createdAt: number;
  /** The password was chosen by someone else: she must choose her own before she gets a session. */
  mustChangePassword: boolean;
  /** The visitor languages she chats in; routing offers chats in these to her first. */
  languages: VisitorLanguage[];
}

export interface StaffWithSecret extends StaffMember {
  passwordHash: string;
}

/** A stored list of language codes; anything unreadable counts as Dutch only, the default. */
export function parseStaffLanguages(stored: string): string[] {
  try {
    const list: unknown = JSON.parse(stored);
    if (Array.isArray(list)) return list.filter((code): code is string => typeof code === 'string');
  } catch {
    // fall through
  }
  return ['nl'];
}

function toStaff(row: Selectable<StaffTable>): StaffWithSecret {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as StaffRole,
    disabled: row.disabled === 1,
    maxChats: row.max_chats,
    createdAt: row.created_at,
    mustChangePassword: row.must_change_password === 1,
    languages: parseStaffLanguages(row.languages).filter(isVisitorLanguage),
    passwordHash: row.password_hash,
  };
}

export function withoutSecret({ passwordHash: _omit, ...staff }: StaffWithSecret): StaffMember {
  return staff;
}

export class StaffRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async count(): Promise<number> {
    const row = await this.db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async create(input: {
    id: string;
    username: string;
    displayName: string;
    passwordHash: string;
    role: StaffRole;
    maxChats?: number;
    languages?: readonly VisitorLanguage[] | undefined;
    /** True for a password chosen by someone else (an administrator making the account). */
    mustChangePassword?: boolean;
    now: number;
  }): Promise<StaffMember> {
    await this.db
      .insertInto('staff')
      .values({
        id: input.id,
        username: input.username,
        display_name: input.displayName,
        password_hash: input.passwordHash,
        role: input.role,
        disabled: 0,
        max_chats: input.maxChats ?? 3,
        created_at: input.now,
        updated_at: input.now,
        must_change_password: input.mustChangePassword ? 1 : 0,
        ...(input.languages ? { languages: JSON.stringify(input.languages) } : {}),
      })
      .execute();
    const created = await this.findById(input.id);
    if (!created) throw new Error('staff insert vanished');
    return withoutSecret(created);
  }

  async findById(id: string): Promise<StaffWithSecret | undefined> {
    const row = await this.db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toStaff(row) : undefined;
  }

  async findByUsername(username: string): Promise<StaffWithSecret | undefined> {
    const row = await this.db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
    return row ? toStaff(row) : undefined;
  }

  async list(): Promise<StaffMember[]> {
    const rows = await this.db.selectFrom('staff').selectAll().orderBy('username').execute();
    return rows.map((r) => withoutSecret(toStaff(r)));
  }

  async update(
    id: string,
    changes: Partial<{ displayName: string; role: StaffRole; disabled: boolean; maxChats: number; passwordHash: string; mustChangePassword: boolean; languages: readonly VisitorLanguage[] }>,
    now: number,
  ): Promise<StaffMember | undefined> {
    await this.db
      .updateTable('staff')
      .set({
        ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.disabled !== undefined ? { disabled: changes.disabled ? 1 : 0 } : {}),
        ...(changes.maxChats !== undefined ? { max_chats: changes.maxChats } : {}),
        ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
        ...(changes.mustChangePassword !== undefined ? { must_change_password: changes.mustChangePassword ? 1 : 0 } : {}),
        ...(changes.languages !== undefined ? { languages: JSON.stringify(changes.languages) } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    const row = await this.findById(id);
    return row ? withoutSecret(row) : undefined;
  }
}
