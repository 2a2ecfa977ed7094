import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsNul } from './holdsNul.js';

describe('holdsNul', () => {
  it('finds a NUL in any string or key of a JSON value, exactly when its JSON text escapes one', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '\u0000', ' ', '"') });
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.constant(null), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(text, tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(fc.property(value, (v) => holdsNul(v) === JSON.stringify(v).includes('\\u0000')));
  });

  it('walks a deeply nested body without running out of stack', () => {
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(holdsNul(deep)).toBe(true);
  });
});
