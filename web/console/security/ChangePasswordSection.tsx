import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorKey } from '../api.js';
import { ReauthForm } from './ReauthForm.js';

type Message = { kind: 'ok' | 'error'; text: string };

/**
 * Changing my own password: the current one, and a recent password-and-code check like other
 * sensitive actions (the re-authentication form appears when the last one is too old). The
 * server ends every other session of mine.
 */
export function ChangePasswordSection({ onChanged, onMessage }: { onChanged: () => void; onMessage: (message: Message | null) => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reauth, setReauth] = useState(false);

  const change = async () => {
    if (next !== repeat) return setError('security.newPassword.mismatch');
    setBusy(true);
    setError(null);
    onMessage(null);
    try {
      const { endedSessions } = await api<{ endedSessions: number }>('POST', '/api/auth/password', { currentPassword: current, newPassword: next });
      setReauth(false);
      setCurrent('');
      setNext('');
      setRepeat('');
      onMessage({ kind: 'ok', text: t('security.page.passwordChanged', { count: endedSessions }) });
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'reauth_required') return setReauth(true);
      setError(errorKey(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void change();
  };

  return (
    <section className="card c-section" aria-labelledby="my-password-title">
      <h2 id="my-password-title">{t('security.page.passwordTitle')}</h2>
      <p>{t('security.page.passwordIntro')}</p>
      {reauth ? (
        <ReauthForm onDone={() => void change()} onCancel={() => setReauth(false)} />
      ) : (
        <form onSubmit={submit} className="c-password-form">
          <div className="field">
            <label htmlFor="current-password">{t('security.page.currentPassword')}</label>
            <input id="current-password" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="changed-password">{t('security.newPassword.password')}</label>
            <input id="changed-password" type="password" autoComplete="new-password" aria-describedby="changed-password-hint" value={next} onChange={(e) => setNext(e.target.value)} required />
            <span id="changed-password-hint" className="hint">
              {t('security.newPassword.hint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor="changed-password-repeat">{t('security.newPassword.repeat')}</label>
            <input id="changed-password-repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
          </div>
          {error && (
            <p className="error-text" role="alert">
              {t(error)}
            </p>
          )}
          <button type="submit" className="btn" disabled={busy}>
            {t('security.page.changePassword')}
          </button>
        </form>
      )}
    </section>
  );
}
