// The coordinator's service figures: choose day, week or month and a range of dates, read the
// table per period (per priority), the occupancy, the hour-of-week heatmap and the closed or full
// hours, and download the CSV. Small numbers arrive protected from the server; this page only
// shows them and says what the marks mean.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FiguresResponse } from '../../../src/protocol/serviceFiguresApi.js';
import { PRIORITIES, type Priority } from '../../../src/domain/queue/priority.js';
import { api, ApiError, download, errorKey } from '../api.js';
import { amsterdamDate } from './figuresFormat.js';
import { PeriodFiguresTable } from './PeriodFiguresTable.js';
import { OccupancyTable } from './OccupancyTable.js';
import { HourOfWeekHeatmap } from './HourOfWeekHeatmap.js';
import { ServiceHoursPanel } from './ServiceHoursPanel.js';

type Granularity = 'day' | 'week' | 'month';
interface Query {
  period: Granularity;
  from: string;
  to: string;
}

const queryString = (q: Query) => `period=${q.period}&from=${q.from}&to=${q.to}`;

export function FiguresPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [form, setForm] = useState<Query>(() => ({ period: 'day', from: amsterdamDate(13), to: amsterdamDate() }));
  const [shown, setShown] = useState<Query>(form);
  const [priority, setPriority] = useState<Priority | 'all'>('all');
  const [data, setData] = useState<FiguresResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setError(null);
    api<FiguresResponse>('GET', `/api/figures?${queryString(shown)}`)
      .then((d) => {
        if (!cancelled) setData(d);
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        setData(null);
        setError(e instanceof ApiError && e.status === 400 ? t('figures.bad.range') : t(errorKey(e)));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [shown, t]);

  const show = (event: FormEvent) => {
    event.preventDefault();
    setShown({ ...form });
  };
  const downloadCsv = async () => {
    try {
      await download(`/api/figures.csv?${queryString(shown)}`);
    } catch (e) {
      setError(t(errorKey(e)));
    }
  };

  const rows = data?.figures.rows.filter((r) => r.priority === priority) ?? [];
  const granularity = data?.figures.granularity ?? shown.period;
  return (
    <main className="c-main c-reports c-figures">
      <h1>{t('figures.title')}</h1>
      <p className="muted">{t('figures.intro')}</p>
      <form className="c-report-controls" onSubmit={show}>
        <div className="field">
          <label htmlFor="figures-period">{t('figures.period')}</label>
          <select id="figures-period" value={form.period} onChange={(e) => setForm({ ...form, period: e.currentTarget.value as Granularity })}>
            {(['day', 'week', 'month'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`figures.periods.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="figures-from">{t('figures.from')}</label>
          <input id="figures-from" type="date" required value={form.from} onChange={(e) => setForm({ ...form, from: e.currentTarget.value })} />
        </div>
        <div className="field">
          <label htmlFor="figures-to">{t('figures.to')}</label>
          <input id="figures-to" type="date" required value={form.to} onChange={(e) => setForm({ ...form, to: e.currentTarget.value })} />
        </div>
        <div className="c-form-submit">
          <button type="submit" className="btn">
            {t('figures.show')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {loading && <p className="muted">{t('figures.loading')}</p>}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </div>

      {data && (
        <>
          <section className="card c-section" aria-labelledby="figures-table-title">
            <h2 id="figures-table-title">{t('figures.tableTitle')}</h2>
            <div className="c-report-controls">
              <div className="field">
                <label htmlFor="figures-priority">{t('figures.priority')}</label>
                <select id="figures-priority" value={priority} onChange={(e) => setPriority(e.currentTarget.value as Priority | 'all')}>
                  {(['all', ...PRIORITIES] as const).map((p) => (
                    <option key={p} value={p}>
                      {t(`figures.priorities.${p}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="c-form-submit">
                <button type="button" className="btn btn-secondary" onClick={() => void downloadCsv()}>
                  {t('figures.download')}
                </button>
              </div>
            </div>
            <p className="c-small muted">{t('figures.downloadNote')}</p>
            {rows.length === 0 ? <p>{t('figures.noData')}</p> : <PeriodFiguresTable rows={rows} granularity={granularity} priorityLabel={t(`figures.priorities.${priority}`)} lang={lang} />}
            <p className="c-small muted">{t('figures.withinNote')}</p>
          </section>
          <section className="card c-section" aria-labelledby="figures-suppression-title">
            <h2 id="figures-suppression-title">{t('figures.suppressionTitle')}</h2>
            <ul className="c-small">
              <li>{t('figures.suppression.small')}</li>
              <li>{t('figures.suppression.secondary')}</li>
              <li>{t('figures.suppression.dash')}</li>
            </ul>
          </section>
          <OccupancyTable occupancy={data.figures.occupancy} granularity={granularity} lang={lang} />
          <HourOfWeekHeatmap heatmap={data.figures.heatmap} />
          <ServiceHoursPanel hours={data.hours} lang={lang} />
        </>
      )}
    </main>
  );
}
