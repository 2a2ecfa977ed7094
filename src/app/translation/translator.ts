// The port for machine translation of a visitor's messages. An adapter runs the model on this
// server (nothing leaves it); by default there is none and nothing is translated.

export interface Translator {
  /** `from` and `to` are language codes (nl, en). Rejects when the engine cannot translate. */
  translate(text: string, from: string, to: string): Promise<string>;
}

/** The default: translation is off. Never asked to translate (MessageTranslations checks first). */
export class NoTranslator implements Translator {
  translate(): Promise<string> {
    return Promise.reject(new Error('translation is off'));
  }
}

export const isTranslating = (translator: Translator): boolean => !(translator instanceof NoTranslator);
