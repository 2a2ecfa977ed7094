// Settings an administrator can change while the service runs. Every field has a default,
// so an empty settings table is a working service.
import { z } from 'zod';

export const serviceSettingsSchema = z.object({
  /** Days after a chat ends before its transcript is deleted (codings are kept). */
  retentionDays: z.number().int().min(1).max(3650).default(30),
  /** Where quick exit sends the visitor; overrides QUICK_EXIT_URL when set. */
  quickExitUrl: z.string().url().max(500).optional(),
  /** A neutral tab title for the visitor page, for visitors whose screen may be seen. */
  disguiseTitle: z.string().max(60).optional(),
});
export type ServiceSettings = z.infer<typeof serviceSettingsSchema>;
export const serviceSettingsPatchSchema = serviceSettingsSchema.partial();
