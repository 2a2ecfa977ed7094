import { describe, expect, it } from 'vitest';
import { assessTriage, createTriageEngine } from './assessTriage.js';
import { defaultRuleSets } from './rules/index.js';
import { triageRuleSetSchema } from './triageRule.js';
import { triageCorpus } from './triageCorpus.js';

const one = (text: string) => assessTriage({ messages: [text] });
const ids = (text: string) => one(text).reasons.map((r) => r.ruleId);

describe('assessTriage: priority and reasons', () => {
  it('explains a raise with rule id, category, reason key and the matched phrase', () => {
    const result = assessTriage({ messages: ['hoi', 'ik moet geld verdienen voor hem'] });
    expect(result.priority).toBe('high');
    expect(result.categories).toEqual(['exploitation']);
    expect(result.reasons).toEqual([
      {
        ruleId: 'nl.exploitation.forced_to_earn',
        category: 'exploitation',
        priority: 'high',
        reasonKey: 'triage.reason.forced_to_earn_money',
        source: 'message',
        snippet: 'ik moet geld verdienen voor hem',
        messageIndex: 1,
      },
    ]);
  });

  it('orders reasons most urgent first', () => {
    const result = one('ik ben 14 en hij komt eraan');
    expect(result.priority).toBe('critical');
    expect(result.reasons.map((r) => r.priority)).toEqual(['critical', 'high']);
  });

  it('is normal when nothing matches', () => {
    expect(one('hallo, ik wil even iets vragen')).toMatchObject({ priority: 'normal', categories: [], reasons: [] });
  });

  it('reads every message, also late in the chat', () => {
    const messages = [...Array<string>(40).fill('hoi'), 'ik ben in gevaar'];
    expect(assessTriage({ messages })).toMatchObject({ priority: 'critical', reasons: [{ ruleId: 'nl.acute_danger.in_danger_now', messageIndex: 40 }] });
  });
});

describe('assessTriage: pre-chat answers', () => {
  it('"in danger now: yes" is critical, "no" and "skip" change nothing', () => {
    expect(assessTriage({ preChat: { inDangerNow: 'yes' }, messages: [] }).priority).toBe('critical');
    expect(assessTriage({ preChat: { inDangerNow: 'no' }, messages: [] }).priority).toBe('normal');
    expect(assessTriage({ preChat: { inDangerNow: 'skip' }, messages: [] }).priority).toBe('normal');
  });

  it('a minor age band is high', () => {
    const result = assessTriage({ preChat: { ageBand: '12_15' }, messages: [] });
    expect(result).toMatchObject({ priority: 'high', categories: ['minor'] });
    expect(assessTriage({ preChat: { ageBand: '18_23' }, messages: [] }).priority).toBe('normal');
  });

  it('an information-only visitor is low, unless her messages say more', () => {
    expect(assessTriage({ preChat: { topic: 'information' }, messages: ['hoe werkt dit?'] }).priority).toBe('low');
    expect(assessTriage({ preChat: { topic: 'information' }, messages: ['hij pakt mijn geld af'] }).priority).toBe('high');
    expect(assessTriage({ preChat: { topic: 'information', ageBand: '16_17' }, messages: [] }).priority).toBe('high');
  });
});

describe('assessTriage: language handling', () => {
  it('normalises chat spelling, diacritics and repeated letters', () => {
    expect(ids('kben 14jr')).toContain('nl.minor.stated_age');
    expect(ids('HEEEELP hij is hier!!!')).toContain('nl.acute_danger.coming_now');
    expect(ids('ik ben nie veilig')).toContain('nl.acute_danger.in_danger_now');
    expect(ids('ff zeggen: m\'n loverbooy heeft m\'n mobiel afgepakt')).toEqual(
      expect.arrayContaining(['nl.exploitation.loverboy', 'nl.exploitation.phone_taken']),
    );
    expect(ids('Ik wil zelfmóórd plegen')).toContain('nl.self_harm.suicidal');
    expect(ids("im 13 n he makes me sell drugs")).toEqual(
      expect.arrayContaining(['en.minor.stated_age', 'en.exploitation.drug_running']),
    );
  });

  it('handles simple negations, also across languages', () => {
    expect(one('ik ben niet in gevaar').reasons).toEqual([]);
    expect(one("i'm not in danger").reasons).toEqual([]);
    expect(one('ik ben niet suicidal').reasons).toEqual([]);
    expect(one('nobody is following me').reasons).toEqual([]);
    // A negation inside the phrase is part of it, not a cancellation.
    expect(ids('ik ben niet veilig')).toContain('nl.acute_danger.in_danger_now');
    expect(ids("i don't want to live anymore")).toContain('en.self_harm.suicidal');
    // A new clause ends the negation's reach.
    expect(ids('ik ben niet bang maar hij volgt me overal')).toContain('nl.exploitation.watched');
  });

  it('reads ages carefully', () => {
    expect(ids('ik ben 14')).toContain('nl.minor.stated_age');
    expect(ids('ik ben 19')).not.toContain('nl.minor.stated_age');
    expect(ids('ik zit al 15 jaar in dit werk')).toEqual([]);
    expect(ids('ik ben 2 weken zwanger')).toEqual([]);
    expect(ids("i'm 16 weeks pregnant")).toEqual([]);
    expect(ids('i turn 18 next month')).toContain('en.minor.turning_age');
    expect(ids('mijn zusje van 12')).toContain('nl.minor.stated_age');
    expect(ids('hij is 35 jaar')).toEqual([]);
  });

  it('does not confuse an Instagram follow or a definition question with exploitation', () => {
    expect(ids('hij volgt me op insta')).toEqual([]);
    expect(ids('wat is een loverboy?')).toEqual([]);
    expect(ids('how do I know if my boyfriend is a loverboy')).toContain('en.exploitation.loverboy');
  });
});

describe('assessTriage: conditional rules', () => {
  it('an adult partner counts only when she is a minor', () => {
    expect(ids('mijn vriend is 24')).toEqual([]);
    expect(ids('ik ben 14 en mijn vriend is 24')).toEqual(
      expect.arrayContaining(['nl.minor.stated_age', 'nl.exploitation.adult_partner_of_minor']),
    );
    // The pre-chat age band is enough to satisfy the condition.
    const result = assessTriage({ preChat: { ageBand: '12_15' }, messages: ['my boyfriend is 24'] });
    expect(result.reasons.map((r) => r.ruleId)).toContain('en.exploitation.adult_partner_of_minor');
  });
});

describe('assessTriage: robustness', () => {
  it('stays fast on very long or hostile input', () => {
    const long = 'ik '.repeat(50_000) + 'ben in gevaar';
    const started = performance.now();
    expect(assessTriage({ messages: [long, 'a'.repeat(100_000)] }).priority).toBe('normal'); // beyond the per-message cap
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('rule sets', () => {
  it('validate against the schema, with unique ids and compiling patterns', () => {
    const allIds = defaultRuleSets.flatMap((s) => s.rules.map((r) => r.id));
    expect(new Set(allIds).size).toBe(allIds.length);
    for (const set of defaultRuleSets) {
      expect(triageRuleSetSchema.safeParse(set).success).toBe(true);
      expect(() => createTriageEngine([set])).not.toThrow();
    }
  });

  it('every rule is exercised by at least one corpus example', () => {
    const engine = createTriageEngine(defaultRuleSets);
    const fired = new Set<string>();
    for (const entry of [...triageCorpus.development, ...triageCorpus.holdout]) {
      for (const r of engine.assess({ preChat: entry.preChat, messages: entry.messages }).reasons) fired.add(r.ruleId);
    }
    const unused = defaultRuleSets.flatMap((s) => s.rules.map((r) => r.id)).filter((id) => !fired.has(id));
    expect(unused).toEqual([]);
  });
});
