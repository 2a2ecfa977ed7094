import type { LocalizedText } from '../codebook/codebookSchema.js';
import type { FieldAgreement } from './agreement.js';
import type { ReportCell, ReportTable } from './countTable.js';
import type { PopulationKey } from './periodAccumulator.js';
import type { SuppressionRule } from './suppressTable.js';

export interface YearRange {
  readonly from: number;
  readonly to: number;
}

export interface HeadlineFigure {
  readonly key: string;
  readonly label: LocalizedText;
  readonly tableId: string;
  readonly rowKey: string;
  readonly columnKey: string;
  /** The published (protected) cell; its percent is relative to the stated denominator. */
  readonly cell: ReportCell;
  readonly denominator: LocalizedText | null;
}

/**
 * The published monitor. Contains no unprotected small counts, so it may be saved and shared
 * as JSON as is; the HTML and CSV presenters only re-format it.
 */
export interface MonitorReport {
  readonly format: 'baken-monitor';
  readonly formatVersion: 1;
  readonly year: number;
  readonly codebook: { readonly id: string; readonly version: string };
  readonly codebookVersionsInData: readonly string[];
  readonly method: {
    readonly yearDefinition: LocalizedText;
    readonly uniqueCounting: LocalizedText;
    readonly representative: LocalizedText;
  };
  readonly suppression: SuppressionRule;
  readonly populations: Readonly<Record<PopulationKey, LocalizedText>>;
  readonly headline: readonly HeadlineFigure[];
  readonly tables: readonly ReportTable[];
  readonly pooled: readonly { readonly range: YearRange; readonly tables: readonly ReportTable[] }[];
  readonly series: { readonly range: YearRange; readonly table: ReportTable };
  /** Per-field Cohen's kappa, when double-coded conversations were supplied. */
  readonly agreement: readonly FieldAgreement[] | null;
}
