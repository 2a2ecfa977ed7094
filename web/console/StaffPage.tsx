import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeResponse, StaffMemberDto, StaffRoleName } from '../../src/protocol/staffApi.js';
import type { PasswordResetResponse, StaffSecurityStatusDto } from '../../src/protocol/staffSecurityApi.js';
import { api, ApiError, errorKey } from './api.js';
import { ReauthForm } from './security/ReauthForm.js';
import { DataTable, type DataColumn } from './common/DataTable.js';
import { LanguageChoice } from './languages/LanguageChoice.js';
import type { VisitorLanguage } from '../../src/protocol/languageInfo.js';

// Listed here rather than imported, so the console bundle does not pull in zod.
const roles: readonly StaffRoleName[] = ['counsellor', 'supervisor', 'researcher', 'admin'];
const emptyForm = { username: '', displayName: '', password: '', role: 'counsellor' as StaffRoleName, maxChats: 3, languages: ['nl'] as VisitorLanguage[] };

export function StaffPage({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const [staff, setStaff] = useState<StaffMemberDto[]>([]);
  const [form, setForm] = useState(emptyForm);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [security, setSecurity] = useState<Map<string, StaffSecurityStatusDto>>(new Map());
  /** An action waiting for the administrator to confirm password and code. */
  const [pending, setPending] = useState<(() => Promise<void>) | null>(null);
  /** A temporary password just made, shown once. */
  const [temporary, setTemporary] = useState<{ name: string; password: string } | null>(null);

  const reload = useCallback(async () => {
    try {
      setStaff((await api<{ staff: StaffMemberDto[] }>('GET', '/api/staff')).staff);
      const { status } = await api<{ status: StaffSecurityStatusDto[] }>('GET', '/api/staff/security');
      setSecurity(new Map(status.map((s) => [s.staffId, s])));
    } catch (e) {
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    }
  }, [t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const { staff: created } = await api<{ staff: StaffMemberDto }>('POST', '/api/staff', form);
      setMessage({ kind: 'ok', text: t('staff.created', { name: created.displayName }) });
      setForm(emptyForm);
      await reload();
    } catch (e) {
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    } finally {
      setBusy(false);
    }
  };

  const update = async (member: StaffMemberDto, patch: Partial<Pick<StaffMemberDto, 'role' | 'disabled' | 'maxChats' | 'languages'>>) => {
    setMessage(null);
    // Shown at once (a ticked box stays ticked); the list is read again after the answer either way.
    setStaff((list) => list.map((m) => (m.id === member.id ? { ...m, ...patch } : m)));
    try {
      await api('PATCH', `/api/staff/${encodeURIComponent(member.id)}`, patch);
      setMessage({ kind: 'ok', text: t('staff.updated', { name: member.displayName }) });
    } catch (e) {
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    }
    await reload();
  };

  const endSessions = async (member: StaffMemberDto) => {
    setMessage(null);
    try {
      const { ended } = await api<{ ended: number }>('DELETE', `/api/staff/${encodeURIComponent(member.id)}/sessions`);
      setMessage({ kind: 'ok', text: t('security.admin.sessionsEnded', { count: ended, name: member.displayName }) });
    } catch (e) {
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    }
    await reload();
  };

  const resetMfa = async (member: StaffMemberDto, confirmed = false) => {
    if (!confirmed && !window.confirm(t('security.admin.resetConfirm', { name: member.displayName }))) return;
    setMessage(null);
    try {
      await api('POST', `/api/staff/${encodeURIComponent(member.id)}/mfa/reset`);
      setPending(null);
      setMessage({ kind: 'ok', text: t('security.admin.mfaReset', { name: member.displayName }) });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'reauth_required') {
        setPending(() => () => resetMfa(member, true));
        return;
      }
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    }
    await reload();
  };

  const resetPassword = async (member: StaffMemberDto, confirmed = false) => {
    if (!confirmed && !window.confirm(t('security.admin.resetPasswordConfirm', { name: member.displayName }))) return;
    setMessage(null);
    setTemporary(null);
    try {
      const { temporaryPassword } = await api<PasswordResetResponse>('POST', `/api/staff/${encodeURIComponent(member.id)}/password/reset`);
      setPending(null);
      setTemporary({ name: member.displayName, password: temporaryPassword });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'reauth_required') {
        setPending(() => () => resetPassword(member, true));
        return;
      }
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    }
    await reload();
  };

  const columns: DataColumn<StaffMemberDto>[] = [
    { id: 'displayName', header: t('staff.displayName'), cell: (member) => member.displayName },
    { id: 'username', header: t('staff.username'), cell: (member) => member.username },
    {
      id: 'role',
      header: t('staff.role'),
      cell: (member) => (
        <select aria-label={t('staff.changeRole', { name: member.displayName })} value={member.role} disabled={member.id === me.staff.id} onChange={(e) => void update(member, { role: e.target.value as StaffRoleName })}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      ),
    },
    { id: 'maxChats', header: t('staff.maxChats'), cell: (member) => member.maxChats },
    {
      id: 'languages',
      header: t('languages.staffColumn'),
      cell: (member) => <LanguageChoice compact legend={t('languages.staffLegend', { name: member.displayName })} value={member.languages} onChange={(languages) => void update(member, { languages })} />,
    },
    {
      id: 'status',
      header: t('staff.status'),
      cell: (member) => (
        <>
          {member.disabled ? t('staff.disabled') : t('staff.active')}
          {member.mustChangePassword && <span className="c-small muted"> ({t('staff.mustChangePassword')})</span>}
        </>
      ),
    },
    { id: 'mfa', header: t('security.admin.mfa'), cell: (member) => (security.get(member.id)?.mfaEnrolled ? t('security.admin.enrolled') : t('security.admin.notEnrolled')) },
    { id: 'passkeys', header: t('security.admin.passkeys'), cell: (member) => String(security.get(member.id)?.passkeys ?? 0) },
    { id: 'sessions', header: t('security.admin.sessions'), cell: (member) => security.get(member.id)?.sessions ?? 0 },
    {
      id: 'actions',
      header: t('staff.actions'),
      cell: (member) => {
        const self = member.id === me.staff.id;
        return (
          <div className="c-actions">
            {!self && (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => void update(member, { disabled: !member.disabled })}>
                {member.disabled ? t('staff.enable') : t('staff.disable')}
                <span className="visually-hidden"> {member.displayName}</span>
              </button>
            )}
            {!self && (security.get(member.id)?.sessions ?? 0) > 0 && (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => void endSessions(member)}>
                {t('security.admin.endSessions')}
                <span className="visually-hidden"> {member.displayName}</span>
              </button>
            )}
            {!self && (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => void resetPassword(member)}>
                {t('security.admin.resetPassword')}
                <span className="visually-hidden"> {member.displayName}</span>
              </button>
            )}
            {security.get(member.id)?.mfaEnrolled && (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => void resetMfa(member)}>
                {t('security.admin.resetMfa')}
                <span className="visually-hidden"> {member.displayName}</span>
              </button>
            )}
          </div>
        );
      },
    },
  ];

  return (
    <main className="c-main c-staff">
      <h1>{t('staff.title')}</h1>
      <div aria-live="polite">
        {message && (
          <p className={message.kind === 'ok' ? 'notice' : 'error-text'} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </div>
      {temporary && (
        <div className="notice c-section" role="status" data-temporary-password={temporary.password}>
          <p>
            {t('security.admin.passwordReset', { name: temporary.name })} <code className="c-secret">{temporary.password}</code>
          </p>
          <p>{t('security.admin.passwordResetHint', { name: temporary.name })}</p>
        </div>
      )}
      {pending && <ReauthForm onDone={() => void pending()} onCancel={() => setPending(null)} />}
      <section className="card c-section" aria-labelledby="staff-list-title">
        <h2 id="staff-list-title">{t('staff.list')}</h2>
        <DataTable columns={columns} rows={staff} rowKey={(member) => member.id} rowAttributes={(member) => ({ 'data-username': member.username })} />
      </section>
      <section className="card c-section" aria-labelledby="staff-create-title">
        <h2 id="staff-create-title">{t('staff.create')}</h2>
        <form onSubmit={(e) => void create(e)} className="c-form-grid">
          <div className="field">
            <label htmlFor="new-username">{t('staff.username')}</label>
            <input id="new-username" type="text" autoComplete="off" autoCapitalize="none" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} required />
          </div>
          <div className="field">
            <label htmlFor="new-display">{t('staff.displayName')}</label>
            <input id="new-display" type="text" autoComplete="off" value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} required />
          </div>
          <div className="field">
            <label htmlFor="new-password">{t('staff.password')}</label>
            <input
              id="new-password"
              type="password"
              autoComplete="new-password"
              minLength={12}
              aria-describedby="new-password-hint"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
              required
            />
            <span id="new-password-hint" className="hint">
              {t('staff.passwordHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor="new-role">{t('staff.role')}</label>
            <select id="new-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as StaffRoleName })}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="new-max">{t('staff.maxChats')}</label>
            <input id="new-max" type="number" min={1} max={10} value={form.maxChats} onChange={(e) => setForm({ ...form, maxChats: Number(e.target.value) || 1 })} />
          </div>
          <div className="field">
            <LanguageChoice legend={t('languages.newStaffLegend')} value={form.languages} onChange={(languages) => setForm({ ...form, languages })} />
            <span className="hint">{t('languages.staffHint')}</span>
          </div>
          <div className="c-form-submit">
            <button type="submit" className="btn" disabled={busy}>
              {t('staff.createSubmit')}
            </button>
          </div>
        </form>
      </section>
    </main>
  );
}
