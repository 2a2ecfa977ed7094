import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CodedConversation } from './codedConversation.js';
import { exportCodedConversationsCsv, importCodedConversationsCsv } from './codedConversationCsv.js';
import { exportCodedConversationsJson, importCodedConversationsJson } from './codedConversationJson.js';
import { parseCsv, serializeCsv } from './csvRfc4180.js';
import { defaultCodebook } from './defaultCodebook.js';

const victim: CodedConversation = {
  conversationId: 'c-1',
  visitorKey: 'ab12',
  closedAt: Date.UTC(2022, 4, 1, 10, 0, 0, 123),
  codebookVersion: '1.0.0',
  values: {
    contactType: 'victim', traffickingQuestion: 'doubt', otherTopics: ['mental_health', 'other'], acuteUnsafety: 'unknown',
    age: 'unknown', gender: 'female', language: 'nl', exploitationForms: ['sexual'], exploitationSubForms: ['clients_escort', 'webcam'],
    stillExploited: true, duration: 'unknown', firstDisclosure: false, perpetratorCount: 'unknown', perpetratorRelation: ['unknown'],
    clientsMentioned: true, clientKnowledge: 'should_have_known', clientActions: ['none'], actions: ['police', 'medical'], followUpAgreed: false,
  },
};

/** Valid codings of several shapes: non-counselling, counselling without and with a trafficking question. */
const conversationArb: fc.Arbitrary<CodedConversation> = fc
  .record({
    id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,"'_-]{0,12}[A-Za-z0-9]$/),
    key: fc.option(fc.stringMatching(/^[0-9a-f]{16}$/), { nil: undefined }),
    closedAt: fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) }),
    kind: fc.constantFrom('silent', 'counselling', 'victim'),
    age: fc.oneof(fc.integer({ min: 0, max: 99 }), fc.constant('unknown' as const)),
    topics: fc.subarray(['sexual_abuse', 'grooming', 'mental_health', 'other'], { minLength: 1 }),
    actions: fc.subarray(['police', 'veilig_thuis', 'medical'], { minLength: 1 }),
    forms: fc.subarray(['sexual', 'criminal', 'labour'], { minLength: 1 }),
    clients: fc.boolean(),
  })
  .map(({ id, key, closedAt, kind, age, topics, actions, forms, clients }): CodedConversation => {
    const base = { conversationId: id, ...(key === undefined ? {} : { visitorKey: key }), closedAt, codebookVersion: '1.0.0' };
    if (kind === 'silent') return { ...base, values: { contactType: 'silent', language: 'en' } };
    const counselling = {
      contactType: 'third_friend', otherTopics: topics, acuteUnsafety: false, age, ...(typeof age === 'number' ? { ageBasis: 'estimated' } : {}),
      gender: 'male', language: 'nl', actions, followUpAgreed: true,
    };
    if (kind === 'counselling') return { ...base, values: { ...counselling, traffickingQuestion: 'no' } };
    return {
      ...base,
      values: {
        ...counselling, traffickingQuestion: 'yes', exploitationForms: forms, stillExploited: 'unknown', duration: 'm6_11', firstDisclosure: true,
        perpetratorCount: 'two', perpetratorRelation: ['loverboy', 'peer'], clientsMentioned: clients,
        ...(clients ? { clientKnowledge: 'knew', clientActions: ['recording'] } : {}),
      },
    };
  });

const uniqueById = (list: CodedConversation[]): CodedConversation[] => [...new Map(list.map((c) => [c.conversationId, c])).values()];

describe('coded conversation CSV', () => {
  it('exports one row per conversation with multi-values separated by |', () => {
    const csv = exportCodedConversationsCsv(defaultCodebook, [victim]);
    const [header, row] = parseCsv(csv).records;
    expect(header?.slice(0, 5)).toEqual(['conversation_id', 'visitor_key', 'closed_at', 'codebook_version', 'contactType']);
    expect(row?.[header!.indexOf('exploitationSubForms')]).toBe('clients_escort|webcam');
    expect(row?.[header!.indexOf('stillExploited')]).toBe('yes');
    expect(row?.[header!.indexOf('closed_at')]).toBe('2022-05-01T10:00:00.123Z');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('round-trips: import(export(x)) = x', () => {
    fc.assert(
      fc.property(fc.array(conversationArb, { maxLength: 20 }).map(uniqueById), (conversations) => {
        const result = importCodedConversationsCsv(defaultCodebook, exportCodedConversationsCsv(defaultCodebook, conversations));
        expect(result.issues).toEqual([]);
        expect(result.conversations).toEqual(conversations);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary text and reports issues instead', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', '|', 'conversation_id', 'closed_at', 'x', ' ', 'yes', '2022-01-01T00:00:00Z') , maxLength: 80 }), (text) => {
        const result = importCodedConversationsCsv(defaultCodebook, text);
        expect(Array.isArray(result.conversations)).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string(), (text) => void importCodedConversationsCsv(defaultCodebook, text)), { numRuns: 500 });
  });

  it('gives row and column for bad cells and leaves those rows out', () => {
    const csv = exportCodedConversationsCsv(defaultCodebook, [victim]).replace('female', 'girl').replace('2022-05-01T10:00:00.123Z', 'yesterday');
    const result = importCodedConversationsCsv(defaultCodebook, csv);
    expect(result.conversations).toEqual([]);
    expect(result.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 2, column: 'closed_at' }),
      expect.objectContaining({ row: 2, column: 'gender', message: 'Gender: "girl" is not an allowed option.' }),
    ]));
  });

  it('reports missing and unknown columns, duplicate ids and broken quoting', () => {
    expect(importCodedConversationsCsv(defaultCodebook, 'conversation_id,foo\r\n1,2\r\n').issues.map((i) => i.column)).toEqual(['closed_at', 'codebook_version', 'foo']);
    const csv = exportCodedConversationsCsv(defaultCodebook, [victim, victim]);
    expect(importCodedConversationsCsv(defaultCodebook, csv).issues).toEqual([expect.objectContaining({ row: 3, column: 'conversation_id' })]);
    expect(importCodedConversationsCsv(defaultCodebook, '').issues[0]?.row).toBe(0);
    expect(parseCsv('a,"b\r\n').issues).toHaveLength(1);
  });

  it('serializes with RFC 4180 quoting', () => {
    expect(serializeCsv([['a,b', 'say "hi"', 'line\nbreak', 'plain']])).toBe('"a,b","say ""hi""","line\nbreak",plain\r\n');
    expect(parseCsv('"a,b","say ""hi""","line\nbreak",plain\r\n').records).toEqual([['a,b', 'say "hi"', 'line\nbreak', 'plain']]);
  });
});

describe('coded conversation JSON', () => {
  it('round-trips', () => {
    fc.assert(
      fc.property(fc.array(conversationArb, { maxLength: 10 }).map(uniqueById), (conversations) => {
        const result = importCodedConversationsJson(defaultCodebook, exportCodedConversationsJson(defaultCodebook, conversations));
        expect(result.issues).toEqual([]);
        expect(result.conversations).toEqual(conversations);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on bad input', () => {
    fc.assert(fc.property(fc.string(), (text) => void importCodedConversationsJson(defaultCodebook, text)));
    expect(importCodedConversationsJson(defaultCodebook, '{"format":"nope"}').issues).toHaveLength(1);
    const doc = JSON.parse(exportCodedConversationsJson(defaultCodebook, [victim])) as { conversations: { values: Record<string, unknown> }[] };
    doc.conversations[0]!.values['age'] = 300;
    expect(importCodedConversationsJson(defaultCodebook, JSON.stringify(doc)).issues).toEqual(expect.arrayContaining([expect.objectContaining({ row: 1, column: 'age' })]));
  });
});
