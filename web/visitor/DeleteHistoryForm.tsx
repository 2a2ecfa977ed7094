import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeleteHistoryResponse } from '../../src/protocol/visitorProtocol.js';
import { ReturnCodeInput } from './ReturnCodeInput.js';

type Outcome = { kind: 'deleted'; count: number } | { kind: 'error'; reason: 'unknown' | 'chatOpen' | 'tooOften' | 'failed' };

const reasonByStatus: Record<number, 'unknown' | 'chatOpen' | 'tooOften'> = { 404: 'unknown', 409: 'chatOpen', 429: 'tooOften' };

/** With her return code she deletes all her chat messages now, instead of waiting for retention. */
export function DeleteHistoryForm() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const ask = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim() === '') return;
    setOutcome(null);
    setConfirming(true);
  };

  const remove = async () => {
    setBusy(true);
    try {
      const res = await fetch('/api/visitor/history/delete', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ returnCode: code }),
        cache: 'no-store',
        credentials: 'omit',
      });
      if (res.ok) {
        const body = (await res.json()) as DeleteHistoryResponse;
        setOutcome({ kind: 'deleted', count: body.conversations });
        setCode('');
      } else {
        setOutcome({ kind: 'error', reason: reasonByStatus[res.status] ?? 'failed' });
      }
    } catch {
      setOutcome({ kind: 'error', reason: 'failed' });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <section aria-labelledby="delete-history-title">
      <h2 id="delete-history-title">{t('deleteHistory.title')}</h2>
      <p>{t('deleteHistory.explain')}</p>
      <form className="card" onSubmit={ask} noValidate>
        <div className="field">
          <label htmlFor="delete-code">{t('returnCode.enterLabel')}</label>
          <ReturnCodeInput
            id="delete-code"
            value={code}
            onChange={(next) => {
              setCode(next);
              setConfirming(false);
            }}
          />
        </div>
        {!confirming && (
          <button type="submit" className="btn btn-secondary" disabled={code.trim() === ''}>
            {t('deleteHistory.submit')}
          </button>
        )}
        {confirming && (
          <div role="group" aria-labelledby="delete-confirm">
            <p id="delete-confirm">{t('deleteHistory.confirm')}</p>
            <button type="button" className="btn btn-danger" onClick={() => void remove()} disabled={busy}>
              {busy ? t('returnCode.working') : t('deleteHistory.yes')}
            </button>{' '}
            <button type="button" className="btn btn-secondary" onClick={() => setConfirming(false)} disabled={busy}>
              {t('deleteHistory.no')}
            </button>
          </div>
        )}
        <div role="status">
          {outcome?.kind === 'deleted' && <p className="notice">{t('deleteHistory.done', { count: outcome.count })}</p>}
          {outcome?.kind === 'error' && <p className="error-text">{t(`deleteHistory.${outcome.reason}`)}</p>}
        </div>
      </form>
    </section>
  );
}
