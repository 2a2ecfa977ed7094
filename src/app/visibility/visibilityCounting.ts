// Counting visibility: an arrival (the start page opened with a token) and a chat started, per
// Amsterdam day and source. The visitor's page keeps the token in memory only and sends it
// with these two events; the server adds one to a day counter and forgets it. It is never
// written on the conversation, so no chat can be traced to where its visitor came from.
import type { Repositories } from '../../store/repositories.js';
import { parseReferralToken } from '../../domain/visibility/referralToken.js';
import { amsterdamDay, arrivalCounter, chatCounter, countedSource, howFoundCounter, totalsBySource, type SourceTotals } from '../../domain/visibility/visibilityCounters.js';
import type { HowFoundAnswer } from '../../domain/visibility/howFoundAnswers.js';
import type { Clock } from '../clock.js';
import type { ReportTable } from '../../domain/monitor/countTable.js';
import { visibilityTables } from '../../domain/monitor/visibilityTables.js';
import { suppressTable } from '../../domain/monitor/suppressTable.js';

export class VisibilityCounting {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** The start page was opened with `?via=` (or in a widget with data-source). */
  async arrival(via: string): Promise<void> {
    const source = await this.sourceOf(via);
    await this.repos.visibility.increment(amsterdamDay(this.clock.now()), source, [arrivalCounter]);
  }

  /** A chat was started; `via` is what her page held (or nothing), `howFound` her answer if she gave one. */
  async chatStarted(via: string | undefined, howFound: HowFoundAnswer | undefined): Promise<void> {
    const source = await this.sourceOf(via);
    // An answer is only counted while the question is asked: nobody can fill the table otherwise.
    const asked = howFound !== undefined && (await this.repos.settings.get()).askHowFound;
    await this.repos.visibility.increment(amsterdamDay(this.clock.now()), source, [chatCounter, ...(asked ? [howFoundCounter(howFound)] : [])]);
  }

  /** Totals per source over whole days, with the labels of the tokens still on the list. */
  async totals(fromDay: string, toDay: string): Promise<(SourceTotals & { label: string | null })[]> {
    const labels = new Map((await this.repos.referrals.list()).map((r) => [r.token, r.label]));
    return totalsBySource(await this.repos.visibility.between(fromDay, toDay)).map((t) => ({ ...t, label: labels.get(t.source) ?? null }));
  }

  /** The protected tables over whole Amsterdam days: the reports area and the yearly monitor. */
  async reportTables(fromDay: string, toDay: string, period: string): Promise<ReportTable[]> {
    const totals = await this.totals(fromDay, toDay);
    const labels = new Map(totals.flatMap((t) => (t.label === null ? [] : [[t.source, t.label] as const])));
    return visibilityTables(totals, labels, period).map((table) => suppressTable(table));
  }

  /** A well-formed token on the list counts as itself; any other string as unknown; none as direct. */
  private async sourceOf(via: string | undefined): Promise<string> {
    if (via === undefined || via === '') return countedSource(undefined, () => false);
    const token = parseReferralToken(via);
    const known = token !== null && (await this.repos.referrals.find(token)) !== undefined;
    return countedSource(token ?? via, () => known);
  }
}
