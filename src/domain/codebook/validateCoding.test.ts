import { describe, expect, it } from 'vitest';
import { codebookSchema } from './codebookSchema.js';
import type { CodingValues } from './codingValue.js';
import { defaultCodebook } from './defaultCodebook.js';
import { validateCoding } from './validateCoding.js';

const victim: CodingValues = {
  contactType: 'victim',
  traffickingQuestion: 'yes',
  otherTopics: ['none'],
  acuteUnsafety: false,
  age: 14,
  ageBasis: 'stated',
  gender: 'female',
  language: 'nl',
  exploitationForms: ['sexual', 'criminal'],
  exploitationSubForms: ['webcam', 'drugs'],
  stillExploited: true,
  duration: 'y1_2',
  firstDisclosure: 'unknown',
  perpetratorCount: 'one',
  perpetratorRelation: ['mother'],
  clientsMentioned: true,
  clientKnowledge: 'knew',
  clientActions: ['violence', 'paid_parent'],
  actions: ['veilig_thuis'],
  followUpAgreed: true,
};

const codes = (values: CodingValues): string[] => validateCoding(defaultCodebook, values).errors.map((e) => `${e.fieldId}:${e.code}`);

describe('default codebook', () => {
  it('is a valid codebook whose labels exist in Dutch and English', () => {
    expect(codebookSchema.safeParse(defaultCodebook).success).toBe(true);
    for (const field of defaultCodebook.fields) {
      expect(field.label.nl.length).toBeGreaterThan(0);
      expect(field.label.en.length).toBeGreaterThan(0);
    }
  });

  it('covers every field the issue lists', () => {
    const ids = defaultCodebook.fields.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining([
      'contactType', 'traffickingQuestion', 'otherTopics', 'acuteUnsafety', 'age', 'ageBasis', 'gender', 'language',
      'exploitationForms', 'exploitationSubForms', 'stillExploited', 'duration', 'firstDisclosure', 'perpetratorCount',
      'perpetratorRelation', 'clientsMentioned', 'clientKnowledge', 'clientActions', 'actions', 'followUpAgreed',
    ]));
  });

  it('has age bands that give both "younger than 15" and "15 or younger"', () => {
    const bands = defaultCodebook.ageBands;
    expect(bands.some((b) => b.max === 14)).toBe(true);
    expect(bands.some((b) => b.min === 15 && b.max === 15)).toBe(true);
  });

  it('rejects a codebook with a condition on an unknown field', () => {
    const broken = { ...defaultCodebook, fields: [...defaultCodebook.fields, { ...defaultCodebook.fields[1]!, id: 'extra', showWhen: { kind: 'known', field: 'nope' } }] };
    expect(codebookSchema.safeParse(broken).success).toBe(false);
  });
});

describe('validateCoding', () => {
  it('accepts a complete victim coding', () => {
    expect(codes(victim)).toEqual([]);
  });

  it('accepts a non-counselling contact with everything else empty', () => {
    expect(codes({ contactType: 'silent', language: 'nl' })).toEqual([]);
  });

  it('requires visible required fields', () => {
    const { followUpAgreed: _, ...rest } = victim;
    expect(codes(rest)).toEqual(['followUpAgreed:required']);
  });

  it('demands that fields hidden by a condition stay empty', () => {
    expect(codes({ contactType: 'test', language: 'nl', traffickingQuestion: 'yes' })).toEqual(['traffickingQuestion:hidden_by_condition']);
  });

  it('shows client questions only when clients were mentioned', () => {
    expect(codes({ ...victim, clientsMentioned: false })).toEqual(['clientKnowledge:hidden_by_condition', 'clientActions:hidden_by_condition']);
    expect(codes({ ...victim, clientsMentioned: false, clientKnowledge: undefined, clientActions: [] })).toEqual([]);
    expect(codes({ ...victim, clientKnowledge: undefined })).toEqual(['clientKnowledge:required']);
  });

  it('hides exploitation questions when there is no trafficking question', () => {
    const errors = codes({ ...victim, traffickingQuestion: 'no' });
    expect(errors).toContain('exploitationForms:hidden_by_condition');
    expect(errors).toContain('clientsMentioned:hidden_by_condition');
  });

  it('needs how the age is known only when the age is known', () => {
    expect(codes({ ...victim, age: 'unknown' })).toEqual(['ageBasis:hidden_by_condition']);
    expect(codes({ ...victim, age: 'unknown', ageBasis: undefined })).toEqual([]);
  });

  it('allows "unknown" only where the codebook does', () => {
    expect(codes({ ...victim, gender: 'unknown' })).toEqual([]);
    expect(codes({ ...victim, language: 'unknown' })).toEqual(['language:unknown_not_allowed']);
    expect(codes({ ...victim, exploitationForms: ['unknown'], exploitationSubForms: undefined })).toEqual([]);
    expect(codes({ ...victim, exploitationForms: ['unknown', 'sexual'] })).toContain('exploitationForms:exclusive_option_combined');
  });

  it('checks option codes, types, ranges and exclusive options', () => {
    expect(codes({ ...victim, gender: 'girl' })).toEqual(['gender:invalid_option']);
    expect(codes({ ...victim, age: 14.5 })).toEqual(['age:not_integer']);
    expect(codes({ ...victim, age: 120 })).toEqual(['age:out_of_range']);
    expect(codes({ ...victim, age: '14' })).toEqual(['age:wrong_type']);
    expect(codes({ ...victim, stillExploited: 'yes' })).toEqual(['stillExploited:wrong_type']);
    expect(codes({ ...victim, actions: ['none', 'police'] })).toEqual(['actions:exclusive_option_combined']);
    expect(codes({ ...victim, actions: ['police', 'police'] })).toEqual(['actions:duplicate_option']);
    expect(codes({ ...victim, whatever: 'x' })).toEqual(['whatever:unknown_field']);
  });

  it('requires a sub-form to belong to a chosen form', () => {
    expect(codes({ ...victim, exploitationForms: ['sexual'], exploitationSubForms: ['webcam', 'drugs'] })).toEqual(['exploitationSubForms:sub_form_without_parent']);
  });

  it('gives English messages naming the field', () => {
    const [error] = validateCoding(defaultCodebook, { ...victim, age: 120 }).errors;
    expect(error?.message).toBe('Age (years): must be between 0 and 99.');
  });
});
