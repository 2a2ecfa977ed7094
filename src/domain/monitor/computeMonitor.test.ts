import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '../codebook/defaultCodebook.js';
import { computeMonitor } from './computeMonitor.js';
import type { ReportTable } from './countTable.js';
import { buildHeadlineFixture } from './headlineFixture.js';
import type { MonitorReport } from './monitorReport.js';
import { synthesizeYears } from './synth.js';

function cell(table: ReportTable | undefined, row: string, column: string) {
  const r = table?.rows.findIndex((x) => x.key === row) ?? -1;
  const c = table?.columns.findIndex((x) => x.key === column) ?? -1;
  const found = table?.cells[r]?.[c];
  if (found === undefined) throw new Error(`no cell ${row}/${column}`);
  return found;
}
const table = (report: MonitorReport, id: string): ReportTable | undefined => report.tables.find((t) => t.id === id);

function expectPublishedHeadlines(report: MonitorReport): void {
  const funnel = table(report, 'funnel');
  expect(cell(funnel, 'trafficking_question', 'count').count).toBe(229);
  expect(cell(funnel, 'victims', 'count').count).toBe(199);
  const age = table(report, 'age');
  const minors = cell(age, 'minors', 'count');
  // Over 40% of the victims are minors, whether counted among known ages or all victims.
  expect(minors.percent).toBeGreaterThan(40);
  expect(minors.count! / 199).toBeGreaterThan(0.4);
  // One in five of the minors is younger than 15.
  expect(cell(age, 'under_15', 'count').percent).toBe(20);
  const parents = report.pooled[0]!.tables[0];
  const children = cell(parents, '2019–2022', 'minors').count!;
  expect(children).toBeGreaterThan(100);
  const young = cell(parents, '2019–2022', 'at_most_15');
  expect(young.percent).toBeCloseTo(33.3, 1);
}

describe('computeMonitor on the headline fixture', () => {
  const report = computeMonitor(buildHeadlineFixture(), { codebook: defaultCodebook, year: 2022 });

  it('reproduces the published 2022 figures exactly', () => {
    expectPublishedHeadlines(report);
    const age = table(report, 'age');
    expect(cell(age, 'minors', 'count').count).toBe(85);
    expect(cell(age, 'known_age', 'count').count).toBe(190);
    expect(cell(age, 'under_15', 'count').count).toBe(17);
    expect(cell(age, 'at_most_15', 'count').count).toBe(37);
    const parents = report.pooled[0]!.tables[0];
    expect(cell(parents, '2019–2022', 'minors').count).toBe(105);
    expect(cell(parents, '2019–2022', 'at_most_15').count).toBe(35);
  });

  it('counts returning visitors once, by their furthest conversation', () => {
    const funnel = table(report, 'funnel');
    expect(cell(funnel, 'conversations', 'count').count).toBe(229 + 40 + 400 + 300);
    expect(cell(funnel, 'unique_visitors', 'count').count).toBe(229 + 400 + 300);
    expect(report.method.uniqueCounting.en).toMatch(/return code/);
  });

  it('states denominators and the suppression rule', () => {
    expect(report.suppression.minPercentDenominator).toBe(20);
    expect(report.suppression.description.nl).toContain('<5');
    expect(report.headline.find((h) => h.key === 'minors')?.denominator?.en).toBe('Victims with known age');
  });

  it('never publishes a count from 1 to 4', () => {
    const all = [...report.tables, ...report.pooled.flatMap((p) => p.tables), report.series.table];
    for (const t of all) for (const row of t.cells) for (const c of row) if (c.count !== null) expect(c.count === 0 || c.count >= 5).toBe(true);
    // The fixture's 2 victims aged 11 are hidden.
    expect(cell(table(report, 'age'), 'age_0_11', 'count').display).toBe('<5');
  });

  it('gives percentages only on denominators of at least 20', () => {
    const parents = report.pooled[0]!.tables[0];
    expect(cell(parents, '2019–2022', 'at_most_15').percent).not.toBeNull();
    const series = report.series.table;
    expect(cell(series, '2018', 'minors').percent).toBeNull();
  });
});

describe('computeMonitor on default synthetic data', () => {
  it('reproduces the published figures from the default 2019–2022 parameters', () => {
    const data = synthesizeYears([2019, 2020, 2021, 2022], { codebook: defaultCodebook, seed: 2022 });
    expectPublishedHeadlines(computeMonitor(data, { codebook: defaultCodebook, year: 2022 }));
  });

  it('is deterministic', () => {
    const data = buildHeadlineFixture();
    expect(JSON.stringify(computeMonitor(data, { codebook: defaultCodebook, year: 2022 }))).toBe(JSON.stringify(computeMonitor([...data].reverse(), { codebook: defaultCodebook, year: 2022 })));
  });
});

describe('re-running from an export', () => {
  it('gives identical numbers from the exported CSV', async () => {
    const { exportCodedConversationsCsv, importCodedConversationsCsv } = await import('../codebook/codedConversationCsv.js');
    const data = synthesizeYears([2021, 2022], { codebook: defaultCodebook, seed: 5 });
    const imported = importCodedConversationsCsv(defaultCodebook, exportCodedConversationsCsv(defaultCodebook, data));
    expect(imported.issues).toEqual([]);
    const options = { codebook: defaultCodebook, year: 2022 };
    expect(computeMonitor(imported.conversations, options)).toEqual(computeMonitor(data, options));
  });
});
