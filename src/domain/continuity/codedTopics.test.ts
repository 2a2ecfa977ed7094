import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultCodebook } from '../codebook/defaultCodebook.js';
import { codedTopics } from './codedTopics.js';

describe('coded topics of an earlier chat', () => {
  it('names the forms of exploitation and other topics she was coded with, in codebook order', () => {
    const topics = codedTopics(defaultCodebook, { contactType: 'victim', otherTopics: ['runaway', 'sexual_abuse'], exploitationForms: ['criminal'] });
    expect(topics.map((t) => t.en)).toEqual(['Criminal exploitation', 'Sexual abuse', 'Runaway or homeless']);
    expect(topics.map((t) => t.nl)).toEqual(['Criminele uitbuiting', 'Seksueel misbruik', 'Weggelopen of dakloos']);
  });

  it('says nothing for "none", "unknown", an uncoded chat or codes the codebook does not know', () => {
    expect(codedTopics(defaultCodebook, { otherTopics: ['none'], exploitationForms: ['unknown'] })).toEqual([]);
    expect(codedTopics(defaultCodebook, {})).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.string()), (codes) => {
        const known = new Set(defaultCodebook.fields.flatMap((f) => (f.kind === 'multi' ? f.options.map((o) => o.code) : [])));
        const topics = codedTopics(defaultCodebook, { otherTopics: codes.filter((c) => !known.has(c)) });
        expect(topics).toEqual([]);
      }),
    );
  });
});
