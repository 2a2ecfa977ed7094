import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextChatId, shortcutFor, type KeyPress } from './shortcuts.js';

const press = (over: Partial<KeyPress>): KeyPress => ({ key: '', code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, inTextField: false, ...over });

describe('shortcutFor', () => {
  it('maps Alt with a letter by the physical key, so macOS Option characters still work', () => {
    expect(shortcutFor(press({ altKey: true, code: 'KeyA', key: 'å' }))).toBe('accept');
    expect(shortcutFor(press({ altKey: true, code: 'KeyN', key: 'n' }))).toBe('nextChat');
    expect(shortcutFor(press({ altKey: true, code: 'KeyM', key: 'm', inTextField: true }))).toBe('composer');
    expect(shortcutFor(press({ altKey: true, code: 'KeyE', key: 'e', inTextField: true }))).toBe('endChat');
  });

  it('ignores AltGr (Ctrl+Alt), so typing € or ą never ends a chat', () => {
    expect(shortcutFor(press({ altKey: true, ctrlKey: true, code: 'KeyE', key: '€' }))).toBeNull();
    expect(shortcutFor(press({ altKey: true, ctrlKey: true, code: 'KeyA', key: 'ą' }))).toBeNull();
  });

  it('opens help with "?" only outside text fields', () => {
    expect(shortcutFor(press({ key: '?', shiftKey: true }))).toBe('help');
    expect(shortcutFor(press({ key: '?', shiftKey: true, inTextField: true }))).toBeNull();
  });

  it('never fires on a key typed without Alt (any letter, any field)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 1 }).filter((k) => k !== '?'), fc.boolean(), fc.boolean(), (key, shiftKey, inTextField) => {
        const code = /[a-z]/i.test(key) ? `Key${key.toUpperCase()}` : '';
        return shortcutFor(press({ key, code, shiftKey, inTextField })) === null;
      }),
    );
  });
});

describe('nextChatId', () => {
  it('goes round the list, and starts at the first when none is in view', () => {
    expect(nextChatId(['a', 'b', 'c'], 'a')).toBe('b');
    expect(nextChatId(['a', 'b', 'c'], 'c')).toBe('a');
    expect(nextChatId(['a', 'b'], null)).toBe('a');
    expect(nextChatId([], null)).toBeNull();
  });
});
