// One protected monitor table: an accessible HTML table (caption, header cells, scope) with a
// simple SVG bar chart of its value rows beside it. Suppressed cells show "<5" or "x" as published.
import { useTranslation } from 'react-i18next';
import type { ReportCell, ReportTable } from '../../../src/domain/monitor/countTable.js';
import { formatPercent } from './ReportsPage.js';

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
                <tr key={row.key} className={`c-row-${row.kind}`} data-row={row.key}>
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

/** Bars for the value rows of the first column (the total column when there is one). */
function BarChart({ table, lang, label }: { table: ReportTable; lang: 'nl' | 'en'; label: string }) {
  const totalColumn = table.columns.findIndex((c) => c.kind === 'total');
  const column = totalColumn >= 0 ? totalColumn : 0;
  const bars = table.rows.flatMap((row, r) => {
    const cell = table.cells[r]?.[column];
    return row.kind === 'value' && cell?.count != null ? [{ label: row.label[lang], count: cell.count, display: cell.display }] : [];
  });
  if (bars.length === 0) return null;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const rowHeight = 22;
  const labelWidth = 190;
  const barWidth = 200;
  const height = bars.length * rowHeight + 4;
  return (
    <svg className="c-chart" role="img" aria-label={label} viewBox={`0 0 ${labelWidth + barWidth + 60} ${height}`} width={labelWidth + barWidth + 60} height={height}>
      {bars.map((b, i) => (
        <g key={i} transform={`translate(0 ${i * rowHeight + 2})`}>
          <text x={labelWidth - 6} y={15} textAnchor="end" className="c-chart-label">
            {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
          </text>
          <rect x={labelWidth} y={3} height={14} width={Math.max(1, (b.count / max) * barWidth)} className="c-chart-bar" />
          <text x={labelWidth + (b.count / max) * barWidth + 4} y={15} className="c-chart-label">
            {b.display}
          </text>
        </g>
      ))}
    </svg>
  );
}
