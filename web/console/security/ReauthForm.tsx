import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorKey } from '../api.js';
import { passkeyErrorKey, passkeysSupported, reauthWithPasskey } from './passkeyCeremony.js';

/**
 * Password and a code (or a passkey) again before a sensitive action (export, resetting
 * someone's second factor). Reusable: show it when a call fails with `reauth_required`, then
 * retry in onDone.
 */
export function ReauthForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/api/auth/reauth', { password, code });
      setPassword('');
      setCode('');
      onDone();
    } catch (e) {
      setCode('');
      setError(errorKey(e));
    } finally {
      setBusy(false);
    }
  };

  // The same fresh check with a passkey: her password, then her fingerprint, face, PIN or key.
  const withPasskey = async () => {
    if (!password) {
      setError('security.reauth.passwordFirst');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await reauthWithPasskey(password);
      setPassword('');
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'not_found') setError('security.reauth.noPasskey');
      else setError(e instanceof ApiError && e.code === 'reauth_failed' ? errorKey(e) : passkeyErrorKey(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card c-reauth" onSubmit={(e) => void submit(e)} aria-labelledby="reauth-title">
      <h2 id="reauth-title">{t('security.reauth.title')}</h2>
      <p>{t('security.reauth.intro')}</p>
      <div className="field">
        <label htmlFor="reauth-password">{t('security.reauth.password')}</label>
        <input id="reauth-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="reauth-code">{t('security.reauth.code')}</label>
        <input id="reauth-code" type="text" autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} maxLength={40} value={code} onChange={(e) => setCode(e.target.value)} required />
      </div>
      {error && (
        <p className="error-text" role="alert">
          {t(error)}
        </p>
      )}
      <div className="c-actions">
        <button type="submit" className="btn" disabled={busy}>
          {t('security.reauth.submit')}
        </button>
        {passkeysSupported() && (
          <button type="button" className="btn btn-secondary" onClick={() => void withPasskey()} disabled={busy}>
            {t('security.reauth.withPasskey')}
          </button>
        )}
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('security.reauth.cancel')}
        </button>
      </div>
    </form>
  );
}
