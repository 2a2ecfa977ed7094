// The local translation adapter refuses model files whose hash is not the configured one, and a
// build without an engine refuses to start translation with a clear message (no pretending).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalTranslator, TranslationStartupError } from './localTranslator.js';
import { loadConfig } from '../config.js';
import { startTestServer } from '../testing/testServer.js';

describe('local translation adapter', () => {
  let dir: string;
  let model: string;
  let sha256: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-model-'));
    model = path.join(dir, 'model.ennl.bin');
    fs.writeFileSync(model, 'not really a model, but bytes with a hash');
    sha256 = crypto.createHash('sha256').update(fs.readFileSync(model)).digest('hex');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a model file whose SHA-256 does not match, naming the file and both hashes', async () => {
    const wrong = 'a'.repeat(64);
    const opening = openLocalTranslator({ modelFiles: [{ path: model, sha256: wrong }], targetLanguage: 'nl' }, () => Promise.reject(new Error('must not load')));
    await expect(opening).rejects.toThrow(TranslationStartupError);
    await expect(opening).rejects.toThrow(`${model} does not match its SHA-256 (expected ${wrong}, found ${sha256})`);
  });

  it('refuses a model file that is not there', async () => {
    await expect(openLocalTranslator({ modelFiles: [{ path: path.join(dir, 'gone.bin'), sha256 }], targetLanguage: 'nl' })).rejects.toThrow('cannot be read: ENOENT');
  });

  it('with the right hash, loads the engine with the verified files and translates through it', async () => {
    const loaded: string[][] = [];
    const translator = await openLocalTranslator({ modelFiles: [{ path: model, sha256 }], targetLanguage: 'nl' }, (files) => {
      loaded.push([...files]);
      return Promise.resolve({ translate: (text, from, to) => Promise.resolve(`${from}>${to}:${text}`) });
    });
    expect(loaded).toEqual([[model]]);
    expect(await translator.translate('hello', 'en', 'nl')).toBe('en>nl:hello');
  });

  it('without an engine installed, the server does not start and says why', async () => {
    await expect(openLocalTranslator({ modelFiles: [{ path: model, sha256 }], targetLanguage: 'nl' })).rejects.toThrow('translation engine not installed');
    await expect(startTestServer({ env: { TRANSLATION_MODEL_FILES: `${model}=${sha256}` } })).rejects.toThrow('translation engine not installed');
  });

  it('reads TRANSLATION_MODEL_FILES as path=sha256 pairs, and is off when unset', () => {
    expect(loadConfig({}).translation).toBeNull();
    const config = loadConfig({ TRANSLATION_MODEL_FILES: `/m/model.bin=${'AB'.repeat(32)}, /m/vocab.spm=${'0'.repeat(64)}`, TRANSLATION_TARGET_LANGUAGE: 'en' });
    expect(config.translation).toEqual({
      modelFiles: [
        { path: '/m/model.bin', sha256: 'ab'.repeat(32) },
        { path: '/m/vocab.spm', sha256: '0'.repeat(64) },
      ],
      targetLanguage: 'en',
    });
    expect(() => loadConfig({ TRANSLATION_MODEL_FILES: '/m/model.bin' })).toThrow('must be a file path, "=", and its SHA-256');
    expect(() => loadConfig({ TRANSLATION_MODEL_FILES: `/m/model.bin=${'a'.repeat(63)}` })).toThrow('SHA-256');
    expect(() => loadConfig({ TRANSLATION_MODEL_FILES: `/m/model.bin=${'a'.repeat(64)}`, TRANSLATION_TARGET_LANGUAGE: 'de' })).toThrow('TRANSLATION_TARGET_LANGUAGE');
  });
});
