import type { ReportTable } from '../domain/monitor/countTable.js';
import { escapeHtml } from './escapeHtml.js';
import type { ReportLanguage } from './locales/reportLabels.js';
import { reportText } from './locales/reportLabels.js';

const BAR_HEIGHT = 16;
const GAP = 6;
const LABEL_WIDTH = 260;
const BAR_WIDTH = 320;

/**
 * A horizontal bar chart of a table's value rows (its total column, else its only column).
 * Suppressed cells get no bar, only their marker: a bar length would reveal the hidden count.
 */
export function renderBarChartSvg(table: ReportTable, language: ReportLanguage): string {
  const column = Math.max(0, table.columns.findIndex((c) => c.kind === 'total'));
  const bars = table.rows
    .map((row, r) => ({ row, cell: table.cells[r]?.[column] }))
    .filter((b) => b.row.kind === 'value' && b.cell !== undefined);
  if (bars.length === 0) return '';
  const max = Math.max(1, ...bars.map((b) => b.cell?.count ?? 0));
  const height = bars.length * (BAR_HEIGHT + GAP) + GAP;
  const width = LABEL_WIDTH + BAR_WIDTH + 80;
  const title = escapeHtml(reportText(language, 'chartOf', { title: table.title[language] }));
  const parts = bars.map(({ row, cell }, i) => {
    const y = GAP + i * (BAR_HEIGHT + GAP);
    const count = cell?.count ?? null;
    const length = count === null ? 0 : Math.round((count / max) * BAR_WIDTH);
    const text = cell === undefined ? '' : cell.display;
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT - 4}" text-anchor="end">${escapeHtml(row.label[language])}</text>`,
      length > 0 ? `<rect x="${LABEL_WIDTH}" y="${y}" width="${length}" height="${BAR_HEIGHT}"/>` : '',
      `<text x="${LABEL_WIDTH + length + 6}" y="${y + BAR_HEIGHT - 4}">${escapeHtml(text)}</text>`,
    ].join('');
  });
  return `<svg class="chart" role="img" aria-label="${title}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}
