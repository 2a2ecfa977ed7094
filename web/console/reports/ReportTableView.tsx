// One protected monitor table: an accessible HTML table (caption, header cells, scope) with a
// simple SVG bar chart of its value rows beside it. Suppressed cells show "<5" or "x" as published.
import { useTranslation } from 'react-i18next';
import type { ReportCell, ReportTable } from '../../../src/domain/monitor/countTable.js';
import { formatPercent } from './ReportsPage.js';
import { chartBars } from '../../../src/domain/monitor/chartBars.js';

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
        {chart && <BarChart table={table} lang={lang} label={t('reports.chartOf', { title })} />}
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
function BarChart({ table, lang, label }: { table: ReportTable; lang: 'nl' | 'en'; label: string }) {
  const { t } = useTranslation();
  const bars = chartBars(table).map((b) => ({ key: b.key, label: b.label[lang], count: b.count, display: b.count === null ? `${b.display} (${t('reports.suppressedBar')})` : b.display }));
  if (bars.length === 0) return null;
  const max = Math.max(1, ...bars.map((b) => b.count ?? 0));
  const rowHeight = 22;
  const labelWidth = 190;
  const barWidth = 200;
  const height = bars.length * rowHeight + 4;
  return (
    <svg className="c-chart" role="img" aria-label={label} viewBox={`0 0 ${labelWidth + barWidth + 60} ${height}`} width={labelWidth + barWidth + 60} height={height}>
      {bars.map((b, i) => {
        const length = b.count === null ? 0 : Math.max(1, (b.count / max) * barWidth);
        return (
          <g key={b.key} transform={`translate(0 ${i * rowHeight + 2})`} data-bar={b.key} data-suppressed={b.count === null ? 'true' : undefined}>
            <text x={labelWidth - 6} y={15} textAnchor="end" className="c-chart-label">
              {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
            </text>
            {length > 0 && <rect x={labelWidth} y={3} height={14} width={length} className="c-chart-bar" />}
            <text x={labelWidth + length + 4} y={15} className="c-chart-label">
              {b.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
