// The administrator's referral tokens (one per partner, campaign or poster), with a printable
// poster for each, and the switch for the optional "How did you find us?" question.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralDto } from '../../../src/protocol/visibilityApi.js';
import type { ServiceSettings } from '../../../src/protocol/serviceSettings.js';
import { api, ApiError, errorKey } from '../api.js';
import { DataTable } from '../common/DataTable.js';

// Listed here rather than imported, so the console bundle does not pull in zod.
const kinds = ['partner', 'campaign', 'poster'] as const;
type Kind = (typeof kinds)[number];

export function ReferralsPanel() {
  const { t } = useTranslation();
  const [referrals, setReferrals] = useState<ReferralDto[] | null>(null);
  const [askHowFound, setAskHowFound] = useState<boolean | null>(null);
  const [draft, setDraft] = useState<{ label: string; token: string; kind: Kind }>({ label: '', token: '', kind: 'partner' });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setReferrals((await api<{ referrals: ReferralDto[] }>('GET', '/api/referrals')).referrals);
      setAskHowFound((await api<{ settings: ServiceSettings }>('GET', '/api/settings')).settings.askHowFound);
    } catch (e) {
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    setBusy(true);
    try {
      const created = await api<ReferralDto>('POST', '/api/referrals', draft);
      setDraft({ label: '', token: '', kind: draft.kind });
      setMessage({ kind: 'ok', text: t('partners.added', { token: created.token }) });
      await load();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError && e.code === 'conflict' ? t('partners.taken') : e instanceof ApiError && e.issues.length > 0 ? e.issues.map((i) => i.message).join(' ') : t(errorKey(e)) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (referral: ReferralDto) => {
    setMessage(null);
    try {
      await api('DELETE', `/api/referrals/${encodeURIComponent(referral.token)}`);
      setMessage({ kind: 'ok', text: t('partners.removed', { token: referral.token }) });
      await load();
    } catch (e) {
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    }
  };

  const switchHowFound = async (on: boolean) => {
    setMessage(null);
    try {
      const { settings } = await api<{ settings: ServiceSettings }>('PUT', '/api/settings', { askHowFound: on });
      setAskHowFound(settings.askHowFound);
      setMessage({ kind: 'ok', text: t('partners.askHowFoundSaved') });
    } catch (e) {
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    }
  };

  return (
    <section className="card c-section" aria-labelledby="set-partners" data-section="partners">
      <h2 id="set-partners">{t('partners.title')}</h2>
      <p className="hint">{t('partners.intro')}</p>
      <div className="field c-check">
        <label>
          <input type="checkbox" checked={askHowFound ?? false} disabled={askHowFound === null} onChange={(e) => void switchHowFound(e.target.checked)} aria-describedby="set-how-found-hint" />{' '}
          {t('partners.askHowFound')}
        </label>
        <span id="set-how-found-hint" className="hint">
          {t('partners.askHowFoundHint')}
        </span>
      </div>
      {referrals !== null && referrals.length === 0 && <p className="muted">{t('partners.none')}</p>}
      {referrals !== null && referrals.length > 0 && (
        <DataTable
          label={t('partners.listLabel')}
          rows={referrals}
          rowKey={(r) => r.token}
          rowAttributes={(r) => ({ 'data-token': r.token })}
          columns={[
            { id: 'label', header: t('partners.label'), cell: (r) => r.label },
            { id: 'token', header: t('partners.token'), cell: (r) => <code>{r.token}</code> },
            { id: 'kind', header: t('partners.kind'), cell: (r) => t(`partners.kinds.${r.kind}`) },
            { id: 'link', header: t('partners.link'), cell: (r) => <code>{`${location.origin}/?via=${r.token}`}</code> },
            {
              id: 'actions',
              header: <span className="visually-hidden">{t('partners.remove')}</span>,
              cell: (r) => (
                <span className="c-row-actions">
                  <a className="btn btn-secondary btn-small" href={`/console/poster/${encodeURIComponent(r.token)}`} target="_blank" rel="noopener" aria-label={t('partners.posterLabel', { label: r.label })}>
                    {t('partners.poster')}
                  </a>{' '}
                  <button type="button" className="btn btn-secondary btn-small" onClick={() => void remove(r)} aria-label={t('partners.removeLabel', { label: r.label })}>
                    {t('partners.remove')}
                  </button>
                </span>
              ),
            },
          ]}
        />
      )}
      <form className="c-form-grid" onSubmit={(e) => void add(e)} noValidate>
        <div className="field">
          <label htmlFor="ref-label">{t('partners.label')}</label>
          <input id="ref-label" type="text" maxLength={80} value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="ref-token">{t('partners.token')}</label>
          <input id="ref-token" type="text" maxLength={32} autoCapitalize="off" spellCheck={false} value={draft.token} onChange={(e) => setDraft({ ...draft, token: e.target.value })} aria-describedby="ref-token-hint" />
          <span id="ref-token-hint" className="hint">
            {t('partners.tokenHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="ref-kind">{t('partners.kind')}</label>
          <select id="ref-kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as Kind })}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`partners.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="c-form-submit">
          <button type="submit" className="btn" disabled={busy}>
            {t('partners.add')}
          </button>
        </div>
      </form>
      <p className="hint">{t('partners.widgetHint')}</p>
      <div aria-live="polite">
        {message && (
          <p className={message.kind === 'ok' ? 'notice' : 'error-text'} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </div>
    </section>
  );
}
