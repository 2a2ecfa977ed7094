// The research monitor for researchers: pick a year (and a multi-year range), read the
// protected tables with simple bar charts, download CSV / HTML / PDF and the coded data.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../src/protocol/staffApi.js';
import type { MonitorReport } from '../../../src/domain/monitor/monitorReport.js';
import { api, errorKey } from '../api.js';
import { ReportTableView } from './ReportTableView.js';
import { ImportPanel } from './ImportPanel.js';
import { VisibilityPanel } from '../partners/VisibilityPanel.js';

export function ReportsPage({ me }: { me: MeResponse }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [years, setYears] = useState<number[] | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [pooledFrom, setPooledFrom] = useState<number | null>(null);
  const [shown, setShown] = useState<{ year: number; pooledFrom: number | null } | null>(null);
  const [report, setReport] = useState<MonitorReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canImport = me.permissions.includes('codings:import');

  const loadYears = useCallback(async () => {
    try {
      const { years: list } = await api<{ years: number[] }>('GET', '/api/reports/years');
      setYears(list);
      const latest = list.at(-1) ?? null;
      setYear((y) => y ?? latest);
      if (latest !== null) setShown((s) => s ?? { year: latest, pooledFrom: null });
    } catch (e) {
      setError(t(errorKey(e)));
    }
  }, [t]);
  useEffect(() => {
    void loadYears();
  }, [loadYears]);

  const query = (s: { year: number; pooledFrom: number | null }) => `year=${s.year}${s.pooledFrom !== null ? `&from=${s.pooledFrom}&to=${s.year}` : ''}`;

  useEffect(() => {
    if (shown === null) return;
    let cancelled = false;
    setLoading(true);
    setError(null);
    api<MonitorReport>('GET', `/api/reports/monitor?${query(shown)}`)
      .then((r) => {
        if (!cancelled) setReport(r);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(t(errorKey(e)));
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
    if (year !== null) setShown({ year, pooledFrom: pooledFrom !== null && pooledFrom < year ? pooledFrom : null });
  };

  const yearOptions = years ?? [];
  const q = shown ? `${query(shown)}&lang=${lang}` : '';
  return (
    <main className="c-main c-reports">
      <h1>{t('reports.title')}</h1>
      <form className="c-report-controls" onSubmit={show}>
        <div className="field">
          <label htmlFor="report-year">{t('reports.year')}</label>
          <select id="report-year" value={year ?? ''} onChange={(e) => setYear(Number(e.currentTarget.value))}>
            {yearOptions.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-pooled">{t('reports.pooledFrom')}</label>
          <select id="report-pooled" value={pooledFrom ?? ''} onChange={(e) => setPooledFrom(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}>
            <option value="">{t('reports.pooledDefault')}</option>
            {yearOptions
              .filter((y) => year === null || y < year)
              .map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
          </select>
        </div>
        <div className="c-form-submit">
          <button type="submit" className="btn" disabled={year === null}>
            {t('reports.show')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {loading && <p className="muted">{t('reports.loading')}</p>}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        {years !== null && years.length === 0 && <p>{t('reports.noData')}</p>}
      </div>

      {report && shown && (
        <>
          <section className="card c-section" aria-labelledby="downloads-title">
            <h2 id="downloads-title">{t('reports.downloads')}</h2>
            <ul className="c-downloads">
              <li>
                <a className="btn btn-secondary btn-small" href={`/api/reports/monitor.csv?${q}`} download>
                  {t('reports.csv')}
                </a>
              </li>
              <li>
                <a className="btn btn-secondary btn-small" href={`/api/reports/monitor.html?${q}`} download>
                  {t('reports.html')}
                </a>
              </li>
              <li>
                <a className="btn btn-secondary btn-small" href={`/api/reports/monitor.pdf?${q}`} download>
                  {t('reports.pdf')}
                </a>
              </li>
              <li>
                <a className="btn btn-secondary btn-small" href="/api/reports/coded-data?format=csv" download>
                  {t('reports.codedCsv')}
                </a>
              </li>
              <li>
                <a className="btn btn-secondary btn-small" href="/api/reports/coded-data?format=json" download>
                  {t('reports.codedJson')}
                </a>
              </li>
            </ul>
            <p className="c-small muted">{t('reports.downloadsNote')}</p>
          </section>

          <section className="card c-section" aria-labelledby="headline-title">
            <h2 id="headline-title">{t('reports.headline', { year: report.year })}</h2>
            <dl className="c-headline">
              {report.headline.map((h) => (
                <div key={h.key} className="c-headline-item" data-key={h.key}>
                  <dt>{h.label[lang]}</dt>
                  <dd>
                    <span className="c-headline-count">{h.cell.display}</span>
                    {h.cell.percent !== null && h.denominator !== null && <span className="c-small"> ({t('reports.percentOf', { percent: formatPercent(h.cell.percent, lang), denominator: h.denominator[lang] })})</span>}
                  </dd>
                </div>
              ))}
            </dl>
          </section>

          <section className="card c-section" aria-labelledby="method-title">
            <h2 id="method-title">{t('reports.method')}</h2>
            <p>{report.method.yearDefinition[lang]}</p>
            <p>{report.method.uniqueCounting[lang]}</p>
            <p>{report.method.representative[lang]}</p>
            <h3>{t('reports.suppression')}</h3>
            <p>{report.suppression.description[lang]}</p>
          </section>

          <h2>{t('reports.tables', { year: report.year })}</h2>
          {report.tables.map((table) => (
            <ReportTableView key={table.id} table={table} population={report.populations[table.population as keyof MonitorReport['populations']]?.[lang]} lang={lang} />
          ))}
          {report.pooled.map((p) => (
            <section key={`${p.range.from}-${p.range.to}`} aria-label={t('reports.pooled', { range: `${p.range.from}–${p.range.to}` })}>
              <h2>{t('reports.pooled', { range: `${p.range.from}–${p.range.to}` })}</h2>
              {p.tables.map((table) => (
                <ReportTableView key={table.id} table={table} population={report.populations[table.population as keyof MonitorReport['populations']]?.[lang]} lang={lang} />
              ))}
            </section>
          ))}
          <h2>{t('reports.series')}</h2>
          <ReportTableView table={report.series.table} population={report.populations.visitors[lang]} lang={lang} chart={false} />
          {report.agreement && (
            <section className="card c-section" aria-labelledby="report-agreement-title">
              <h2 id="report-agreement-title">{t('reports.agreement')}</h2>
              <ul>
                {report.agreement
                  .filter((a) => a.kappa !== null)
                  .map((a) => (
                    <li key={a.fieldId}>
                      {a.label[lang]}: {a.kappa!.toFixed(2)} (n = {a.n})
                    </li>
                  ))}
              </ul>
            </section>
          )}
        </>
      )}
      <VisibilityPanel />
      {canImport && <ImportPanel onImported={() => void loadYears()} />}
    </main>
  );
}

export function formatPercent(percent: number, lang: 'nl' | 'en'): string {
  return percent.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });
}
