// Deletes what the retention policy says must go. Run by the scheduler, testable with a clock.
import type { AppContext } from '../appContext.js';

const day = 86_400_000;

export async function runRetention(ctx: Pick<AppContext, 'repos' | 'clock' | 'logger' | 'config'>) {
  const now = ctx.clock.now();
  const { retentionDays } = await ctx.repos.settings.get();
  // What goes and its audit entry commit together: a failed run leaves both as they were.
  const purged = await ctx.repos.transaction(async (tx) => {
    const chats = await tx.conversations.purgeTranscriptsEndedBefore(now - retentionDays * day, now);
    // A letter nobody answered within the retention period goes too (answered ones ended, and went above).
    const letters = await tx.mailbox.purgeUnansweredCreatedBefore(now - retentionDays * day, now);
    const result = { conversations: chats.conversations + letters.letters, messages: chats.messages + letters.messages };
    await tx.sessions.deleteExpired(now, now - day);
    // Return codes unused for a year go too.
    await tx.returnCodes.deleteUnusedSince(now - 365 * day);
    // The status history behind occupancy: kept as long as the figures' longest range (400 days by default).
    await tx.figures.purgeStatusChangesBefore(now - ctx.config.statusHistoryDays * day);
    if (result.conversations > 0) await tx.audit.append({ at: now, staffId: null, action: 'retention.purge', detail: { ...result, retentionDays } });
    return result;
  });
  if (purged.conversations > 0) ctx.logger.info({ conversations: purged.conversations, messages: purged.messages, retentionDays }, 'retention: transcripts deleted');
  return purged;
}
