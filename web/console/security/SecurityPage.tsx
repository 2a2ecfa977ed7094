import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MySecurityResponse } from '../../../src/protocol/staffSecurityApi.js';
import { api, ApiError, errorKey } from '../api.js';
import { ReauthForm } from './ReauthForm.js';
import { RecoveryCodeList } from './RecoveryCodeList.js';
import { DataTable } from '../common/DataTable.js';
import { PasskeySection } from './PasskeySection.js';
import { ChangePasswordSection } from './ChangePasswordSection.js';

const when = (ms: number, language: string) => new Date(ms).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' });

/** My sessions (end one or all others), my password, my passkeys, and my recovery codes (changing any of them needs a fresh check). */
export function SecurityPage({ onSessionEnded }: { onSessionEnded: () => void }) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<MySecurityResponse | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [reauth, setReauth] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);

  const reload = useCallback(async () => {
    try {
      setData(await api<MySecurityResponse>('GET', '/api/auth/security'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return onSessionEnded();
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    }
  }, [t, onSessionEnded]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const end = async (id: string, current: boolean) => {
    setMessage(null);
    try {
      await api('DELETE', `/api/auth/sessions/${encodeURIComponent(id)}`);
      if (current) return onSessionEnded();
      setMessage({ kind: 'ok', text: t('security.page.ended') });
    } catch (e) {
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    }
    await reload();
  };

  const endOthers = async () => {
    setMessage(null);
    try {
      await api('POST', '/api/auth/sessions/end-others');
      setMessage({ kind: 'ok', text: t('security.page.ended') });
    } catch (e) {
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    }
    await reload();
  };

  const newCodes = async () => {
    setMessage(null);
    try {
      setCodes((await api<{ recoveryCodes: string[] }>('POST', '/api/auth/recovery-codes')).recoveryCodes);
      setReauth(false);
      await reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'reauth_required') return setReauth(true);
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    }
  };

  return (
    <main className="c-main c-staff">
      <h1>{t('security.page.title')}</h1>
      <div aria-live="polite">
        {message && (
          <p className={message.kind === 'ok' ? 'notice' : 'error-text'} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </div>
      <section className="card c-section" aria-labelledby="my-sessions-title">
        <h2 id="my-sessions-title">{t('security.page.sessions')}</h2>
        <p>{t('security.page.sessionsIntro')}</p>
        <DataTable
          rows={data?.sessions ?? []}
          rowKey={(s) => s.id}
          rowAttributes={(s) => ({ 'data-current': s.current ? 'true' : undefined })}
          columns={[
            {
              id: 'started',
              header: t('security.page.started'),
              cell: (s) => (
                <>
                  {when(s.createdAt, i18n.language)}
                  {s.current && <strong> ({t('security.page.current')})</strong>}
                </>
              ),
            },
            { id: 'lastSeen', header: t('security.page.lastSeen'), cell: (s) => when(s.lastSeenAt, i18n.language) },
            { id: 'expires', header: t('security.page.expires'), cell: (s) => when(s.expiresAt, i18n.language) },
            {
              id: 'actions',
              header: t('staff.actions'),
              cell: (s) => (
                <button type="button" className="btn btn-secondary btn-small" onClick={() => void end(s.id, s.current)}>
                  {t('security.page.end')}
                  <span className="visually-hidden"> {when(s.createdAt, i18n.language)}</span>
                </button>
              ),
            },
          ]}
        />
        {data && data.sessions.length > 1 && (
          <button type="button" className="btn btn-secondary" onClick={() => void endOthers()}>
            {t('security.page.endOthers')}
          </button>
        )}
      </section>
      <ChangePasswordSection onChanged={() => void reload()} onMessage={setMessage} />
      <PasskeySection passkeys={data?.passkeys} onChanged={reload} onMessage={setMessage} />
      <section className="card c-section" aria-labelledby="my-recovery-title">
        <h2 id="my-recovery-title">{t('security.page.recoveryTitle')}</h2>
        {data && <p>{t('security.page.recoveryLeft', { count: data.recoveryCodesLeft })}</p>}
        {codes && (
          <>
            <p role="status">{t('security.page.newCodesDone')}</p>
            <RecoveryCodeList codes={codes} />
          </>
        )}
        {reauth ? (
          <ReauthForm onDone={() => void newCodes()} onCancel={() => setReauth(false)} />
        ) : (
          <button type="button" className="btn btn-secondary" onClick={() => void newCodes()}>
            {t('security.page.newCodes')}
          </button>
        )}
      </section>
    </main>
  );
}
