// A translator for tests: known sentences get their given translation, anything else is marked
// as translated, so a test sees which text went where. Counts calls, and can be made to fail.
import type { Translator } from './translator.js';

export class FakeTranslator implements Translator {
  readonly calls: { text: string; from: string; to: string }[] = [];
  failing = false;
  /** The failure's message: a real engine's may quote the text. */
  failWith = 'engine failed';

  constructor(private readonly known: Readonly<Record<string, string>> = {}) {}

  translate(text: string, from: string, to: string): Promise<string> {
    this.calls.push({ text, from, to });
    if (this.failing) return Promise.reject(new Error(this.failWith));
    return Promise.resolve(this.known[text] ?? `[${from}→${to}] ${text}`);
  }
}
