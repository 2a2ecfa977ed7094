// Every action the server writes to the audit log, grouped for the administrator's filter.
// The store only accepts these names, so a new action does not compile until it is listed here
// (and the console's labels, typed from this list, name it in Dutch and English). The screen
// still shows an action it does not know by its raw name, for entries older code never wrote.
export const auditActionGroups = {
  signIns: [
    'login',
    'login.password_ok',
    'login.code_failed',
    'login.passkey',
    'login.passkey_failed',
    'login.failed',
    'logout',
    'reauth',
    'reauth.failed',
    'session.end',
    'session.end_others',
    'mfa.enrolled',
    'mfa.recovery_codes_renewed',
    'password.changed',
    'password.change_failed',
    'passkey.added',
    'passkey.removed',
  ],
  transcripts: ['transcript.view', 'conversation.join_silent', 'conversation.join_visible'],
  codings: ['coding.view', 'coding.create', 'coding.update', 'coding.second', 'coding.assign_sample', 'coding.agreement_view'],
  staff: ['setup.admin_created', 'staff.create', 'staff.update', 'staff.sessions_ended', 'staff.session_ended', 'staff.mfa_reset', 'staff.password_reset'],
  settings: ['settings.update', 'settings.logo_update', 'settings.logo_remove', 'service.availability', 'referral.create', 'referral.remove'],
  reports: ['report.view', 'figures.view', 'coded_data.import'],
  exports: ['report.export', 'figures.export', 'coded_data.export', 'audit.exported'],
  interventions: ['conversation.priority', 'visitor.warned', 'visitor.block', 'visitor.unblock'],
  caseWork: ['handover.recorded', 'handover.view', 'handover.approved', 'handover.refused', 'case_summary.view', 'case_summary.update'],
  system: ['retention.purge', 'visitor.history_deleted'],
  toolkit: ['snippet.create', 'snippet.update', 'snippet.delete', 'directory.create', 'directory.update', 'directory.delete', 'directory.import', 'directory.export'],
} as const;

export type AuditActionGroup = keyof typeof auditActionGroups;
export type AuditAction = (typeof auditActionGroups)[AuditActionGroup][number];

export const auditGroupNames = Object.keys(auditActionGroups) as AuditActionGroup[];
export const auditActions: readonly AuditAction[] = auditGroupNames.flatMap((g) => auditActionGroups[g]);

export function isKnownAuditAction(action: string): action is AuditAction {
  return (auditActions as readonly string[]).includes(action);
}
