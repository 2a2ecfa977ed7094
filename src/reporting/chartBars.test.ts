import { describe, expect, it } from 'vitest';
import type { ReportCell, ReportTable } from '../domain/monitor/countTable.js';
import { defaultCodebook } from '../domain/codebook/defaultCodebook.js';
import { computeMonitor } from '../domain/monitor/computeMonitor.js';
import { buildHeadlineFixture } from '../domain/monitor/headlineFixture.js';
import { chartBars } from '../domain/monitor/chartBars.js';
import { renderBarChartSvg } from './renderBarChartSvg.js';
import { renderReportHtml } from './renderReportHtml.js';

const shown = (count: number): ReportCell => ({ count, display: String(count), percent: null, protection: 'shown' });
const hidden: ReportCell = { count: null, display: '<5', percent: null, protection: 'primary' };
const plain = (text: string) => ({ nl: text, en: text });

/** A multi-year table as the monitor makes it: single years, then their pooled range. */
const multiYear: ReportTable = {
  id: 'parents_2019_2022',
  title: plain('Uitgebuit door ten minste één ouder, 2019–2022'),
  population: 'victims',
  rows: [
    { key: '2019', label: plain('2019'), kind: 'value' },
    { key: '2020', label: plain('2020'), kind: 'value' },
    { key: '2021', label: plain('2021'), kind: 'value' },
    { key: '2022', label: plain('2022'), kind: 'value' },
    { key: '2019–2022', label: plain('2019–2022'), kind: 'value', summary: true },
  ],
  columns: [
    { key: 'at_most_15', label: plain('≤ 15'), kind: 'value' },
    { key: 'total', label: plain('Totaal'), kind: 'total' },
  ],
  cells: [
    [shown(8), shown(24)],
    [hidden, hidden],
    [shown(9), shown(27)],
    [shown(9), shown(28)],
    [shown(27), shown(82)],
  ],
};

describe('chart bars', () => {
  it('keeps a year whose total is suppressed, as suppressed, and leaves the pooled total out', () => {
    expect(chartBars(multiYear)).toEqual([
      { key: '2019', label: plain('2019'), count: 24, display: '24' },
      { key: '2020', label: plain('2020'), count: null, display: '<5' },
      { key: '2021', label: plain('2021'), count: 27, display: '27' },
      { key: '2022', label: plain('2022'), count: 28, display: '28' },
    ]);
  });

  it('draws the suppressed year with its marker and no bar in the HTML report’s chart, and no bar for the range', () => {
    const svg = renderBarChartSvg(multiYear, 'nl');
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg).toContain('>2020</text>');
    expect(svg).toContain('&lt;5 (niet getoond)');
    expect(svg).not.toContain('2019–2022</text>');
    expect(renderBarChartSvg(multiYear, 'en')).toContain('&lt;5 (not shown)');
  });

  it('marks the monitor’s pooled rows as summaries, and charts the multi-year tables in the HTML report', () => {
    const report = computeMonitor(buildHeadlineFixture(), { codebook: defaultCodebook, year: 2022 });
    const [byYear, byRelation] = report.pooled[0]!.tables;
    expect(byYear!.rows.filter((r) => r.summary).map((r) => r.key)).toEqual(['2019–2022']);
    expect(byRelation!.rows.filter((r) => r.summary).map((r) => r.key)).toEqual(['any_parent']);
    expect(chartBars(byYear!).map((b) => b.key)).toEqual(['2019', '2020', '2021', '2022']);
    const html = renderReportHtml(report);
    const section = html.slice(html.indexOf(`id="${byYear!.id}"`), html.indexOf('</section>', html.indexOf(`id="${byYear!.id}"`)));
    expect(section).toContain('<svg class="chart"');
    expect(section).toContain('<tr class="value summary"><th scope="row">2019–2022</th>');
  });
});
