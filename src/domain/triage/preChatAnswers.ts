/**
 * The optional pre-chat step. Every answer may be skipped, so every field is
 * optional; "skip" is kept distinct from "no" for the danger question.
 */
import { z } from 'zod';

export const AGE_BANDS = ['under_12', '12_15', '16_17', '18_23', '24_plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const PRE_CHAT_TOPICS = ['about_me', 'about_someone_else', 'information', 'other'] as const;
export type PreChatTopic = (typeof PRE_CHAT_TOPICS)[number];

export const preChatAnswersSchema = z.object({
  ageBand: z.enum(AGE_BANDS).optional(),
  inDangerNow: z.enum(['yes', 'no', 'skip']).optional(),
  topic: z.enum(PRE_CHAT_TOPICS).optional(),
});

export type PreChatAnswers = z.infer<typeof preChatAnswersSchema>;

export function isMinorAgeBand(band: AgeBand): boolean {
  return band === 'under_12' || band === '12_15' || band === '16_17';
}
