// Arrivals per weekday and hour as a table a screen reader can walk (weekday row headers, hour
// column headers), shaded in five steps; protected cells show their marker.
import { useTranslation } from 'react-i18next';
import type { FigureCell } from '../../../src/domain/serviceFigures/serviceFigures.js';

function level(cell: FigureCell, max: number): string {
  if (cell.value === null) return 'c-heat-hidden';
  if (cell.value === 0) return 'c-heat-0';
  return `c-heat-${Math.min(4, Math.ceil((cell.value / max) * 4))}`;
}

export function HourOfWeekHeatmap({ heatmap }: { heatmap: readonly (readonly FigureCell[])[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...heatmap.flat().map((c) => c.value ?? 0));
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    <section className="card c-section" aria-labelledby="figures-heatmap-title">
      <h2 id="figures-heatmap-title">{t('figures.heatmapTitle')}</h2>
      <div className="c-table-wrap" tabIndex={0} role="region" aria-label={t('figures.heatmapCaption')}>
        <table className="c-table c-heat" data-table="heatmap">
          <caption className="c-small muted">{t('figures.heatmapCaption')}</caption>
          <thead>
            <tr>
              <td />
              {hours.map((h) => (
                <th key={h} scope="col">
                  <abbr title={t('figures.hour', { hour: String(h).padStart(2, '0') })}>{h}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {heatmap.map((row, day) => (
              <tr key={day} data-weekday={day}>
                <th scope="row">{t(`figures.weekdays.${day}`)}</th>
                {row.map((cell, h) => (
                  <td key={h} className={level(cell, max)} data-hour={h}>
                    {cell.display}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
