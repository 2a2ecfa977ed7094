import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { statusText } from './statusText.js';
import { visibilityNl } from '../common/locales/visibility.nl.js';
import { visibilityEn } from '../common/locales/visibility.en.js';

const nl = visibilityNl.badge;

describe('the status in words (widget and badge)', () => {
  it('says open, busy with the honest range, or closed until the next opening', () => {
    expect(statusText({ state: 'open' }, nl, 'nl')).toEqual({ state: 'open', text: 'Nu open' });
    expect(statusText({ state: 'busy', wait: null }, nl, 'nl')!.text).toBe('Druk: je moet misschien even wachten');
    expect(statusText({ state: 'busy', wait: { minMinutes: 10, maxMinutes: 20 } }, nl, 'nl')!.text).toBe('Druk: wachttijd 10 tot 20 minuten');
    expect(statusText({ state: 'busy', wait: { minMinutes: 0, maxMinutes: 5 } }, nl, 'nl')!.text).toBe('Druk: wachttijd tot 5 minuten');
    expect(statusText({ state: 'busy', wait: { minMinutes: 90, maxMinutes: null } }, visibilityEn.badge, 'en')!.text).toBe('Busy: waiting time more than 90 minutes');
    expect(statusText({ state: 'closed', nextOpensAt: null }, nl, 'nl')!.text).toBe('Nu gesloten');
    // Thursday 3 December 2026, 19:00 in Amsterdam.
    expect(statusText({ state: 'closed', nextOpensAt: Date.UTC(2026, 11, 3, 18) }, nl, 'nl')!.text).toBe('Nu gesloten, weer open donderdag 19:00');
    expect(statusText({ state: 'closed', nextOpensAt: Date.UTC(2026, 11, 3, 18) }, visibilityEn.badge, 'en')!.text).toBe('Closed now, open again Thursday 19:00');
  });

  it('shows nothing for an answer it does not know, and never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything(), (answer) => {
        const shown = statusText(answer, nl, 'nl');
        if (shown !== null) expect(['open', 'busy', 'closed']).toContain(shown.state);
        if (shown !== null) expect(shown.text).not.toMatch(/\{|undefined|NaN/);
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.constant(null), fc.string()), (nextOpensAt) => {
        expect(statusText({ state: 'closed', nextOpensAt }, nl, 'nl')!.text).toMatch(/^Nu gesloten/);
      }),
    );
    expect(statusText({ state: 'closed', nextOpensAt: 1e20 }, nl, 'nl')!.text).toBe('Nu gesloten');
    expect(statusText({ state: 'maybe' }, nl, 'nl')).toBeNull();
    expect(statusText('<img src=x onerror=alert(1)>', nl, 'nl')).toBeNull();
  });
});
