import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '../codebook/defaultCodebook.js';
import { validateCoding } from '../codebook/validateCoding.js';
import { amsterdamYear } from './amsterdamYear.js';
import { allocateQuota, synthesizeYear } from './synth.js';

describe('synthesizeYear', () => {
  const data = synthesizeYear(2022, { codebook: defaultCodebook, seed: 42 });

  it('is deterministic per seed and differs between seeds', () => {
    expect(synthesizeYear(2022, { codebook: defaultCodebook, seed: 42 })).toEqual(data);
    expect(JSON.stringify(synthesizeYear(2022, { codebook: defaultCodebook, seed: 43 }))).not.toBe(JSON.stringify(data));
  });

  it('produces only valid codings in the requested year', () => {
    for (const c of data) {
      expect(validateCoding(defaultCodebook, c.values).errors).toEqual([]);
      expect(amsterdamYear(c.closedAt)).toBe(2022);
    }
  });

  it('scales to a requested number of unique visitors', () => {
    const small = synthesizeYear(2022, { codebook: defaultCodebook, seed: 1, size: 300 });
    const people = new Set(small.map((c) => c.visitorKey ?? c.conversationId));
    expect(people.size).toBe(300);
  });
});

describe('allocateQuota', () => {
  it('splits exactly and proportionally', () => {
    expect([...allocateQuota({ a: 1, b: 1, c: 1 }, 10)]).toEqual([['a', 4], ['b', 3], ['c', 3]]);
    expect([...allocateQuota({ a: 229, b: 921 }, 1150)]).toEqual([['a', 229], ['b', 921]]);
  });
});
