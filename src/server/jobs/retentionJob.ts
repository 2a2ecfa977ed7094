// Deletes what the retention policy says must go. Run by the scheduler, testable with a clock.
import type { AppContext } from '../appContext.js';

const day = 86_400_000;

export async function runRetention(ctx: Pick<AppContext, 'repos' | 'clock' | 'logger'>) {
  const now = ctx.clock.now();
  const { retentionDays } = await ctx.repos.settings.get();
  const purged = await ctx.repos.conversations.purgeTranscriptsEndedBefore(now - retentionDays * day, now);
  await ctx.repos.sessions.deleteExpired(now, now - day);
  // Return codes unused for a year go too.
  await ctx.repos.returnCodes.deleteUnusedSince(now - 365 * day);
  if (purged.conversations > 0) {
    ctx.logger.info({ conversations: purged.conversations, messages: purged.messages, retentionDays }, 'retention: transcripts deleted');
    await ctx.repos.audit.append({ at: now, staffId: null, action: 'retention.purge', detail: { ...purged, retentionDays } });
  }
  return purged;
}
