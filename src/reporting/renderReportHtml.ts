import type { ReportTable } from '../domain/monitor/countTable.js';
import type { MonitorReport } from '../domain/monitor/monitorReport.js';
import { escapeHtml } from './escapeHtml.js';
import { formatCell } from './formatCell.js';
import type { ReportLanguage } from './locales/reportLabels.js';
import { reportText } from './locales/reportLabels.js';
import { renderBarChartSvg } from './renderBarChartSvg.js';

// Printable and self-contained: one file, inline CSS and SVG, no scripts, fonts or images to fetch,
// so it can be archived, e-mailed and turned into PDF by Chromium as is.
const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;margin:2rem auto;max-width:60rem;padding:0 1rem;line-height:1.4}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem;margin-top:1.5rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-variant-numeric:tabular-nums}
th,td{border:1px solid #bbb;padding:.2rem .5rem;text-align:right}th[scope=row],thead th:first-child{text-align:left}
tr.aggregate th,tr.aggregate td{font-style:italic}tr.summary th,tr.summary td{font-weight:600;border-top:2px solid #666}tr.total th,tr.total td{font-weight:600;border-top:2px solid #666}
.note,.population{color:#444;font-size:.9rem}.chart text{font-size:12px;fill:#1a1a1a}.chart rect{fill:#2f5d8a}
dl.headline{display:grid;grid-template-columns:max-content auto;gap:.25rem 1rem}dl.headline dd{margin:0;font-weight:600}
section.table{break-inside:avoid}
@media print{body{margin:0;max-width:none}h2{break-before:auto}a{color:inherit}}
`;

export interface RenderHtmlOptions {
  readonly language?: ReportLanguage;
}

export function renderReportHtml(report: MonitorReport, options: RenderHtmlOptions = {}): string {
  const lang = options.language ?? 'nl';
  const t = (key: Parameters<typeof reportText>[1], params?: Record<string, string | number>): string => escapeHtml(reportText(lang, key, params));
  const headline = report.headline
    .map((h) => `<dt>${escapeHtml(h.label[lang])}</dt><dd>${escapeHtml(formatCell(h.cell, lang))}${h.denominator === null ? '' : ` <span class="note">(${t('denominator', { label: h.denominator[lang] })})</span>`}</dd>`)
    .join('');
  const populations = Object.values(report.populations).map((p) => `<li>${escapeHtml(p[lang])}</li>`).join('');
  const tables = report.tables.map((table) => renderTable(report, table, lang, true)).join('');
  const pooled = report.pooled
    .map(({ range, tables: rangeTables }) => `<h2>${t('pooled', { range: `${range.from}–${range.to}` })}</h2>${rangeTables.map((table) => renderTable(report, table, lang, true)).join('')}`)
    .join('');
  const agreement = report.agreement === null ? '' : renderAgreement(report, lang);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('documentTitle', { year: report.year })}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${t('documentTitle', { year: report.year })}</h1>
<p class="note">${t('codebook', { id: report.codebook.id, version: report.codebook.version, versions: report.codebookVersionsInData.join(', ') || '–' })}</p>
<h2>${t('headline')}</h2>
<dl class="headline">${headline}</dl>
<h2>${t('method')}</h2>
<p>${escapeHtml(report.method.yearDefinition[lang])}</p>
<p>${escapeHtml(report.method.uniqueCounting[lang])}</p>
<p>${escapeHtml(report.method.representative[lang])}</p>
<h3>${t('populations')}</h3>
<ul>${populations}</ul>
<h3>${t('suppression')}</h3>
<p>${escapeHtml(report.suppression.description[lang])}</p>
<p class="note">${t('percentNote')}</p>
<h2>${t('yearTables', { year: report.year })}</h2>
${tables}
${pooled}
<h2>${t('series')}</h2>
${renderTable(report, report.series.table, lang, false)}
${agreement}
</body>
</html>
`;
}

function renderTable(report: MonitorReport, table: ReportTable, lang: ReportLanguage, chart: boolean): string {
  const population = report.populations[table.population as keyof MonitorReport['populations']];
  const head = `<thead><tr><th scope="col"></th>${table.columns.map((c) => `<th scope="col">${escapeHtml(c.label[lang])}</th>`).join('')}</tr></thead>`;
  const body = table.rows
    .map((row, r) => {
      const cells = table.columns.map((_, c) => {
        const cell = table.cells[r]?.[c];
        return `<td>${cell === undefined ? '' : escapeHtml(formatCell(cell, lang))}</td>`;
      });
      return `<tr class="${row.kind}${row.summary ? ' summary' : ''}"><th scope="row">${escapeHtml(row.label[lang])}</th>${cells.join('')}</tr>`;
    })
    .join('');
  const populationNote = population === undefined ? '' : `<p class="population">${escapeHtml(reportText(lang, 'population'))}: ${escapeHtml(population[lang])}</p>`;
  return `<section class="table" id="${escapeHtml(table.id)}"><h3>${escapeHtml(table.title[lang])}</h3>${populationNote}<table>${head}<tbody>${body}</tbody></table>${chart ? renderBarChartSvg(table, lang) : ''}</section>`;
}

function renderAgreement(report: MonitorReport, lang: ReportLanguage): string {
  const t = (key: Parameters<typeof reportText>[1]): string => escapeHtml(reportText(lang, key));
  const rows = (report.agreement ?? [])
    .map((f) => `<tr><th scope="row">${escapeHtml(f.label[lang])}</th><td>${f.n}</td><td>${f.n === 0 ? '–' : f.observed.toFixed(2)}</td><td>${f.kappa === null ? t('notDefined') : f.kappa.toFixed(2)}</td></tr>`)
    .join('');
  return `<h2>${t('agreement')}</h2><table><thead><tr><th scope="col">${t('field')}</th><th scope="col">${t('items')}</th><th scope="col">${t('observed')}</th><th scope="col">${t('kappa')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}
