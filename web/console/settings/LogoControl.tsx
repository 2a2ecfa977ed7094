// The service logo on the settings page: the current one, a new one chosen from a file (PNG,
// JPEG or WebP, at most 100 kB; the server checks the file's own bytes), or none.
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrandingDto } from '../../../src/protocol/brandingApi.js';
import { api, ApiError, errorKey } from '../api.js';
import { setBranding, useBranding } from '../branding.js';

const maxBytes = 100 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function LogoControl() {
  const { t } = useTranslation();
  const { logoUrl } = useBranding();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setMessage(null);
    if (file.size > maxBytes) return setMessage({ kind: 'error', text: t('settings.logoTooLarge') });
    setBusy(true);
    try {
      const image = toBase64(new Uint8Array(await file.arrayBuffer()));
      setBranding(await api<BrandingDto>('PUT', '/api/settings/logo', { image }));
      setMessage({ kind: 'ok', text: t('settings.logoSaved') });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      setMessage({ kind: 'error', text: code === 'unsupported_image' ? t('settings.logoWrongType') : code === 'too_large' ? t('settings.logoTooLarge') : t(errorKey(e)) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setMessage(null);
    setBusy(true);
    try {
      setBranding(await api<BrandingDto>('DELETE', '/api/settings/logo'));
      setMessage({ kind: 'ok', text: t('settings.logoRemoved') });
    } catch (e) {
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="c-logo-control" data-field="logo">
      <p className="c-logo-current">
        <span className="c-small">{t('settings.logoCurrent')}</span>{' '}
        {logoUrl ? <img src={logoUrl} alt={t('settings.logoAlt')} height={40} className="c-logo-preview" /> : <span className="muted">{t('settings.logoNone')}</span>}
      </p>
      <div className="field">
        <label htmlFor="set-logo">{t('settings.logoChoose')}</label>
        <input id="set-logo" type="file" accept="image/png,image/jpeg,image/webp" disabled={busy} onChange={(e) => void upload(e)} aria-describedby="set-logo-hint" />
        <span id="set-logo-hint" className="hint">
          {t('settings.logoHint')}
        </span>
      </div>
      {logoUrl && (
        <button type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={() => void remove()}>
          {t('settings.logoRemove')}
        </button>
      )}
      <div aria-live="polite">
        {message && (
          <p className={message.kind === 'ok' ? 'notice' : 'error-text'} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </div>
    </div>
  );
}
