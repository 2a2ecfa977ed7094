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
import type { Stage } from './monitorFields.js';
import { handoverTable, type HandoverYearCounts } from './handoverTable.js';

export interface MonitorOptions {
  readonly codebook: Codebook;
  readonly year: number;
  /** Pooled ranges for the multi-year parents tables; default: the four years up to `year`. */
  readonly pooledRanges?: readonly YearRange[];
  /** First year of the series; default: four years before `year`. */
  readonly seriesFrom?: number;
  readonly doubleCoded?: readonly DoubleCoding[];
  /** Warm handovers per year (from the service's own records, not the codings); the table is left out without them. */
  readonly handovers?: ReadonlyMap<number, HandoverYearCounts>;
}

/**
 * Conversations with a visitor key wait until the end of the pass: only then is each person's best
 * conversation per period known. One Map lookup per keyed conversation gives a dense person number;
 * the best conversation per period lives in typed arrays (no revisiting conversation objects).
 */
class KeyedPeople {
  private readonly personOf = new Map<string, number>();
  /** Per period: best conversation index + 1 (0 = none), its stage and closing time, by person number. */
  private best: Int32Array[];
  private bestStage: Int8Array[];
  private bestClosedAt: Float64Array[];
  private capacity = 1024;

  constructor(private readonly periods: number) {
    this.best = Array.from({ length: periods }, () => new Int32Array(this.capacity));
    this.bestStage = Array.from({ length: periods }, () => new Int8Array(this.capacity));
    this.bestClosedAt = Array.from({ length: periods }, () => new Float64Array(this.capacity));
  }

  person(key: string): number {
    let person = this.personOf.get(key);
    if (person === undefined) {
      person = this.personOf.size;
      this.personOf.set(key, person);
      if (person >= this.capacity) this.grow();
    }
    return person;
  }

  private grow(): void {
    this.capacity *= 2;
    const widen = <T extends Int32Array | Int8Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(this.capacity);
      next.set(old as never);
      return next;
    };
    for (let p = 0; p < this.periods; p += 1) {
      this.best[p] = widen(this.best[p]!, (n) => new Int32Array(n));
      this.bestStage[p] = widen(this.bestStage[p]!, (n) => new Int8Array(n));
      this.bestClosedAt[p] = widen(this.bestClosedAt[p]!, (n) => new Float64Array(n));
    }
  }

  /** Furthest stage wins; on a tie the latest conversation (then the later index). */
  offer(period: number, person: number, i: number, stage: number, closedAt: number): void {
    const best = this.best[period]!;
    const current = best[person]!;
    const currentStage = this.bestStage[period]![person]!;
    if (current === 0 || stage > currentStage || (stage === currentStage && closedAt >= this.bestClosedAt[period]![person]!)) {
      best[person] = i + 1;
      this.bestStage[period]![person] = stage;
      this.bestClosedAt[period]![person] = closedAt;
    }
  }

  forEachBest(period: number, visit: (i: number, stage: Stage) => void): void {
    const best = this.best[period]!;
    const stages = this.bestStage[period]!;
    const people = this.personOf.size;
    for (let person = 0; person < people; person += 1) {
      const i = best[person]!;
      if (i !== 0) visit(i - 1, stages[person] as Stage);
    }
  }
}

/**
 * Computes the protected yearly monitor in a single pass over the conversations: a conversation
 * without a visitor key is a person of its own and is counted at once; for keyed conversations
 * only the best index per key is kept and counted after the pass. Pure: same input, same report.
 */
export function computeMonitor(conversations: readonly CodedConversation[], options: MonitorOptions): MonitorReport {
  const { codebook, year } = options;
  const { pooledRanges, seriesRange, first, last } = monitorPeriods(options);
  const yearCount = last - first + 1;
  const starts = Array.from({ length: yearCount + 1 }, (_, k) => amsterdamYearBounds(first + k)[0]);
  const index = new MonitorIndex(codebook);

  // Only the report year needs every table; other years feed the series and parents tables.
  const yearAccs = Array.from({ length: yearCount }, (_, k) => new PeriodAccumulator(index, first + k !== year));
  const rangeAccs = pooledRanges.map(() => new PeriodAccumulator(index, true));
  // Periods for keyed people: the years, then the pooled ranges.
  const keyed = new KeyedPeople(yearCount + pooledRanges.length);
  const rangesOfYear = Array.from({ length: yearCount }, (_, k) => pooledRanges.flatMap((r, ri) => (first + k >= r.from && first + k <= r.to ? [ri] : [])));
  const versions = new Set<string>();
  const periodStart = starts[0]!;
  const periodEnd = starts[yearCount]!;

  for (let i = 0; i < conversations.length; i += 1) {
    const c = conversations[i]!;
    const t = c.closedAt;
    if (!(t >= periodStart && t < periodEnd)) continue;
    let k = 0;
    while (t >= starts[k + 1]!) k += 1;
    const values = c.values;
    const stage = index.stageOf(values);
    const yearAcc = yearAccs[k]!;
    yearAcc.conversations += 1;
    versions.add(c.codebookVersion);
    const ranges = rangesOfYear[k]!;
    const key = c.visitorKey;
    if (key === undefined || key === '') {
      yearAcc.addPerson(values, stage);
      for (const r of ranges) rangeAccs[r]!.addPerson(values, stage);
    } else {
      const person = keyed.person(key);
      keyed.offer(k, person, i, stage, t);
      for (const r of ranges) keyed.offer(yearCount + r, person, i, stage, t);
    }
  }
  const years = new Map<number, PeriodAccumulator>();
  yearAccs.forEach((acc, k) => {
    keyed.forEachBest(k, (i, stage) => acc.addPerson(conversations[i]!.values, stage));
    years.set(first + k, acc);
  });
  rangeAccs.forEach((acc, r) => keyed.forEachBest(yearCount + r, (i, stage) => acc.addPerson(conversations[i]!.values, stage)));
  return assembleMonitorReport({ codebook, year, index, pooledRanges, seriesRange, years, rangeAccs, versions, doubleCoded: options.doubleCoded, handovers: options.handovers });
}

/** The monitor's periods as computeMonitor resolves them from its options (shared by the columnar path). */
export function monitorPeriods(options: Pick<MonitorOptions, 'year' | 'pooledRanges' | 'seriesFrom'>): {
  pooledRanges: readonly YearRange[];
  seriesRange: YearRange;
  first: number;
  last: number;
} {
  const { year } = options;
  const pooledRanges = options.pooledRanges ?? [{ from: year - 3, to: year }];
  const seriesRange: YearRange = { from: Math.min(options.seriesFrom ?? year - 4, year), to: year };
  const first = Math.min(seriesRange.from, ...pooledRanges.map((r) => r.from));
  const last = Math.max(year, ...pooledRanges.map((r) => r.to));
  return { pooledRanges, seriesRange, first, last };
}

export interface AssembleInput {
  readonly codebook: Codebook;
  readonly year: number;
  readonly index: MonitorIndex;
  readonly pooledRanges: readonly YearRange[];
  readonly seriesRange: YearRange;
  /** Filled accumulators per year (the report year with every table). */
  readonly years: ReadonlyMap<number, PeriodAccumulator>;
  /** Filled accumulators per pooled range, in the order of pooledRanges. */
  readonly rangeAccs: readonly PeriodAccumulator[];
  readonly versions: Iterable<string>;
  readonly doubleCoded?: readonly DoubleCoding[] | undefined;
  readonly handovers?: ReadonlyMap<number, HandoverYearCounts> | undefined;
}

/** Turns filled period accumulators into the protected report (shared by the object and columnar paths). */
export function assembleMonitorReport(input: AssembleInput): MonitorReport {
  const { codebook, year, index, pooledRanges, seriesRange, years } = input;
  const pooled = pooledRanges.map((range, r) => {
    const acc = input.rangeAccs[r]!;
    return { range, tables: parentsTables(range, years, acc, index).map((t) => suppressTable(t)) };
  });

  const current = years.get(year)!;
  const tables = [funnelTable(current), ageTable(current, codebook), ...fieldTables(current, index)].map((t) => suppressTable(t));
  // Handovers follow the coded actions they belong with.
  if (input.handovers) {
    const actions = tables.findIndex((t) => t.id === 'actions');
    tables.splice(actions === -1 ? tables.length : actions + 1, 0, suppressTable(handoverTable(seriesRange, input.handovers)));
  }
  const series = { range: seriesRange, table: suppressTable(seriesTable(seriesRange, years)) };

  return {
    format: 'baken-monitor',
    formatVersion: 1,
    year,
    codebook: { id: codebook.id, version: codebook.version },
    codebookVersionsInData: [...new Set(input.versions)].sort(),
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
    agreement: input.doubleCoded === undefined ? null : computeAgreement(codebook, input.doubleCoded),
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
