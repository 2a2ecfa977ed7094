import type { CodedConversation } from '../codebook/codedConversation.js';
import type { CodingValue } from '../codebook/codingValue.js';
import { amsterdamYearBounds } from './amsterdamYear.js';

// A hand-built fixture with the published headline figures, independent of the synthetic generator:
// 2022: 229 visitors with a trafficking question, 199 of them victims; 85 of 190 victims with a known
// age are minors, 17 of them younger than 15. 2019–2022: 105 children exploited by a parent, 35 of
// them 15 or younger. Returning visitors (with a visitor key) test that people, not chats, are counted.

type Values = Record<string, CodingValue>;

const counselling = (contactType: string, age: number | 'unknown'): Values => ({
  contactType,
  otherTopics: ['none'],
  acuteUnsafety: false,
  age,
  ...(typeof age === 'number' ? { ageBasis: 'stated' } : {}),
  gender: 'female',
  language: 'nl',
  actions: ['none'],
  followUpAgreed: false,
});

const trafficking = (contactType: string, age: number | 'unknown', relation: string, forms: string[]): Values => ({
  ...counselling(contactType, age),
  traffickingQuestion: 'yes',
  exploitationForms: forms,
  stillExploited: true,
  duration: 'y1_2',
  firstDisclosure: true,
  perpetratorCount: 'one',
  perpetratorRelation: [relation],
  clientsMentioned: false,
});

export function buildHeadlineFixture(): CodedConversation[] {
  const conversations: CodedConversation[] = [];
  const add = (year: number, values: Values, visitorKey?: string, offsetDays = 0): void => {
    const [start] = amsterdamYearBounds(year);
    conversations.push({
      conversationId: `fx-${year}-${conversations.length + 1}`,
      ...(visitorKey === undefined ? {} : { visitorKey }),
      closedAt: start + (10 + offsetDays) * 86_400_000,
      codebookVersion: '1.0.0',
      values,
    });
  };
  const repeat = (n: number, f: (i: number) => void): void => {
    for (let i = 0; i < n; i += 1) f(i);
  };

  // 2022 victims: 17 younger than 15 (9 of them by a parent), 20 aged 15, 48 aged 16–17 (19 by a parent) …
  repeat(17, (i) => add(2022, trafficking('victim', i < 2 ? 11 : 13, i < 9 ? 'father' : 'loverboy', ['sexual'])));
  repeat(20, () => add(2022, trafficking('victim', 15, 'loverboy', ['sexual', 'criminal'])));
  repeat(48, (i) => add(2022, trafficking('victim', 17, i < 19 ? 'mother' : 'peer', ['criminal'])));
  // … 105 adults, 9 of unknown age. Twenty adults came back with their return code: counted once.
  repeat(105, (i) => {
    const key = i < 20 ? `key-${i}` : undefined;
    if (key !== undefined) add(2022, { ...counselling('victim', 30), traffickingQuestion: 'no' }, key, 0);
    add(2022, trafficking('victim', 30, 'loverboy', ['sexual']), key, 30);
    if (key !== undefined) add(2022, trafficking('victim', 30, 'loverboy', ['sexual']), key, 60);
  });
  repeat(9, () => add(2022, trafficking('victim', 'unknown', 'stranger', ['unknown'])));
  // 30 third parties with a trafficking question.
  repeat(30, (i) => add(2022, trafficking(i < 12 ? 'third_parent' : 'third_friend', 16, 'loverboy', ['sexual'])));
  // Counselling without a trafficking question, and non-counselling contacts.
  repeat(400, () => add(2022, { ...counselling('victim', 19), traffickingQuestion: 'no' }));
  repeat(300, () => add(2022, { contactType: 'silent', language: 'nl' }));

  // Earlier years: children exploited by a parent (≤15 / 16–17): 2019 8/16, 2020 9/17, 2021 9/18.
  for (const [year, young, older] of [[2019, 8, 16], [2020, 9, 17], [2021, 9, 18]] as const) {
    repeat(young, () => add(year, trafficking('victim', 14, 'step_parent', ['sexual'])));
    repeat(older, () => add(year, trafficking('victim', 16, 'both_parents', ['sexual'])));
    repeat(40, () => add(year, trafficking('victim', 22, 'loverboy', ['sexual'])));
  }
  return conversations;
}
