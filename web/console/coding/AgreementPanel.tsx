// Supervisor: assign a double-coding sample to a second coder, and see Cohen's kappa per field.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementResponse } from '../../../src/protocol/codingApi.js';
import { api, errorKey } from '../api.js';

export function AgreementPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [data, setData] = useState<AgreementResponse | null>(null);
  const [coderId, setCoderId] = useState('');
  const [size, setSize] = useState(20);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const reload = useCallback(async () => {
    try {
      const next = await api<AgreementResponse>('GET', '/api/codings/agreement');
      setData(next);
      setCoderId((current) => current || next.coders[0]?.id || '');
    } catch (e) {
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    }
  }, [t]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const assign = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    try {
      const result = await api<{ assigned: number }>('POST', '/api/codings/sample', { coderId, size });
      setMessage({ kind: 'ok', text: t('coding.agreement.assigned', { count: result.assigned }) });
      await reload();
    } catch (e) {
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    }
  };
  const fmt = (x: number | null, digits: number) => (x === null ? t('coding.agreement.none') : x.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

  return (
    <section className="card c-section" aria-labelledby="agreement-title">
      <h2 id="agreement-title">{t('coding.agreement.title')}</h2>
      <p>{t('coding.agreement.intro')}</p>
      <div aria-live="polite">{message && <p className={message.kind === 'ok' ? 'notice' : 'error-text'}>{message.text}</p>}</div>
      <form className="c-form-grid" onSubmit={(e) => void assign(e)}>
        <div className="field">
          <label htmlFor="agreement-coder">{t('coding.agreement.coder')}</label>
          <select id="agreement-coder" value={coderId} onChange={(e) => setCoderId(e.currentTarget.value)}>
            {data?.coders.map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="agreement-size">{t('coding.agreement.size')}</label>
          <input id="agreement-size" type="number" min={1} max={500} value={size} onChange={(e) => setSize(Number(e.currentTarget.value))} />
        </div>
        <div className="c-form-submit">
          <button type="submit" className="btn" disabled={!coderId}>
            {t('coding.agreement.assign')}
          </button>
        </div>
      </form>
      {data && <p>{t('coding.agreement.status', { coded: data.coded, assigned: data.assigned })}</p>}
      {data && data.coded > 0 && (
        <div className="c-table-wrap">
          <table className="c-table">
            <caption className="visually-hidden">{t('coding.agreement.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coding.agreement.field')}</th>
                <th scope="col">{t('coding.agreement.n')}</th>
                <th scope="col">{t('coding.agreement.observed')}</th>
                <th scope="col">{t('coding.agreement.kappa')}</th>
              </tr>
            </thead>
            <tbody>
              {data.agreement.map((a) => (
                <tr key={a.fieldId}>
                  <th scope="row">{a.label[lang]}</th>
                  <td>{a.n}</td>
                  <td>{a.n === 0 ? t('coding.agreement.none') : `${fmt(a.observed * 100, 0)}%`}</td>
                  <td>{fmt(a.kappa, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
