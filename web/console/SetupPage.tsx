import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorKey } from './api.js';
import { ConsoleLanguageSwitch } from './LanguageSwitch.js';
import { BrandName } from './BrandName.js';

export function SetupPage({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  // The one-time token travels in the fragment, which browsers never send to a server.
  const [token] = useState(() => location.hash.replace(/^#/, ''));
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [form, setForm] = useState({ username: '', displayName: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // Take the token out of the address bar (and so out of history) at once.
    history.replaceState(null, '', '/console/setup');
    api<{ needed: boolean }>('GET', '/api/setup')
      .then((r) => setNeeded(r.needed))
      .catch(() => setNeeded(true));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/api/setup', { token, ...form });
      setDone(true);
    } catch (e) {
      setError(errorKey(e));
    } finally {
      setBusy(false);
    }
  };

  const toLogin = () => {
    history.replaceState(null, '', '/console');
    onDone();
  };

  return (
    <main className="c-narrow">
      <div className="c-narrow-top">
        <BrandName />
        <ConsoleLanguageSwitch />
      </div>
      <div className="card">
        <h1>{t('setup.title')}</h1>
        {done || needed === false ? (
          <>
            <p role="status">{done ? t('setup.done') : t('setup.notNeeded')}</p>
            {done && <p>{t('security.setupNext')}</p>}
            <button type="button" className="btn" onClick={toLogin}>
              {t('setup.toLogin')}
            </button>
          </>
        ) : !token ? (
          <p>{t('setup.noToken')}</p>
        ) : (
          <form onSubmit={(e) => void submit(e)}>
            <p>{t('setup.intro')}</p>
            <div className="field">
              <label htmlFor="setup-username">{t('setup.username')}</label>
              <input id="setup-username" type="text" autoComplete="username" autoCapitalize="none" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} required />
            </div>
            <div className="field">
              <label htmlFor="setup-display">{t('setup.displayName')}</label>
              <input id="setup-display" type="text" value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} required />
            </div>
            <div className="field">
              <label htmlFor="setup-password">{t('setup.password')}</label>
              <input id="setup-password" type="password" autoComplete="new-password" minLength={12} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required />
            </div>
            {error && (
              <p className="error-text" role="alert">
                {t(error)}
              </p>
            )}
            <button type="submit" className="btn" disabled={busy}>
              {t('setup.submit')}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
