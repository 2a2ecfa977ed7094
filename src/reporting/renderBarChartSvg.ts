import type { ReportTable } from '../domain/monitor/countTable.js';
import { escapeHtml } from './escapeHtml.js';
import type { ReportLanguage } from './locales/reportLabels.js';
import { reportText } from './locales/reportLabels.js';
import { chartBars } from '../domain/monitor/chartBars.js';

const BAR_HEIGHT = 16;
const GAP = 6;
const LABEL_WIDTH = 260;
const BAR_WIDTH = 320;

/**
 * A horizontal bar chart of a table's value rows (its total column, else its only column; see
 * chartBars). Suppressed cells get no bar, only their marker and "not shown": a bar length would
 * reveal the hidden count. Summary rows (a pooled range) are not drawn.
 */
export function renderBarChartSvg(table: ReportTable, language: ReportLanguage): string {
  const bars = chartBars(table);
  if (bars.length === 0) return '';
  const max = Math.max(1, ...bars.map((b) => b.count ?? 0));
  const height = bars.length * (BAR_HEIGHT + GAP) + GAP;
  const width = LABEL_WIDTH + BAR_WIDTH + 80;
  const title = escapeHtml(reportText(language, 'chartOf', { title: table.title[language] }));
  const parts = bars.map((bar, i) => {
    const y = GAP + i * (BAR_HEIGHT + GAP);
    const length = bar.count === null ? 0 : Math.round((bar.count / max) * BAR_WIDTH);
    const text = bar.count === null ? `${bar.display} (${reportText(language, 'suppressedBar')})` : bar.display;
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT - 4}" text-anchor="end">${escapeHtml(bar.label[language])}</text>`,
      length > 0 ? `<rect x="${LABEL_WIDTH}" y="${y}" width="${length}" height="${BAR_HEIGHT}"/>` : '',
      `<text x="${LABEL_WIDTH + length + 6}" y="${y + BAR_HEIGHT - 4}">${escapeHtml(text)}</text>`,
    ].join('');
  });
  return `<svg class="chart" role="img" aria-label="${title}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}
