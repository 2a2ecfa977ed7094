// The adapter for local machine translation (Bergamot-style models run on this server: no text
// leaves it). At start the model files are checked against the SHA-256 hashes the operator
// configured, so a swapped or damaged model is refused before it reads a single message; then the
// engine is loaded. No engine ships with Baken yet, so a configured translation stops the start
// with a clear error instead of pretending to translate.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Translator } from '../../app/translation/translator.js';
import type { TranslationConfig } from '../config.js';

/** What an engine must offer once loaded with verified model files. */
export interface TranslationEngine {
  translate(text: string, from: string, to: string): Promise<string>;
}
export type EngineLoader = (modelFiles: readonly string[]) => Promise<TranslationEngine>;

export class TranslationStartupError extends Error {}

async function sha256Of(path: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every model file exists and has exactly the configured hash. */
export async function verifyModelFiles(files: TranslationConfig['modelFiles']): Promise<void> {
  for (const file of files) {
    let actual: string;
    try {
      actual = await sha256Of(file.path);
    } catch (error) {
      throw new TranslationStartupError(`translation model file ${file.path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    if (actual !== file.sha256) {
      throw new TranslationStartupError(`translation model file ${file.path} does not match its SHA-256 (expected ${file.sha256}, found ${actual}); refusing to start translation`);
    }
  }
}

/** The engine Baken would run. Not installed: there is no maintained Node binding to depend on yet. */
export const bergamotEngine: EngineLoader = () =>
  Promise.reject(new TranslationStartupError('translation engine not installed: TRANSLATION_MODEL_FILES is set, but this build of Baken has no local translation engine. Unset TRANSLATION_MODEL_FILES to start without translation.'));

export async function openLocalTranslator(config: TranslationConfig, loadEngine: EngineLoader = bergamotEngine): Promise<Translator> {
  await verifyModelFiles(config.modelFiles);
  const engine = await loadEngine(config.modelFiles.map((f) => f.path));
  return { translate: (text, from, to) => engine.translate(text, from, to) };
}
