// Display names of staff members, kept in memory: they appear in every chat view and board row,
// and change only when an administrator edits an account.
import type { Repositories } from '../../store/repositories.js';

export class StaffNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly repos: Repositories) {}

  async of(staffId: string | null): Promise<string | null> {
    if (!staffId) return null;
    const cached = this.names.get(staffId);
    if (cached !== undefined) return cached;
    const staff = await this.repos.staff.findById(staffId);
    if (!staff) return null;
    this.names.set(staffId, staff.displayName);
    return staff.displayName;
  }

  async many(staffIds: Iterable<string>): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const id of new Set(staffIds)) {
      const name = await this.of(id);
      if (name !== null) out.set(id, name);
    }
    return out;
  }

  forget(staffId: string): void {
    this.names.delete(staffId);
  }
}
