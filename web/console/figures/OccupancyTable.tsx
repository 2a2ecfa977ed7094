// Hours on duty and occupancy (chat time per hour on duty) per period, with a bar chart.
import { useTranslation } from 'react-i18next';
import type { ServiceFigures } from '../../../src/domain/serviceFigures/serviceFigures.js';
import { BarChart } from '../common/BarChart.js';
import { periodLabel } from './figuresFormat.js';

export function OccupancyTable({ occupancy, granularity, lang }: { occupancy: ServiceFigures['occupancy']; granularity: 'day' | 'week' | 'month'; lang: 'nl' | 'en' }) {
  const { t } = useTranslation();
  const hours = (n: number) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });
  const bars = occupancy.map((o) => ({ key: o.period, label: periodLabel(o.period, lang, t), count: o.occupancy.value === null ? null : Math.round(o.occupancy.value * 100), display: o.occupancy.display }));
  return (
    <section className="card c-section" aria-labelledby="figures-occupancy-title">
      <h2 id="figures-occupancy-title">{t('figures.occupancyTitle')}</h2>
      <p className="c-small muted">{t('figures.occupancyIntro')}</p>
      {occupancy.length === 0 ? (
        <p>{t('figures.noOccupancy')}</p>
      ) : (
        <div className="c-report-body">
          <div className="c-table-wrap">
            <table className="c-table c-table-numbers" data-table="occupancy">
              <caption className="visually-hidden">{t('figures.occupancyTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('figures.occupancyColumns.period')}</th>
                  <th scope="col">{t('figures.occupancyColumns.hours')}</th>
                  <th scope="col">{t('figures.occupancyColumns.occupancy')}</th>
                </tr>
              </thead>
              <tbody>
                {occupancy.map((o) => (
                  <tr key={o.period} data-period={o.period}>
                    <th scope="row">{periodLabel(o.period, lang, t)}</th>
                    <td data-column="hours">{hours(o.counsellorHours)}</td>
                    <td data-column="occupancy">{o.occupancy.display}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <BarChart bars={bars} label={t('figures.occupancyChart', { period: t(`figures.periods.${granularity}`) })} max={Math.max(100, ...bars.map((b) => b.count ?? 0))} />
        </div>
      )}
    </section>
  );
}
