/**
 * Language matching in routing. A chat in language X is offered first to counsellors who speak
 * X. If none of them has room, the chat is held back from the others for a short time (one
 * minute from when she joined the queue), because a counsellor who speaks her language is
 * usually worth a short wait; after that anyone may take it, so no chat ever waits longer than
 * this for want of a language. It is not held at all when no one on duty speaks X: then there is
 * no one to wait for. A returning visitor's own counsellor goes before this rule (see
 * routingPolicy.planOffers); a counsellor pulling or picking a chat is never held back.
 */

/** How long a chat waits for a counsellor who speaks its language before anyone may take it. */
export const languageMatchWindowMs = 60_000;

export interface LanguageSkill {
  readonly id: string;
  readonly status: string;
  readonly capacity: number;
  /** The languages she chats in; absent means no languages are recorded (she takes any chat). */
  readonly languages?: readonly string[] | undefined;
}

export interface ChatLanguage {
  /** Absent for chats routed before languages were recorded: no preference. */
  readonly language?: string | undefined;
  readonly enqueuedAt: number;
}

export function speaks(counsellor: LanguageSkill, language: string): boolean {
  return counsellor.languages?.includes(language) ?? false;
}

/** Whether the window in which only speakers of her language are offered her chat is still open. */
export function inLanguageWindow(chat: ChatLanguage, at: number | undefined): boolean {
  return at !== undefined && at < chat.enqueuedAt + languageMatchWindowMs;
}

/**
 * Of the counsellors who could take this chat now (`withRoom`), the ones to offer it to: those
 * who speak her language if any; else, while the window is open and someone on duty speaks it,
 * nobody yet; else all of them.
 */
export function languageCandidates<C extends LanguageSkill>(chat: ChatLanguage, withRoom: readonly C[], everyone: readonly LanguageSkill[], at: number | undefined): C[] {
  const language = chat.language;
  if (language === undefined) return [...withRoom];
  const speakers = withRoom.filter((c) => speaks(c, language));
  if (speakers.length > 0) return speakers;
  const speakerOnDuty = everyone.some((c) => c.status !== 'offline' && c.capacity > 0 && speaks(c, language));
  return speakerOnDuty && inLanguageWindow(chat, at) ? [] : [...withRoom];
}

/** When the window of a chat held back for its language closes (for the next routing tick). */
export function languageWindowEnd(chat: ChatLanguage): number {
  return chat.enqueuedAt + languageMatchWindowMs;
}
