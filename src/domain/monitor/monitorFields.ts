// The codebook field ids the monitor's fixed tables rely on. Other fields are tallied generically.
export const MONITOR_FIELDS = {
  contactType: 'contactType',
  traffickingQuestion: 'traffickingQuestion',
  age: 'age',
  ageBasis: 'ageBasis',
  exploitationForms: 'exploitationForms',
  perpetratorRelation: 'perpetratorRelation',
  clientsMentioned: 'clientsMentioned',
} as const;

/** Contact-type option groups (codebook option `group`). */
export const CONTACT_GROUP = { victim: 'victim', thirdParty: 'third_party', nonCounselling: 'non_counselling' } as const;
/** Relation option group marking parents (codebook option `group`). */
export const PARENT_GROUP = 'parent';
/** Trafficking-question codes that count as "a question about human trafficking". */
export const TRAFFICKING_QUESTION_CODES: readonly string[] = ['yes', 'doubt'];

/** How far a conversation got in the funnel; a person is represented by her furthest conversation. */
export const Stage = {
  NonCounselling: 0,
  Counselling: 1,
  ThirdPartyTrafficking: 2,
  VictimTrafficking: 3,
} as const;
export type Stage = (typeof Stage)[keyof typeof Stage];
