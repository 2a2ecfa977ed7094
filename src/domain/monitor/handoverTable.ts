// Warm handovers per year, beside the actions the coders recorded: how many handovers went ahead
// with her consent and how many by the emergency route (approved by a supervisor). Counted per
// handover in the Dutch calendar year it was recorded, not per person, so it has no age columns
// and no population total. Published like every other table: through suppressTable.
import type { LocalizedText } from '../codebook/codebookSchema.js';
import { buildCountTable } from './buildCountTable.js';
import type { CountTable } from './countTable.js';
import type { YearRange } from './monitorReport.js';

export interface HandoverYearCounts {
  readonly consent: number;
  readonly emergency: number;
}

const plain = (text: string): LocalizedText => ({ nl: text, en: text });

export function handoverTable(range: YearRange, years: ReadonlyMap<number, HandoverYearCounts>): CountTable {
  const rows: { key: string; label: LocalizedText }[] = [];
  const counts: number[] = [];
  for (let y = range.from; y <= range.to; y += 1) {
    rows.push({ key: String(y), label: plain(String(y)) });
    const year = years.get(y);
    counts.push(year?.consent ?? 0, year?.emergency ?? 0);
  }
  return buildCountTable({
    id: 'handovers',
    title: { nl: 'Warme overdrachten aan organisaties, per jaar', en: 'Warm handovers to organisations, per year' },
    population: 'handovers',
    rows,
    columns: [
      { key: 'consent', label: { nl: 'Met toestemming', en: 'With consent' } },
      { key: 'emergency', label: { nl: 'Noodroute (goedgekeurd)', en: 'Emergency route (approved)' } },
    ],
    counts,
    rowsPartition: false,
    // Every handover is of exactly one kind: the total is their sum (suppression protects it so).
    totalColumn: true,
    denominator: () => null,
  });
}
