// The reports area's visibility table: per source, how often the start page was opened with its
// referral token and how many chats started, over the days chosen; protected like the monitor.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisibilityReportDto } from '../../../src/protocol/visibilityApi.js';
import { api, errorKey } from '../api.js';
import { ReportTableView } from '../reports/ReportTableView.js';

/** This month so far, as Amsterdam dates would give it (the browser's own date is close enough here). */
function thisMonth(): { from: string; to: string } {
  const today = new Date();
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { from: iso(new Date(today.getFullYear(), today.getMonth(), 1)), to: iso(today) };
}

export function VisibilityPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [range, setRange] = useState(thisMonth);
  const [shown, setShown] = useState(range);
  const [report, setReport] = useState<VisibilityReportDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    api<VisibilityReportDto>('GET', `/api/reports/visibility?from=${shown.from}&to=${shown.to}`)
      .then((r) => {
        if (!cancelled) setReport(r);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(t(errorKey(e)));
      });
    return () => {
      cancelled = true;
    };
  }, [shown, t]);

  const show = (event: FormEvent) => {
    event.preventDefault();
    if (range.from && range.to && range.from <= range.to) setShown({ ...range });
  };

  return (
    <section className="card c-section" aria-labelledby="visibility-title" data-section="visibility">
      <h2 id="visibility-title">{t('visibility.title')}</h2>
      <p className="hint">{t('visibility.intro')}</p>
      <form className="c-report-controls" onSubmit={show}>
        <div className="field">
          <label htmlFor="visibility-from">{t('visibility.from')}</label>
          <input id="visibility-from" type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.currentTarget.value })} />
        </div>
        <div className="field">
          <label htmlFor="visibility-to">{t('visibility.to')}</label>
          <input id="visibility-to" type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.currentTarget.value })} />
        </div>
        <div className="c-form-submit">
          <button type="submit" className="btn btn-secondary">
            {t('visibility.show')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        {report && report.tables.length === 0 && <p className="muted">{t('visibility.empty')}</p>}
      </div>
      {/* Ids of their own: the yearly monitor below may show the same tables for its year. */}
      {report?.tables.map((table) => <ReportTableView key={table.id} table={{ ...table, id: `range-${table.id}` }} population={undefined} lang={lang} chart={false} />)}
      {report && report.tables.length > 0 && <p className="c-small muted">{report.note[lang]}</p>}
    </section>
  );
}
