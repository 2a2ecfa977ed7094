// Beside a chat she holds: the warm handovers recorded for it and the form to record one, with
// her consent (in her own words) or, without it, the emergency route that a supervisor decides.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverListResponse, HandoverView, RecordHandoverRequest } from '../../../src/protocol/handoverApi.js';
import { handoverLimits } from '../../../src/protocol/caseworkLimits.js';
import type { HandoverKind, HandoverMethod } from '../../../src/domain/handover/handoverRules.js';
import { PlainText } from '../../common/PlainText.js';
import { dateTimeMinutes } from '../../common/time.js';
import { api, errorKey } from '../api.js';
import { loadToolkit, useDirectory } from '../toolkit/toolkitData.js';

export const letterPath = (id: string) => `/console/handovers/${id}/letter`;

export function HandoverPanel({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation();
  const [handovers, setHandovers] = useState<HandoverView[]>([]);
  const [formOpen, setFormOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    const res = await api<HandoverListResponse>('GET', `/api/handovers/for/${conversationId}`);
    setHandovers(res.handovers);
  }, [conversationId]);
  useEffect(() => {
    void load().catch(() => setHandovers([]));
  }, [load]);

  return (
    <details className="c-notes c-handovers" open={handovers.length > 0 || formOpen || undefined}>
      <summary>{t('casework.handover.count', { count: handovers.length })}</summary>
      <p className="muted c-small">{t('casework.handover.intro')}</p>
      {handovers.length === 0 ? (
        <p className="muted c-small">{t('casework.handover.none')}</p>
      ) : (
        <ul className="c-note-list">
          {handovers.map((h) => (
            <li key={h.id} className="c-note c-note-handover" data-handover={h.id} data-status={h.status}>
              <span className="c-note-kind">{h.organisation ?? t('casework.list.kind.' + h.kind)}</span>
              <span className="muted"> · {t(`casework.handover.methods.${h.method}`)} · {t(`casework.handover.status.${h.status}`)}</span>
              <span className="c-note-by muted"> · {t('casework.handover.by', { name: h.recordedByName, time: dateTimeMinutes(h.createdAt, i18n.language) })}</span>
              {h.shared === null && <span className="c-note-body muted">{t('casework.handover.removed')}</span>}
              {(h.status === 'recorded' || h.status === 'approved') && h.shared !== null && (
                <span className="c-note-body">
                  <a href={letterPath(h.id)} target="_blank" rel="noopener">
                    {t('casework.handover.letter')}
                  </a>{' '}
                  <span className="muted c-small">{t('casework.handover.letterNewTab')}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {notice && (
        <p className="c-small" role="status">
          {notice}
        </p>
      )}
      {formOpen ? (
        <HandoverForm
          conversationId={conversationId}
          onCancel={() => setFormOpen(false)}
          onSaved={async () => {
            setFormOpen(false);
            setNotice(t('casework.handover.saved'));
            await load();
          }}
        />
      ) : (
        <button type="button" className="btn btn-secondary btn-small" onClick={() => (setFormOpen(true), setNotice(null))}>
          {t('casework.handover.open')}
        </button>
      )}
    </details>
  );
}

function HandoverForm({ conversationId, onCancel, onSaved }: { conversationId: string; onCancel: () => void; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<HandoverKind>('consent');
  const [organisation, setOrganisation] = useState('');
  // Picked from the referral directory: the entry's id goes with the handover while the name is its own.
  const [directoryEntry, setDirectoryEntry] = useState<{ id: string; name: string } | null>(null);
  const { data: entries } = useDirectory();
  useEffect(() => void loadToolkit('directory').catch(() => undefined), []);
  const [method, setMethod] = useState<HandoverMethod>('phone');
  const [consentSummary, setConsentSummary] = useState('');
  const [shared, setShared] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `handover-${name}-${conversationId}`;
  const complete = organisation.trim() !== '' && shared.trim() !== '' && (kind === 'consent' ? consentSummary.trim() !== '' : reason.trim() !== '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!complete) return;
    setBusy(true);
    const body: RecordHandoverRequest = { conversationId, kind, organisation, method, shared, ...(directoryEntry && directoryEntry.name === organisation ? { directoryEntryId: directoryEntry.id } : {}), ...(kind === 'consent' ? { consentSummary } : { reason }) };
    try {
      await api('POST', '/api/handovers', body);
      setError(null);
      await onSaved();
    } catch (e) {
      setError(t(errorKey(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="c-note-form c-handover-form" onSubmit={(e) => void submit(e)} aria-labelledby={id('title')}>
      <h3 id={id('title')} className="c-small">
        {t('casework.handover.title')}
      </h3>
      <fieldset className="c-note-kind-choice c-handover-kinds">
        <legend>{t('casework.handover.kindLegend')}</legend>
        {(['consent', 'emergency'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name={id('kind')} value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`casework.handover.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      {entries && entries.length > 0 && (
        <div className="field">
          <label htmlFor={id('directory')}>{t('casework.handover.fromDirectory')}</label>
          <select
            id={id('directory')}
            value={directoryEntry && directoryEntry.name === organisation ? directoryEntry.id : ''}
            onChange={(e) => {
              const entry = entries.find((x) => x.id === e.target.value);
              setDirectoryEntry(entry ? { id: entry.id, name: entry.name } : null);
              if (entry) setOrganisation(entry.name);
            }}
          >
            <option value="">{t('casework.handover.ownOrganisation')}</option>
            {[...entries]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name}
                </option>
              ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={id('organisation')}>{t('casework.handover.organisation')}</label>
        <input id={id('organisation')} type="text" maxLength={handoverLimits.organisationChars} value={organisation} onChange={(e) => setOrganisation(e.target.value)} aria-describedby={id('organisation-hint')} />
        <span id={id('organisation-hint')} className="hint c-small">
          {t('casework.handover.organisationHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={id('method')}>{t('casework.handover.method')}</label>
        <select id={id('method')} value={method} onChange={(e) => setMethod(e.target.value as HandoverMethod)}>
          <option value="phone">{t('casework.handover.methods.phone')}</option>
          <option value="letter">{t('casework.handover.methods.letter')}</option>
        </select>
      </div>
      {kind === 'consent' ? (
        <TextField id={id('consent')} label={t('casework.handover.consentSummary')} hint={t('casework.handover.consentHint')} value={consentSummary} onChange={setConsentSummary} />
      ) : (
        <TextField id={id('reason')} label={t('casework.handover.reason')} hint={t('casework.handover.reasonHint')} value={reason} onChange={setReason} />
      )}
      <TextField id={id('shared')} label={t('casework.handover.shared')} hint={t('casework.handover.sharedHint')} value={shared} onChange={setShared} />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="c-row">
        <button type="submit" className="btn btn-small" disabled={busy || !complete}>
          {t('casework.handover.submit')}
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={onCancel}>
          {t('casework.handover.cancel')}
        </button>
      </div>
    </form>
  );
}

function TextField({ id, label, hint, value, onChange }: { id: string; label: string; hint: string; value: string; onChange: (value: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} maxLength={handoverLimits.textChars} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-hint`} />
      <span id={`${id}-hint`} className="hint c-small">
        {hint}
      </span>
    </div>
  );
}

/** Shows a handover's own texts (for the supervisors' list). */
export function HandoverTexts({ handover }: { handover: HandoverView }) {
  const { t } = useTranslation();
  if (handover.shared === null) return <span className="muted">{t('casework.handover.removed')}</span>;
  return (
    <>
      {handover.reason && <PlainText text={t('casework.list.reason', { text: handover.reason })} className="c-note-body" />}
      {handover.consentSummary && <PlainText text={t('casework.list.consent', { text: handover.consentSummary })} className="c-note-body" />}
    </>
  );
}
