// What leaves the server from the audit log: the stored columns, the usernames they name, and
// the CSV export. Entries hold ids, field names and counts only, so nothing here is content.
import { auditActionGroups, type AuditActionGroup } from '../../../domain/audit/auditActions.js';
import type { AuditEntryDto, AuditExportQuery, AuditStaffDto } from '../../../protocol/auditApi.js';
import { serializeCsv, spreadsheetSafe } from '../../../domain/codebook/csvRfc4180.js';
import type { AuditFilter, AuditRow } from '../../../store/auditRepository.js';
import type { StaffMember } from '../../../store/staffRepository.js';

/** The request's filter in the repository's terms. */
export function auditFilterFrom(query: AuditExportQuery): AuditFilter {
  return {
    ...(query.staffId !== undefined ? { staffId: query.staffId } : {}),
    ...(query.action !== undefined ? { action: query.action } : {}),
    ...(query.group !== undefined ? { actions: auditActionGroups[query.group as AuditActionGroup] } : {}),
    ...(query.conversationId !== undefined ? { conversationIdPrefix: query.conversationId } : {}),
    ...(query.targetId !== undefined ? { targetId: query.targetId } : {}),
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
  };
}

export function presentAuditEntry(row: AuditRow): AuditEntryDto {
  return {
    id: row.id,
    at: row.at,
    staffId: row.staff_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
  };
}

/** The staff members these rows name, as actor or as a staff target. */
export function staffNamedIn(rows: readonly AuditRow[], staff: readonly StaffMember[]): AuditStaffDto[] {
  const ids = new Set<string>();
  for (const r of rows) {
    if (r.staff_id) ids.add(r.staff_id);
    if (r.target_type === 'staff' && r.target_id) ids.add(r.target_id);
  }
  return staff.filter((s) => ids.has(s.id)).map(presentAuditStaff);
}

export function presentAuditStaff(s: StaffMember): AuditStaffDto {
  return { id: s.id, username: s.username, displayName: s.displayName };
}


/** One row per entry, oldest first, with both hashes so the chain can be checked outside Baken. */
export function renderAuditCsv(rows: readonly AuditRow[], staff: readonly StaffMember[]): string {
  const username = new Map(staff.map((s) => [s.id, s.username]));
  const records: string[][] = [['id', 'at_utc', 'staff_id', 'staff_username', 'action', 'target_type', 'target_id', 'target_username', 'detail', 'prev_hash', 'hash']];
  for (const r of rows) {
    records.push(
      [
        String(r.id),
        new Date(r.at).toISOString(),
        r.staff_id ?? '',
        (r.staff_id && username.get(r.staff_id)) ?? '',
        r.action,
        r.target_type ?? '',
        r.target_id ?? '',
        (r.target_type === 'staff' && r.target_id && username.get(r.target_id)) || '',
        r.detail ?? '',
        r.prev_hash,
        r.hash,
      ].map(spreadsheetSafe),
    );
  }
  return serializeCsv(records);
}
