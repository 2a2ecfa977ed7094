// One protected monitor table: an accessible HTML table (caption, header cells, scope) with a
// simple SVG bar chart of its value rows beside it. Suppressed cells show "<5" or "x" as published.
import { useTranslation } from 'react-i18next';
import type { ReportCell, ReportTable } from '../../../src/domain/monitor/countTable.js';
import { formatPercent } from './ReportsPage.js';
import { chartBars } from '../../../src/domain/monitor/chartBars.js';
import { BarChart } from '../common/BarChart.js';

export function ReportTableView({ table, population, lang, chart = true }: { table: ReportTable; population: string | undefined; lang: 'nl' | 'en'; chart?: boolean }) {
  const { t } = useTranslation();
  const title = table.title[lang];
  const captionId = `table-${table.id}`;
  return (
    <section className="card c-section c-report-table" aria-labelledby={captionId} data-table={table.id}>
      <h3 id={captionId}>{title}</h3>
      {population && <p className="c-small muted">{t('reports.population', { population })}</p>}
      <div className="c-report-body">
        <div className="c-table-wrap">
          <table className="c-table c-table-numbers">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <td />
                {table.columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label[lang]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={row.key} className={`c-row-${row.kind}${row.summary ? ' c-row-summary' : ''}`} data-row={row.key}>
                  <th scope="row">{row.label[lang]}</th>
                  {table.columns.map((c, ci) => (
                    <td key={c.key}>{cellText(table.cells[r]?.[ci], lang)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {chart && <ReportBarChart table={table} lang={lang} label={t('reports.chartOf', { title })} />}
      </div>
    </section>
  );
}

function cellText(cell: ReportCell | undefined, lang: 'nl' | 'en'): string {
  if (cell === undefined) return '';
  return cell.percent === null ? cell.display : `${cell.display} (${formatPercent(cell.percent, lang)}%)`;
}

/**
 * Bars for the value rows of the total column (else the first), as in the HTML report (chartBars):
 * a suppressed row keeps its place with its marker and no bar; a summary row (the pooled range)
 * is not drawn as one more year.
 */
function ReportBarChart({ table, lang, label }: { table: ReportTable; lang: 'nl' | 'en'; label: string }) {
  const { t } = useTranslation();
  const bars = chartBars(table).map((b) => ({ key: b.key, label: b.label[lang], count: b.count, display: b.count === null ? `${b.display} (${t('reports.suppressedBar')})` : b.display }));
  return <BarChart bars={bars} label={label} />;
}
