// Closed hours (from the opening hours) and hours with a full queue, per period and listed,
// each with the basis it was derived on.
import { useTranslation } from 'react-i18next';
import type { ServiceHours } from '../../../src/domain/serviceFigures/serviceHours.js';
import { instantLabel, periodLabel } from './figuresFormat.js';

const MAX_FULL_LISTED = 100;

export function ServiceHoursPanel({ hours, lang }: { hours: ServiceHours; lang: 'nl' | 'en' }) {
  const { t } = useTranslation();
  const n = (v: number) => v.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });
  return (
    <section className="card c-section" aria-labelledby="figures-hours-title">
      <h2 id="figures-hours-title">{t('figures.hoursTitle')}</h2>
      <p className="c-small">{hours.closedBasis === 'hours' ? t('figures.closedByHours') : t('figures.closedByHand')}</p>
      <p className="c-small">{hours.queueCap === null ? t('figures.noQueueCap') : t('figures.queueCap', { cap: hours.queueCap })}</p>
      {hours.perPeriod.length > 0 && (
        <div className="c-table-wrap">
          <table className="c-table c-table-numbers" data-table="hours">
            <caption className="visually-hidden">{t('figures.hoursTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('figures.hoursColumns.period')}</th>
                <th scope="col">{t('figures.hoursColumns.closed')}</th>
                <th scope="col">{t('figures.hoursColumns.full')}</th>
              </tr>
            </thead>
            <tbody>
              {hours.perPeriod.map((p) => (
                <tr key={p.period} data-period={p.period}>
                  <th scope="row">{periodLabel(p.period, lang, t)}</th>
                  <td data-column="closed">{n(p.closedHours)}</td>
                  <td data-column="full">{p.fullQueueHours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hours.closed.length > 0 && (
        <details>
          <summary>{t('figures.closedList', { count: hours.closed.length })}</summary>
          <ul className="c-small">
            {hours.closed.map((c) => (
              <li key={c.from}>{t('figures.until', { from: instantLabel(c.from, lang), to: instantLabel(c.to, lang) })}</li>
            ))}
          </ul>
          {hours.closedTruncated && <p className="c-small muted">{t('figures.closedTruncated', { count: hours.closed.length })}</p>}
        </details>
      )}
      <h3>{t('figures.fullList')}</h3>
      {hours.fullQueueHours.length === 0 ? (
        <p className="c-small">{t('figures.noFull')}</p>
      ) : (
        <ul className="c-small" data-list="full-queue">
          {hours.fullQueueHours.slice(0, MAX_FULL_LISTED).map((h) => (
            <li key={h}>{t('figures.until', { from: instantLabel(h, lang), to: instantLabel(h + 3_600_000, lang) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
