import type { Codebook, LocalizedText } from '../codebook/codebookSchema.js';
import type { AggregateSpec } from './buildCountTable.js';
import { buildCountTable } from './buildCountTable.js';
import type { CountTable } from './countTable.js';
import { monitorLabel } from './monitorLabels.js';
import type { MonitorIndex, PeriodAccumulator } from './periodAccumulator.js';
import { Stage } from './monitorFields.js';
import { permuteTable } from './permuteTable.js';
import type { YearRange } from './monitorReport.js';

// Turns raw period counts into count tables with their sum relations. Nothing here is published
// directly: every table goes through suppressTable.

const ageGroupColumns = [
  { key: 'minor', label: monitorLabel('minor') },
  { key: 'adult', label: monitorLabel('adult') },
  { key: 'age_unknown', label: monitorLabel('ageUnknown') },
];
const parentAgeColumns = [
  { key: 'at_most_15', label: monitorLabel('atMost15') },
  { key: 'age_16_17', label: monitorLabel('age16to17') },
  { key: 'adult', label: monitorLabel('adult') },
  { key: 'age_unknown', label: monitorLabel('ageUnknown') },
];
const minorsAggregate: AggregateSpec = { key: 'minors', label: monitorLabel('minors'), of: ['at_most_15', 'age_16_17'] };
const countColumn = [{ key: 'count', label: monitorLabel('count') }];

export const rangeLabel = (range: YearRange): string => (range.from === range.to ? String(range.from) : `${range.from}–${range.to}`);
const plain = (text: string): LocalizedText => ({ nl: text, en: text });

export function funnelTable(acc: PeriodAccumulator): CountTable {
  const s = acc.stageCounts;
  const visitors = s[0]! + s[1]! + s[2]! + s[3]!;
  const table = buildCountTable({
    id: 'funnel',
    title: { nl: 'Trechter', en: 'Funnel' },
    population: 'visitors',
    rows: [
      { key: 'conversations', label: monitorLabel('conversations') },
      { key: 'unique_visitors', label: monitorLabel('uniqueVisitors') },
      { key: 'counselling', label: monitorLabel('counselling') },
      { key: 'victims', label: monitorLabel('victims') },
      { key: 'third_parties', label: monitorLabel('thirdParties') },
    ],
    columns: countColumn,
    counts: [acc.conversations, visitors, s[1]! + s[2]! + s[3]!, s[Stage.VictimTrafficking]!, s[Stage.ThirdPartyTrafficking]!],
    rowAggregates: [{ key: 'trafficking_question', label: monitorLabel('traffickingQuestion'), of: ['victims', 'third_parties'] }],
    rowsPartition: false,
    totalColumn: false,
    denominator: (row) =>
      row === 'victims' || row === 'third_parties' ? ['trafficking_question', 'count'] : row === 'trafficking_question' || row === 'counselling' ? ['unique_visitors', 'count'] : null,
  });
  return permuteTable(table, ['conversations', 'unique_visitors', 'counselling', 'trafficking_question', 'victims', 'third_parties']);
}

export function ageTable(acc: PeriodAccumulator, codebook: Codebook): CountTable {
  const bands = codebook.ageBands;
  const keysWhere = (test: (min: number, max: number) => boolean): string[] => bands.filter((b) => test(b.min, b.max ?? Infinity)).map((b) => b.code);
  const aggregates: AggregateSpec[] = [
    { key: 'under_15', label: monitorLabel('under15OfMinors'), of: keysWhere((_, max) => max < 15) },
    { key: 'at_most_15', label: monitorLabel('atMost15OfMinors'), of: keysWhere((_, max) => max <= 15) },
    { key: 'minors', label: monitorLabel('minorsOfKnown'), of: keysWhere((_, max) => max < 18) },
    { key: 'adults', label: monitorLabel('adultsOfKnown'), of: keysWhere((min) => min >= 18) },
    { key: 'known_age', label: monitorLabel('knownAge'), of: bands.map((b) => b.code) },
  ].filter((a) => a.of.length > 0);
  return buildCountTable({
    id: 'age',
    title: { nl: 'Leeftijd van slachtoffers', en: 'Age of victims' },
    population: 'victims',
    rows: [...bands.map((b) => ({ key: b.code, label: b.label })), { key: 'unknown', label: monitorLabel('unknown') }, { key: 'missing', label: monitorLabel('missing') }],
    columns: countColumn,
    counts: acc.ageCounts,
    rowAggregates: aggregates,
    rowsPartition: true,
    columnUnits: [sum(acc.populationByAge.victims)],
    totalColumn: false,
    denominator: (row) => {
      if (row === 'total') return null;
      if (row === 'under_15' || row === 'at_most_15') return ['minors', 'count'];
      if (row === 'unknown' || row === 'missing' || row === 'known_age') return ['total', 'count'];
      return ['known_age', 'count'];
    },
  });
}

export function fieldTables(acc: PeriodAccumulator, index: MonitorIndex): CountTable[] {
  return acc.tallies.map((tally, t) => {
    const spec = index.fieldTables[t]!;
    const aggregates: AggregateSpec[] = [];
    if (spec.id === 'contactType') {
      const group = (g: string): string[] => [...index.contactGroup].filter(([, v]) => v === g).map(([k]) => k);
      aggregates.push({ key: 'third_party', label: monitorLabel('thirdPartyAll'), of: group('third_party') });
      aggregates.push({ key: 'non_counselling', label: monitorLabel('nonCounsellingAll'), of: group('non_counselling') });
    }
    if (spec.id === 'clientKnowledge') {
      aggregates.push({ key: 'knew_or_should_have_known', label: monitorLabel('knewOrShouldHaveKnown'), of: ['knew', 'should_have_known'] });
    }
    const available = new Set(tally.rows.map((r) => r.key));
    return buildCountTable({
      id: spec.id,
      title: spec.codebookField.label,
      population: spec.population,
      rows: tally.rows,
      columns: spec.byAgeGroup ? ageGroupColumns : countColumn,
      counts: tally.counts,
      rowAggregates: aggregates.filter((a) => a.of.length > 0 && a.of.every((k) => available.has(k))),
      rowsPartition: tally.rowsPartition,
      columnUnits: spec.byAgeGroup ? acc.populationByAge[spec.population] : [sum(acc.populationByAge[spec.population])],
      totalColumn: spec.byAgeGroup,
    });
  });
}

/** The multi-year parents tables: children exploited by at least one parent, per year and pooled. */
export function parentsTables(range: YearRange, years: ReadonlyMap<number, PeriodAccumulator>, pooled: PeriodAccumulator, index: MonitorIndex): CountTable[] {
  const yearRows: { key: string; label: LocalizedText; summary?: true }[] = [];
  const counts: number[] = [];
  for (let y = range.from; y <= range.to; y += 1) {
    yearRows.push({ key: String(y), label: plain(String(y)) });
    counts.push(...(years.get(y)?.anyParent ?? new Int32Array(4)));
  }
  const pooledKey = rangeLabel(range);
  yearRows.push({ key: pooledKey, label: plain(pooledKey), summary: true });
  counts.push(...pooled.anyParent);
  const shareOfMinors = (row: string, column: string): readonly [string, string] | null =>
    column === 'at_most_15' || column === 'age_16_17' ? [row, 'minors'] : null;
  const byYear = buildCountTable({
    id: `parents_${range.from}_${range.to}`,
    title: { nl: `Uitgebuit door ten minste één ouder, ${pooledKey}`, en: `Exploited by at least one parent, ${pooledKey}` },
    population: 'victims',
    rows: yearRows,
    columns: parentAgeColumns,
    counts,
    columnAggregates: [minorsAggregate],
    rowsPartition: false,
    totalColumn: true,
    // A person rarely spans years, so readers may treat the pooled row as the sum of the years.
    assumedRowSums: [{ key: pooledKey, of: yearRows.slice(0, -1).map((r) => r.key) }],
    denominator: shareOfMinors,
  });
  const relationRows = index.parentCodes.map((code) => {
    const relation = index.fieldTables.find((t) => t.field === 'perpetratorRelation')?.codebookField;
    const label = relation !== undefined && relation.kind === 'multi' ? relation.options.find((o) => o.code === code)?.label : undefined;
    return { key: code, label: label ?? plain(code) };
  });
  const byRelation = buildCountTable({
    id: `parents_by_relation_${range.from}_${range.to}`,
    title: { nl: `Relatie tot de ouder-dader, ${pooledKey}`, en: `Relation to the parent perpetrator, ${pooledKey}` },
    population: 'victims',
    rows: [...relationRows, { key: 'any_parent', label: monitorLabel('anyParent'), summary: true }],
    columns: parentAgeColumns,
    counts: [...pooled.parentRelation, ...pooled.anyParent],
    columnAggregates: [minorsAggregate],
    rowsPartition: false,
    totalColumn: true,
    // Most victims name one parent, so readers may treat "any parent" as the sum of the relations.
    assumedRowSums: [{ key: 'any_parent', of: relationRows.map((r) => r.key) }],
    denominator: shareOfMinors,
  });
  return [byYear, byRelation];
}

export function seriesTable(range: YearRange, years: ReadonlyMap<number, PeriodAccumulator>): CountTable {
  const rows: { key: string; label: LocalizedText }[] = [];
  const counts: number[] = [];
  for (let y = range.from; y <= range.to; y += 1) {
    rows.push({ key: String(y), label: plain(String(y)) });
    const acc = years.get(y);
    const s = acc?.stageCounts ?? new Int32Array(4);
    const victims = acc?.populationByAge.victims ?? new Int32Array(3);
    counts.push(
      s[0]! + s[1]! + s[2]! + s[3]!,
      s[Stage.VictimTrafficking]!,
      s[Stage.ThirdPartyTrafficking]!,
      victims[0]! + victims[1]!,
      victims[0]!,
      sum(acc?.victimsSexual ?? []),
      sum(acc?.victimsCriminal ?? []),
    );
  }
  const table = buildCountTable({
    id: 'series',
    title: { nl: `Reeks ${rangeLabel(range)}`, en: `Series ${rangeLabel(range)}` },
    population: 'visitors',
    rows,
    columns: [
      { key: 'unique_visitors', label: monitorLabel('uniqueVisitors') },
      { key: 'victims', label: monitorLabel('victims') },
      { key: 'third_parties', label: monitorLabel('thirdParties') },
      { key: 'victims_known_age', label: monitorLabel('victimsKnownAge') },
      { key: 'minors', label: monitorLabel('minors') },
      { key: 'sexual', label: monitorLabel('sexual') },
      { key: 'criminal', label: monitorLabel('criminal') },
    ],
    counts,
    columnAggregates: [{ key: 'trafficking_question', label: monitorLabel('traffickingQuestion'), of: ['victims', 'third_parties'] }],
    rowsPartition: false,
    totalColumn: false,
    denominator: (row, column) =>
      column === 'minors' ? [row, 'victims_known_age'] : column === 'sexual' || column === 'criminal' ? [row, 'victims'] : null,
  });
  return permuteTable(table, undefined, ['unique_visitors', 'trafficking_question', 'victims', 'third_parties', 'victims_known_age', 'minors', 'sexual', 'criminal']);
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i += 1) total += values[i]!;
  return total;
}
