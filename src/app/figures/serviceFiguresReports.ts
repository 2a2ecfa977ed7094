// The coordinator's figures about the service itself (issue #12 item 7): read the period's rows,
// compute the figures (src/domain/serviceFigures) and record who looked, in one transaction.
// No message text or visitor detail is read; the figures are counts, shares and durations.
import type { Repositories } from '../../store/repositories.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { Clock } from '../clock.js';
import type { FiguresQuery, FiguresResponse } from '../../protocol/serviceFiguresApi.js';
import { computeServiceFigures, serviceFiguresCsv } from '../../domain/serviceFigures/serviceFigures.js';
import { dutyIntervals, inChatsBetween } from '../../domain/serviceFigures/dutyIntervals.js';
import { serviceHours } from '../../domain/serviceFigures/serviceHours.js';
import { amsterdamWallTimeToInstant } from '../../domain/schedule/openingHours.js';

/** Dutch midnight at the start of `from` to Dutch midnight after `to`. */
export function rangeInstants(from: string, to: string): { fromMs: number; toMs: number } {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return { fromMs: amsterdamWallTimeToInstant(fy, fm, fd, 0), toMs: amsterdamWallTimeToInstant(ty, tm, td, 24 * 60) };
}

export class ServiceFiguresReports {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  view(query: FiguresQuery, actor: StaffMember): Promise<FiguresResponse> {
    return this.repos.transaction(async (tx) => {
      const result = await this.compute(tx, query);
      await tx.audit.append({ at: this.clock.now(), staffId: actor.id, action: 'figures.view', targetType: 'report', targetId: null, detail: { period: query.period, from: query.from, to: query.to } });
      return result;
    });
  }

  /** The figures as CSV, and a file name that says which ones. */
  exportCsv(query: FiguresQuery, actor: StaffMember): Promise<{ csv: string; fileName: string }> {
    return this.repos.transaction(async (tx) => {
      const { figures } = await this.compute(tx, query);
      await tx.audit.append({ at: this.clock.now(), staffId: actor.id, action: 'figures.export', targetType: 'report', targetId: null, detail: { period: query.period, from: query.from, to: query.to, format: 'csv' } });
      return { csv: serviceFiguresCsv(figures), fileName: `baken-figures-${query.period}-${query.from}-${query.to}.csv` };
    });
  }

  private async compute(tx: Repositories, query: FiguresQuery): Promise<FiguresResponse> {
    const { fromMs, toMs } = rangeInstants(query.from, query.to);
    const until = Math.max(fromMs, Math.min(toMs, this.clock.now()));
    // One after another: inside a transaction there is one connection.
    const chats = await tx.figures.arrivedBetween(fromMs, toMs);
    const held = await tx.figures.heldBetween(fromMs, until);
    const changes = await tx.figures.statusChangesBetween(fromMs, until);
    const settings = await tx.settings.get();
    const duty = dutyIntervals(changes, held, fromMs, until);
    return {
      from: query.from,
      to: query.to,
      fromMs,
      toMs,
      figures: computeServiceFigures(chats, duty, query.period, inChatsBetween(held, fromMs, until)),
      hours: serviceHours({
        from: fromMs,
        to: toMs,
        until,
        granularity: query.period,
        availability: settings.availability,
        schedule: settings.openingHours,
        queueCap: settings.queueCap,
        chats,
      }),
    };
  }
}
