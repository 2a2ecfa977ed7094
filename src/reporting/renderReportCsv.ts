import { serializeCsv, spreadsheetSafe } from '../domain/codebook/csvRfc4180.js';
import type { ReportTable } from '../domain/monitor/countTable.js';
import type { MonitorReport } from '../domain/monitor/monitorReport.js';
import type { ReportLanguage } from './locales/reportLabels.js';

/**
 * The report as one long CSV (tidy: one row per published cell) so researchers can filter and
 * pivot it. Only protected values appear: count is empty when suppressed, display says why.
 */
export function renderReportCsv(report: MonitorReport, language: ReportLanguage = 'nl'): string {
  const rows: string[][] = [['period', 'table_id', 'table', 'population', 'row_key', 'row', 'column_key', 'column', 'count', 'display', 'percent', 'protection']];
  const addTable = (period: string, table: ReportTable): void => {
    table.rows.forEach((row, r) =>
      table.columns.forEach((column, c) => {
        const cell = table.cells[r]?.[c];
        if (cell === undefined) return;
        // Labels can come from outside the codebook (a referral token's label, typed by an
        // administrator): never a formula in the researcher's spreadsheet.
        rows.push([
          period, table.id, spreadsheetSafe(table.title[language]), table.population, spreadsheetSafe(row.key), spreadsheetSafe(row.label[language]), column.key, spreadsheetSafe(column.label[language]),
          cell.count === null ? '' : String(cell.count), cell.display, cell.percent === null ? '' : cell.percent.toFixed(1), cell.protection,
        ]);
      }),
    );
  };
  for (const table of report.tables) addTable(String(report.year), table);
  for (const { range, tables } of report.pooled) for (const table of tables) addTable(`${range.from}-${range.to}`, table);
  addTable(`${report.series.range.from}-${report.series.range.to}`, report.series.table);
  return serializeCsv(rows);
}
