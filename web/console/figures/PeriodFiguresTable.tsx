// The figures per period for one priority (or all): an accessible table and a bar chart of the
// arrivals beside it. Protected cells show "<5", "x" or "–" as computed on the server.
import { useTranslation } from 'react-i18next';
import type { FigureCell, PeriodFigures } from '../../../src/domain/serviceFigures/serviceFigures.js';
import { BarChart } from '../common/BarChart.js';
import { periodLabel } from './figuresFormat.js';

const columns = ['arrivals', 'answered', 'within1', 'within5', 'within15', 'waitP50', 'waitP90', 'abandoned', 'abandonedAfter', 'chatLength'] as const;

function cellOf(row: PeriodFigures, column: (typeof columns)[number]): FigureCell {
  switch (column) {
    case 'within1':
      return row.answeredWithin.m1;
    case 'within5':
      return row.answeredWithin.m5;
    case 'within15':
      return row.answeredWithin.m15;
    case 'waitP50':
      return row.waitP50Ms;
    case 'waitP90':
      return row.waitP90Ms;
    case 'abandonedAfter':
      return row.abandonedAfterP50Ms;
    case 'chatLength':
      return row.chatLengthP50Ms;
    default:
      return row[column];
  }
}

export function PeriodFiguresTable({ rows, granularity, priorityLabel, lang }: { rows: readonly PeriodFigures[]; granularity: 'day' | 'week' | 'month'; priorityLabel: string; lang: 'nl' | 'en' }) {
  const { t } = useTranslation();
  const periodName = t(`figures.periods.${granularity}`);
  const bars = rows.map((r) => ({
    key: r.period,
    label: periodLabel(r.period, lang, t),
    count: r.arrivals.value,
    display: r.arrivals.value === null ? `${r.arrivals.display} (${t('figures.suppressedBar')})` : r.arrivals.display,
  }));
  return (
    <div className="c-report-body">
      <div className="c-table-wrap" tabIndex={0} role="region" aria-label={t('figures.tableCaption', { period: periodName, priority: priorityLabel })}>
        <table className="c-table c-table-numbers" data-table="periods">
          <caption className="visually-hidden">{t('figures.tableCaption', { period: periodName, priority: priorityLabel })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('figures.columns.period')}</th>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {t(`figures.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.period} data-period={r.period}>
                <th scope="row">{periodLabel(r.period, lang, t)}</th>
                {columns.map((c) => {
                  const cell = cellOf(r, c);
                  return (
                    <td key={c} data-column={c} data-suppressed={cell.value === null ? 'true' : undefined}>
                      {cell.display}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <BarChart bars={bars} label={t('figures.arrivalsChart', { period: periodName })} />
    </div>
  );
}
