import type { Codebook } from '../codebook/codebookSchema.js';
import type { CodedConversation } from '../codebook/codedConversation.js';
import type { DoubleCoding } from './agreement.js';
import { computeAgreement } from './agreement.js';
import { amsterdamYearBounds } from './amsterdamYear.js';
import type { ReportTable } from './countTable.js';
import type { HeadlineFigure, MonitorReport, YearRange } from './monitorReport.js';
import { ageTable, fieldTables, funnelTable, parentsTables, rangeLabel, seriesTable } from './monitorTables.js';
import { MonitorIndex, PeriodAccumulator } from './periodAccumulator.js';
import { SUPPRESSION_RULE, suppressTable } from './suppressTable.js';
import { monitorLabel } from './monitorLabels.js';

export interface MonitorOptions {
  readonly codebook: Codebook;
  readonly year: number;
  /** Pooled ranges for the multi-year parents tables; default: the four years up to `year`. */
  readonly pooledRanges?: readonly YearRange[];
  /** First year of the series; default: four years before `year`. */
  readonly seriesFrom?: number;
  readonly doubleCoded?: readonly DoubleCoding[];
}

/** A person: her visitor key, else the conversation itself. Per period, the best conversation index. */
class Representatives {
  readonly anonymous: number[] = [];
  readonly byKey = new Map<string, number>();

  offer(i: number, key: string | undefined, better: (candidate: number, current: number) => boolean): void {
    if (key === undefined || key === '') {
      this.anonymous.push(i);
      return;
    }
    const current = this.byKey.get(key);
    if (current === undefined || better(i, current)) this.byKey.set(key, i);
  }

  *indexes(): Iterable<number> {
    yield* this.anonymous;
    yield* this.byKey.values();
  }
}

/**
 * Computes the protected yearly monitor in one pass over the conversations (plus one pass over the
 * chosen representatives per period). Pure: the same input always gives the same report.
 */
export function computeMonitor(conversations: readonly CodedConversation[], options: MonitorOptions): MonitorReport {
  const { codebook, year } = options;
  const pooledRanges = options.pooledRanges ?? [{ from: year - 3, to: year }];
  const seriesRange: YearRange = { from: Math.min(options.seriesFrom ?? year - 4, year), to: year };
  const first = Math.min(seriesRange.from, ...pooledRanges.map((r) => r.from));
  const last = Math.max(year, ...pooledRanges.map((r) => r.to));
  const yearCount = last - first + 1;
  const starts = Array.from({ length: yearCount + 1 }, (_, k) => amsterdamYearBounds(first + k)[0]);
  const index = new MonitorIndex(codebook);

  const stages = new Int8Array(conversations.length);
  const better = (a: number, b: number): boolean =>
    stages[a]! > stages[b]! || (stages[a] === stages[b] && conversations[a]!.closedAt >= conversations[b]!.closedAt);
  const yearReps = Array.from({ length: yearCount }, () => new Representatives());
  const conversationsPerYear = new Int32Array(yearCount);
  const rangeReps = pooledRanges.map(() => new Representatives());
  const versions = new Set<string>();
  const periodStart = starts[0]!;
  const periodEnd = starts[yearCount]!;

  const T0 = performance.now();
  for (let i = 0; i < conversations.length; i += 1) {
    const c = conversations[i]!;
    const t = c.closedAt;
    if (!(t >= periodStart && t < periodEnd)) continue;
    let k = 0;
    while (t >= starts[k + 1]!) k += 1;
    const y = first + k;
    stages[i] = index.stageOf(c.values);
    conversationsPerYear[k]! += 1;
    if (y === year) versions.add(c.codebookVersion);
    yearReps[k]!.offer(i, c.visitorKey, better);
    for (let r = 0; r < pooledRanges.length; r += 1) {
      const range = pooledRanges[r]!;
      if (y >= range.from && y <= range.to) rangeReps[r]!.offer(i, c.visitorKey, better);
    }
  }

  const T1 = performance.now();
  const years = new Map<number, PeriodAccumulator>();
  yearReps.forEach((reps, k) => {
    const y = first + k;
    // Only the report year needs every table; other years feed the series and parents tables.
    const acc = new PeriodAccumulator(index, y !== year);
    acc.conversations = conversationsPerYear[k]!;
    for (const i of reps.indexes()) acc.addPerson(conversations[i]!.values, stages[i] as 0 | 1 | 2 | 3);
    years.set(y, acc);
  });
  const pooled = pooledRanges.map((range, r) => {
    const acc = new PeriodAccumulator(index, true);
    for (const i of rangeReps[r]!.indexes()) acc.addPerson(conversations[i]!.values, stages[i] as 0 | 1 | 2 | 3);
    return { range, tables: parentsTables(range, years, acc, index).map((t) => suppressTable(t)) };
  });

  const T2 = performance.now();
  const current = years.get(year)!;
  const tables = [funnelTable(current), ageTable(current, codebook), ...fieldTables(current, index)].map((t) => suppressTable(t));
  const series = { range: seriesRange, table: suppressTable(seriesTable(seriesRange, years)) };

  const T3 = performance.now(); console.log('scan', Math.round(T1-T0), 'acc', Math.round(T2-T1), 'tables', Math.round(T3-T2));
  return {
    format: 'baken-monitor',
    formatVersion: 1,
    year,
    codebook: { id: codebook.id, version: codebook.version },
    codebookVersionsInData: [...versions].sort(),
    method: {
      yearDefinition: {
        nl: 'Een gesprek telt mee in het kalenderjaar (Nederlandse tijd) waarin het werd afgesloten.',
        en: 'A conversation counts in the calendar year (Dutch time) in which it was closed.',
      },
      uniqueCounting: {
        nl: 'Unieke bezoekers worden geteld op terugkomcode waar die gebruikt is, en anders per gesprek; een bezoeker zonder terugkomcode die vaker chat, telt dus vaker mee.',
        en: 'Unique visitors are counted by return code where one was used, otherwise per conversation; a visitor without a return code who chats more than once is therefore counted more than once.',
      },
      representative: {
        nl: 'Per bezoeker en periode telt het gesprek dat het verst in de trechter kwam (bij gelijkstand het laatste); alle tabellen over personen gebruiken dat gesprek.',
        en: 'For each visitor and period the conversation that got furthest in the funnel counts (the latest if tied); all tables about people use that conversation.',
      },
    },
    suppression: SUPPRESSION_RULE,
    populations: {
      visitors: { nl: 'Alle unieke bezoekers', en: 'All unique visitors' },
      counselling: { nl: 'Bezoekers met een hulpvraag (slachtoffer of derde)', en: 'Visitors seeking help (victim or third party)' },
      traffickingQuestion: { nl: 'Bezoekers met een (mogelijke) vraag over mensenhandel', en: 'Visitors with a (possible) question about human trafficking' },
      victims: { nl: 'Slachtoffers zelf met een vraag over mensenhandel', en: 'Victims themselves with a question about human trafficking' },
      victimsWithClients: { nl: 'Slachtoffers die klanten noemden', en: 'Victims who mentioned clients' },
    },
    headline: headline(tables, pooled),
    tables,
    pooled,
    series,
    agreement: options.doubleCoded === undefined ? null : computeAgreement(codebook, options.doubleCoded),
  };
}

function headline(tables: readonly ReportTable[], pooled: readonly { range: YearRange; tables: readonly ReportTable[] }[]): HeadlineFigure[] {
  const figures: HeadlineFigure[] = [];
  const pick = (key: string, label: HeadlineFigure['label'], table: ReportTable | undefined, rowKey: string, columnKey: string, denominator: HeadlineFigure['denominator']): void => {
    if (table === undefined) return;
    const r = table.rows.findIndex((x) => x.key === rowKey);
    const c = table.columns.findIndex((x) => x.key === columnKey);
    const cell = table.cells[r]?.[c];
    if (cell !== undefined) figures.push({ key, label, tableId: table.id, rowKey, columnKey, cell, denominator });
  };
  const funnel = tables.find((t) => t.id === 'funnel');
  const age = tables.find((t) => t.id === 'age');
  pick('trafficking_question', monitorLabel('traffickingQuestion'), funnel, 'trafficking_question', 'count', monitorLabel('uniqueVisitors'));
  pick('victims', monitorLabel('victims'), funnel, 'victims', 'count', monitorLabel('traffickingQuestion'));
  pick('third_parties', monitorLabel('thirdParties'), funnel, 'third_parties', 'count', monitorLabel('traffickingQuestion'));
  pick('minors', monitorLabel('minorsOfKnown'), age, 'minors', 'count', monitorLabel('victimsKnownAge'));
  pick('under_15', monitorLabel('under15OfMinors'), age, 'under_15', 'count', monitorLabel('minors'));
  for (const { range, tables: rangeTables } of pooled) {
    const table = rangeTables[0];
    const key = rangeLabel(range);
    pick(`parents_${key}_children`, { nl: `Kinderen uitgebuit door een ouder, ${key}`, en: `Children exploited by a parent, ${key}` }, table, key, 'minors', null);
    pick(`parents_${key}_at_most_15`, { nl: `Waarvan 15 of jonger, ${key}`, en: `Of whom 15 or younger, ${key}` }, table, key, 'at_most_15', monitorLabel('minors'));
  }
  return figures;
}
