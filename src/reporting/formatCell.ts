import type { ReportCell } from '../domain/monitor/countTable.js';
import type { ReportLanguage } from './locales/reportLabels.js';

/** "85 (44.7%)" in English, "85 (44,7%)" in Dutch; protected cells print their marker. */
export function formatCell(cell: ReportCell, language: ReportLanguage): string {
  if (cell.count === null || cell.percent === null) return cell.display;
  return `${cell.display} (${formatPercent(cell.percent, language)})`;
}

export function formatPercent(percent: number, language: ReportLanguage): string {
  const text = percent.toFixed(1);
  return `${language === 'nl' ? text.replace('.', ',') : text}%`;
}
