// A simple horizontal SVG bar chart, shared by the monitor's tables and the service figures: one
// bar per row, its value written beside it. A suppressed value (count null) keeps its place with
// its marker and no bar, so a hidden period never looks like an empty one.
export interface Bar {
  readonly key: string;
  readonly label: string;
  /** The bar's length; null: suppressed. */
  readonly count: number | null;
  /** What is written beside the bar ("12", "<5 (not shown)", "40%"). */
  readonly display: string;
}

export function BarChart({ bars, label, max: fixedMax }: { bars: readonly Bar[]; label: string; max?: number }) {
  if (bars.length === 0) return null;
  const max = fixedMax ?? Math.max(1, ...bars.map((b) => b.count ?? 0));
  const rowHeight = 22;
  const labelWidth = 190;
  const barWidth = 200;
  const height = bars.length * rowHeight + 4;
  return (
    <svg className="c-chart" role="img" aria-label={label} viewBox={`0 0 ${labelWidth + barWidth + 60} ${height}`} width={labelWidth + barWidth + 60} height={height}>
      {bars.map((b, i) => {
        const length = b.count === null ? 0 : Math.max(1, (Math.min(b.count, max) / max) * barWidth);
        return (
          <g key={b.key} transform={`translate(0 ${i * rowHeight + 2})`} data-bar={b.key} data-suppressed={b.count === null ? 'true' : undefined}>
            <text x={labelWidth - 6} y={15} textAnchor="end" className="c-chart-label">
              {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
            </text>
            {length > 0 && <rect x={labelWidth} y={3} height={14} width={length} className="c-chart-bar" />}
            <text x={labelWidth + length + 4} y={15} className="c-chart-label">
              {b.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
