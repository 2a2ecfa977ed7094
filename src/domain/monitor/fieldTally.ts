import type { CodebookField, LocalizedText } from '../codebook/codebookSchema.js';
import type { CodingValue } from '../codebook/codingValue.js';
import { UNKNOWN } from '../codebook/codingValue.js';
import { monitorLabel } from './monitorLabels.js';

export interface TallyRow {
  readonly key: string;
  readonly label: LocalizedText;
}

/**
 * Counts one codebook field into rows × columns with a flat Int32Array: this sits in the hot
 * loop of the monitor, so lookups are precomputed and nothing allocates per conversation.
 */
export class FieldTally {
  readonly rows: readonly TallyRow[];
  readonly counts: Int32Array;
  /** Whether each unit lands in exactly one row (single-choice and boolean fields). */
  readonly rowsPartition: boolean;
  private readonly codeToRow: Map<string, number>;
  private readonly unknownRow: number;
  private readonly missingRow: number;
  private readonly trueRow: number;
  private readonly falseRow: number;

  constructor(
    readonly field: CodebookField,
    readonly columns: number,
    parentLabels?: ReadonlyMap<string, LocalizedText>,
  ) {
    const rows: TallyRow[] = [];
    if (field.kind === 'boolean') {
      rows.push({ key: 'yes', label: monitorLabel('yes') }, { key: 'no', label: monitorLabel('no') });
    } else if (field.kind === 'single' || field.kind === 'multi') {
      for (const option of field.options) {
        const parent = option.parent === undefined ? undefined : parentLabels?.get(option.parent);
        const label = parent === undefined ? option.label : { nl: `${parent.nl}: ${option.label.nl}`, en: `${parent.en}: ${option.label.en}` };
        rows.push({ key: option.code, label });
      }
    } else {
      throw new Error(`FieldTally does not tally integer field ${field.id}`);
    }
    if (field.allowUnknown) rows.push({ key: UNKNOWN, label: monitorLabel('unknown') });
    rows.push({ key: 'missing', label: monitorLabel('missing') });
    this.rows = rows;
    this.codeToRow = new Map(rows.map((r, i) => [r.key, i]));
    this.unknownRow = this.codeToRow.get(UNKNOWN) ?? -1;
    this.missingRow = rows.length - 1;
    this.trueRow = field.kind === 'boolean' ? 0 : -1;
    this.falseRow = field.kind === 'boolean' ? 1 : -1;
    this.rowsPartition = field.kind !== 'multi';
    this.counts = new Int32Array(rows.length * columns);
  }

  add(value: CodingValue | null | undefined, column: number): void {
    const width = this.columns;
    if (value === undefined || value === null) {
      this.counts[this.missingRow * width + column]! += 1;
    } else if (typeof value === 'string') {
      const row = value === UNKNOWN ? this.unknownRow : (this.codeToRow.get(value) ?? this.missingRow);
      this.counts[(row < 0 ? this.missingRow : row) * width + column]! += 1;
    } else if (typeof value === 'boolean') {
      this.counts[(value ? this.trueRow : this.falseRow) * width + column]! += 1;
    } else if (Array.isArray(value)) {
      if (value.length === 0) {
        this.counts[this.missingRow * width + column]! += 1;
        return;
      }
      for (const code of value as readonly string[]) {
        const row = code === UNKNOWN ? this.unknownRow : (this.codeToRow.get(code) ?? -1);
        if (row >= 0) this.counts[row * width + column]! += 1;
      }
    } else {
      this.counts[this.missingRow * width + column]! += 1;
    }
  }
}
