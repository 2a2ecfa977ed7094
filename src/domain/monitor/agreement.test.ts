import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '../codebook/defaultCodebook.js';
import { cohensKappa, computeAgreement } from './agreement.js';

const pairsFromTable = (table: Record<string, number>): [string, string][] =>
  Object.entries(table).flatMap(([cell, n]) => Array.from({ length: n }, () => cell.split('/') as [string, string]));

describe("Cohen's kappa", () => {
  it('matches textbook values', () => {
    // 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15 → po 0.7, pe 0.5, kappa 0.4.
    const r = cohensKappa(pairsFromTable({ 'yes/yes': 20, 'yes/no': 5, 'no/yes': 10, 'no/no': 15 }));
    expect(r.observed).toBeCloseTo(0.7);
    expect(r.expected).toBeCloseTo(0.5);
    expect(r.kappa).toBeCloseTo(0.4);
    expect(cohensKappa(pairsFromTable({ 'a/a': 5, 'b/b': 5 })).kappa).toBe(1);
    expect(cohensKappa(pairsFromTable({ 'a/b': 5, 'b/a': 5 })).kappa).toBe(-1);
  });

  it('is undefined without items or without variation', () => {
    expect(cohensKappa([]).kappa).toBeNull();
    expect(cohensKappa(pairsFromTable({ 'a/a': 7 })).kappa).toBeNull();
  });

  it('stays within [-1, 1] and is symmetric in the coders', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('a', 'b', 'c')), { minLength: 1, maxLength: 60 }), (pairs) => {
        const k = cohensKappa(pairs).kappa;
        const swapped = cohensKappa(pairs.map(([a, b]) => [b, a] as [string, string])).kappa;
        if (k !== null) {
          expect(k).toBeGreaterThanOrEqual(-1);
          expect(k).toBeLessThanOrEqual(1);
          expect(swapped).toBeCloseTo(k, 10);
        }
        if (pairs.every(([a, b]) => a === b) && k !== null) expect(k).toBe(1);
      }),
    );
  });

  it('reports agreement per codebook field for double-coded conversations', () => {
    const base = { contactType: 'victim', traffickingQuestion: 'yes', exploitationForms: ['sexual'] };
    const result = computeAgreement(defaultCodebook, [
      { conversationId: '1', first: base, second: base },
      { conversationId: '2', first: { ...base, contactType: 'third_friend' }, second: { ...base, contactType: 'third_friend', exploitationForms: ['sexual', 'criminal'] } },
      { conversationId: '3', first: { ...base, contactType: 'silent', traffickingQuestion: undefined }, second: { ...base, contactType: 'test', traffickingQuestion: undefined } },
    ]);
    const contact = result.find((f) => f.fieldId === 'contactType')!;
    expect(contact.n).toBe(3);
    expect(contact.observed).toBeCloseTo(2 / 3);
    expect(result.find((f) => f.fieldId === 'gender')!.n).toBe(0);
    expect(result.find((f) => f.fieldId === 'exploitationForms')!.observed).toBeLessThan(1);
  });
});
