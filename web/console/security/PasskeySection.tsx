import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasskeyDto } from '../../../src/protocol/passkeyApi.js';
import { api, ApiError } from '../api.js';
import { ReauthForm } from './ReauthForm.js';
import { DataTable } from '../common/DataTable.js';
import { addPasskey, passkeyErrorKey, passkeysSupported } from './passkeyCeremony.js';

const when = (ms: number, language: string) => new Date(ms).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' });

/**
 * My passkeys: the list (name, added, last used), removing one, and adding one under a name of
 * my choice. Adding and removing change how I sign in, so both need a fresh check first.
 */
export function PasskeySection({
  passkeys,
  onChanged,
  onMessage,
}: {
  passkeys: PasskeyDto[] | undefined;
  onChanged: () => Promise<void>;
  onMessage: (message: { kind: 'ok' | 'error'; text: string } | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The action to retry once she has confirmed it is her.
  const [afterReauth, setAfterReauth] = useState<(() => void) | null>(null);
  const supported = passkeysSupported();

  const needsReauth = (e: unknown, retry: () => void) => {
    if (!(e instanceof ApiError && e.code === 'reauth_required')) return false;
    setAfterReauth(() => retry);
    return true;
  };

  const add = async () => {
    onMessage(null);
    setError(null);
    setBusy(true);
    try {
      const added = await addPasskey(label.trim());
      setLabel('');
      onMessage({ kind: 'ok', text: t('security.passkeys.addedDone', { label: added.label }) });
      await onChanged();
    } catch (e) {
      if (!needsReauth(e, () => void add())) setError(passkeyErrorKey(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (passkey: PasskeyDto) => {
    onMessage(null);
    setError(null);
    try {
      await api('DELETE', `/api/auth/passkeys/${encodeURIComponent(passkey.id)}`);
      onMessage({ kind: 'ok', text: t('security.passkeys.removedDone', { label: passkey.label }) });
      await onChanged();
    } catch (e) {
      if (!needsReauth(e, () => void remove(passkey))) onMessage({ kind: 'error', text: t(passkeyErrorKey(e)) });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Checked before the browser asks for a fingerprint, not after.
    if (label.trim() === '') return setError('security.passkeys.labelMissing');
    void add();
  };

  return (
    <section className="card c-section" aria-labelledby="my-passkeys-title">
      <h2 id="my-passkeys-title">{t('security.passkeys.title')}</h2>
      <p>{t('security.passkeys.intro')}</p>
      {passkeys && passkeys.length === 0 && <p>{t('security.passkeys.none')}</p>}
      {passkeys && passkeys.length > 0 && (
        <DataTable
          label={t('security.passkeys.listLabel')}
          rows={passkeys}
          rowKey={(p) => p.id}
          columns={[
            { id: 'name', header: t('security.passkeys.name'), cell: (p) => p.label },
            { id: 'added', header: t('security.passkeys.added'), cell: (p) => when(p.createdAt, i18n.language) },
            { id: 'lastUsed', header: t('security.passkeys.lastUsed'), cell: (p) => (p.lastUsedAt === null ? t('security.passkeys.never') : when(p.lastUsedAt, i18n.language)) },
            {
              id: 'actions',
              header: t('staff.actions'),
              cell: (p) => (
                <button type="button" className="btn btn-secondary btn-small" onClick={() => void remove(p)}>
                  {t('security.passkeys.remove')}
                  <span className="visually-hidden"> {p.label}</span>
                </button>
              ),
            },
          ]}
        />
      )}
      {afterReauth ? (
        <ReauthForm
          onDone={() => {
            const retry = afterReauth;
            setAfterReauth(null);
            retry();
          }}
          onCancel={() => setAfterReauth(null)}
        />
      ) : supported ? (
        <form className="c-passkey-add" onSubmit={submit}>
          <div className="field">
            <label htmlFor="passkey-label">{t('security.passkeys.label')}</label>
            <p id="passkey-label-hint" className="c-field-hint">
              {t('security.passkeys.labelHint')}
            </p>
            <input
              id="passkey-label"
              type="text"
              maxLength={60}
              autoComplete="off"
              aria-describedby="passkey-label-hint"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              required
            />
          </div>
          {error && (
            <p className="error-text" role="alert">
              {t(error)}
            </p>
          )}
          <button type="submit" className="btn btn-secondary" disabled={busy}>
            {busy ? t('security.passkeys.busy') : t('security.passkeys.add')}
          </button>
        </form>
      ) : (
        <p>{t('security.passkeys.unsupported')}</p>
      )}
    </section>
  );
}
