import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../src/protocol/staffApi.js';
import { api, ApiError, errorKey } from './api.js';
import { ConsoleLanguageSwitch } from './LanguageSwitch.js';

export function LoginPage({ notice, onSignedIn }: { notice?: 'sessionEnded' | 'signedOut' | undefined; onSignedIn: (me: MeResponse) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api<MeResponse>('POST', '/api/auth/login', { username, password }));
    } catch (e) {
      setError(e instanceof ApiError && (e.status === 401 || e.code === 'invalid_request') ? 'login.wrong' : errorKey(e));
      setBusy(false);
    }
  };

  return (
    <main className="c-narrow">
      <div className="c-narrow-top">
        <span className="c-brand">{t('appName')}</span>
        <ConsoleLanguageSwitch />
      </div>
      <form className="card" onSubmit={(e) => void submit(e)}>
        <h1>{t('login.title')}</h1>
        {notice && (
          <p className="notice" role="status">
            {t(`login.${notice}`)}
          </p>
        )}
        <div className="field">
          <label htmlFor="login-username">{t('login.username')}</label>
          <input id="login-username" name="username" type="text" autoComplete="username" autoCapitalize="none" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('login.password')}</label>
          <input id="login-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </div>
        {error && (
          <p className="error-text" role="alert">
            {t(error)}
          </p>
        )}
        <button type="submit" className="btn" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
