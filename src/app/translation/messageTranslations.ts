// Translations of what a visitor writes, for her counsellor: made on this server by the configured
// Translator when her message arrives (triage reads the translation too), then shown next to the
// original. Never stored: the original stays the record, and a translation can always be made
// again from it. A bounded cache in memory spares the engine on a reload or reconnect.
import type { StoredMessage } from '../../domain/conversation/messageLog.js';
import type { MessageTranslation, StaffMessage } from '../../protocol/translation.js';
import { isTranslating, type Translator } from './translator.js';

/** Enough for every open chat of a busy evening; older ones are translated again if needed. */
const cacheSize = 5000;

/**
 * How long her message may wait for its translation. Her counsellor gets the message only after
 * this: an engine that hangs must not hold back what she wrote (it then goes out alone).
 */
export const translationTimeoutMs = 4_000;

class TranslationTimeout extends Error {
  override name = 'TranslationTimeout';
}

export class MessageTranslations {
  private readonly cache = new Map<string, MessageTranslation>();

  constructor(
    private readonly translator: Translator,
    /** The counsellors' language: what visitors' messages are translated into. */
    readonly targetLanguage: string,
    private readonly log: (message: string, error: unknown) => void,
    private readonly timeoutMs = translationTimeoutMs,
  ) {}

  get enabled(): boolean {
    return isTranslating(this.translator);
  }

  /**
   * The translation of one message of hers, or null: translation off, her language already the
   * counsellors', not hers, or the engine failed (the original is shown alone, and logged without text).
   */
  async of(message: StoredMessage, visitorLanguage: string): Promise<MessageTranslation | null> {
    if (!this.enabled || message.sender !== 'visitor' || visitorLanguage === this.targetLanguage) return null;
    const cached = this.cache.get(message.id);
    if (cached) return cached;
    try {
      const body = await this.withinTimeout(this.translator.translate(message.body, visitorLanguage, this.targetLanguage));
      const translation: MessageTranslation = { body, from: visitorLanguage, to: this.targetLanguage };
      this.remember(message.id, translation);
      return translation;
    } catch (error) {
      // Only the kind of error: an engine's message might quote the text it choked on.
      this.log('translation failed', error instanceof Error ? error.name : typeof error);
      return null;
    }
  }

  /** Messages as a counsellor receives them: each of hers with its translation, when there is one. */
  async forStaff(visitorLanguage: string, messages: readonly StoredMessage[]): Promise<StaffMessage[]> {
    if (!this.enabled || visitorLanguage === this.targetLanguage) return [...messages];
    const translations = await Promise.all(messages.map((m) => this.of(m, visitorLanguage)));
    return messages.map((m, i) => (translations[i] ? { ...m, translation: translations[i] } : m));
  }

  private withinTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TranslationTimeout()), this.timeoutMs);
    });
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  }

  private remember(id: string, translation: MessageTranslation): void {
    this.cache.delete(id);
    this.cache.set(id, translation);
    if (this.cache.size > cacheSize) this.cache.delete(this.cache.keys().next().value!);
  }
}
