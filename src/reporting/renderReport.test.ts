import { describe, expect, it } from 'vitest';
import { parseCsv } from '../domain/codebook/csvRfc4180.js';
import { defaultCodebook } from '../domain/codebook/defaultCodebook.js';
import { computeMonitor } from '../domain/monitor/computeMonitor.js';
import { buildHeadlineFixture } from '../domain/monitor/headlineFixture.js';
import { renderReportCsv } from './renderReportCsv.js';
import { renderReportHtml } from './renderReportHtml.js';

const report = computeMonitor(buildHeadlineFixture(), {
  codebook: defaultCodebook,
  year: 2022,
  doubleCoded: [{ conversationId: 'a', first: { contactType: 'victim' }, second: { contactType: 'victim' } }],
});

describe('renderReportHtml', () => {
  it('is self-contained: no scripts, no external resources', () => {
    const html = renderReportHtml(report);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/(src|href)=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).toContain('<svg');
  });

  it('speaks Dutch by default and English on request', () => {
    const nl = renderReportHtml(report);
    const en = renderReportHtml(report, { language: 'en' });
    expect(nl).toContain('<html lang="nl">');
    expect(nl).toContain('Kerncijfers');
    expect(nl).toContain('Slachtoffer zelf');
    expect(en).toContain('Headline figures');
    expect(en).toContain('Victims themselves');
    expect(en).toContain('229');
    expect(nl).toContain('44,7%');
    expect(en).toContain('44.7%');
  });

  it('escapes labels', () => {
    const tricky = { ...report, tables: [{ ...report.tables[0]!, title: { nl: '<b>x</b>', en: '<b>x</b>' } }] };
    expect(renderReportHtml(tricky)).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});

describe('renderReportCsv', () => {
  it('has one row per published cell and never a hidden count', () => {
    const { records, issues } = parseCsv(renderReportCsv(report, 'en'));
    expect(issues).toEqual([]);
    const [header, ...rows] = records;
    expect(header).toContain('protection');
    const victims = rows.find((r) => r[1] === 'funnel' && r[4] === 'victims');
    expect(victims?.[8]).toBe('199');
    for (const row of rows) if (row[11] !== 'shown') expect(row[8]).toBe('');
  });
});
