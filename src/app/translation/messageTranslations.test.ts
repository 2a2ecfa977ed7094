import { describe, expect, it } from 'vitest';
import { MessageTranslations } from './messageTranslations.js';
import { FakeTranslator } from './fakeTranslator.js';
import { NoTranslator } from './translator.js';
import type { StoredMessage } from '../../domain/conversation/messageLog.js';

const message = (seq: number, sender: StoredMessage['sender'], body: string): StoredMessage => ({
  id: `m${seq}`,
  conversationId: 'c',
  seq,
  clientId: `client-${seq}`,
  sender,
  senderName: null,
  body,
  createdAt: seq,
});

describe('MessageTranslations', () => {
  it('translates only her messages, into the counsellors’ language, marking from and to', async () => {
    const fake = new FakeTranslator();
    const translations = new MessageTranslations(fake, 'nl', () => undefined);
    const out = await translations.forStaff('en', [message(1, 'visitor', 'hi'), message(2, 'counsellor', 'hoi'), message(3, 'system', 'system.warning')]);
    expect(out.map((m) => ('translation' in m ? m.translation : null))).toEqual([{ body: '[en→nl] hi', from: 'en', to: 'nl' }, null, null]);
    expect(fake.calls).toHaveLength(1);
  });

  it('asks nothing when translation is off or her language is theirs', async () => {
    const fake = new FakeTranslator();
    expect(await new MessageTranslations(new NoTranslator(), 'nl', () => undefined).of(message(1, 'visitor', 'hi'), 'en')).toBeNull();
    expect(await new MessageTranslations(fake, 'nl', () => undefined).of(message(1, 'visitor', 'hoi'), 'nl')).toBeNull();
    expect(fake.calls).toEqual([]);
  });

  it('logs a failure without the text and gives the original alone', async () => {
    const fake = new FakeTranslator();
    fake.failing = true;
    fake.failWith = 'could not translate "private words"';
    const logged: string[] = [];
    const translations = new MessageTranslations(fake, 'nl', (what, error) => logged.push(`${what}: ${String(error)}`));
    expect(await translations.of(message(1, 'visitor', 'private words'), 'en')).toBeNull();
    expect(logged).toEqual(['translation failed: Error']);
    // Not remembered as failed: the next time asks again.
    fake.failing = false;
    expect((await translations.of(message(1, 'visitor', 'private words'), 'en'))?.body).toBe('[en→nl] private words');
  });

  it('attack: an engine that never answers does not hold back her message', async () => {
    const logged: string[] = [];
    const hanging = { translate: () => new Promise<string>(() => undefined) };
    const translations = new MessageTranslations(hanging, 'nl', (what, error) => logged.push(`${what}: ${String(error)}`), 50);
    const started = Date.now();
    const out = await translations.forStaff('en', [message(1, 'visitor', 'help me please')]);
    expect(out).toEqual([message(1, 'visitor', 'help me please')]);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(logged).toEqual(['translation failed: TranslationTimeout']);
  });
});
