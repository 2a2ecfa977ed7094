import type { SynthYearParameters } from './synthParameters.js';

// Default parameters. 2022 reproduces the published figures exactly: 229 visitors with a trafficking
// question, 199 of them victims themselves; 85 of the 190 victims with a known age are minors (44.7%),
// 17 of those 85 are younger than 15 (one in five). Over 2019–2022, 105 children were exploited by at
// least one parent, 35 of them 15 or younger (one third).

const base2022: SynthYearParameters = {
  year: 2022,
  uniqueVisitors: 1150,
  victims: 199,
  thirdParties: { third_parent: 12, third_friend: 8, third_professional: 7, third_other: 3 },
  nonCounselling: { silent: 160, test: 45, abusive: 35, information: 90 },
  otherCounsellingContact: { victim: 80, third_parent: 7, third_friend: 8, third_professional: 4, third_other: 1 },
  doubtShare: 0.15,
  victimAgeBands: { age_0_11: 2, age_12_14: 15, age_15: 20, age_16_17: 48, age_18_20: 40, age_21_24: 35, age_25_plus: 30, unknown: 9 },
  parentExploitedMinors: { atMost15: 9, age16to17: 19 },
  parentExploitedAdultShare: 0.04,
  parentRelation: { mother: 30, father: 35, both_parents: 15, step_parent: 15, foster_parent: 5 },
  otherRelation: { loverboy: 45, other_relative: 6, peer: 15, online_only: 14, stranger: 12, unknown: 8 },
  ageStatedShare: 0.75,
  gender: { female: 84, male: 12, non_binary: 2, other: 1, unknown: 1 },
  language: { nl: 88, en: 6, ar: 1, pl: 1, ro: 1, bg: 1, other: 2 },
  forms: {
    sexual: { minor: 0.8, adult: 0.72 },
    criminal: { minor: 0.25, adult: 0.15 },
    labour: { minor: 0.03, adult: 0.1 },
    other: { minor: 0.02, adult: 0.03 },
  },
  subForms: { clients_escort: 0.55, webcam: 0.2, recorded_images: 0.3, lent_to_others: 0.25, drugs: 0.6, theft: 0.25, money_mule: 0.2, domestic_work: 0.4, other_work: 0.6 },
  stillExploited: 0.45,
  durationMinor: { lt_1m: 4, m1_5: 10, m6_11: 12, y1_2: 28, y2_5: 20, y5_plus: 3, unknown: 8 },
  durationAdult: { lt_1m: 6, m1_5: 14, m6_11: 14, y1_2: 25, y2_5: 20, y5_plus: 11, unknown: 10 },
  firstDisclosure: 0.55,
  perpetratorCount: { one: 50, two: 18, three_to_five: 15, six_plus: 7, unknown: 10 },
  clientsMentioned: { sexual: 0.65, other: 0.05 },
  clientKnowledge: { knew: 38, should_have_known: 30, no_indication: 14, unknown: 18 },
  clientActions: { violence: 0.28, recording: 0.22, forced_acts: 0.3, paid_parent: 0.04 },
  actions: { police: 0.12, veilig_thuis: 0.1, youth_protection: 0.08, medical: 0.06, emergency: 0.02, other_referral: 0.35 },
  otherTopics: { sexual_abuse: 0.2, domestic_violence: 0.12, sextortion: 0.1, grooming: 0.06, runaway: 0.05, mental_health: 0.25, suicidality: 0.06, substance_use: 0.05, money_debts: 0.04, other: 0.1 },
  acuteUnsafety: 0.08,
  followUpAgreed: 0.3,
  returningShare: 0.25,
  extraConversations: { '0': 40, '1': 35, '2': 25 },
};

export const DEFAULT_SYNTH_PARAMETERS: Readonly<Record<number, SynthYearParameters>> = {
  2019: {
    ...base2022,
    year: 2019,
    uniqueVisitors: 900,
    victims: 160,
    thirdParties: { third_parent: 9, third_friend: 6, third_professional: 6, third_other: 2 },
    nonCounselling: { silent: 130, test: 40, abusive: 30, information: 70 },
    victimAgeBands: { age_0_11: 2, age_12_14: 12, age_15: 16, age_16_17: 38, age_18_20: 32, age_21_24: 28, age_25_plus: 24, unknown: 8 },
    parentExploitedMinors: { atMost15: 8, age16to17: 16 },
  },
  2020: {
    ...base2022,
    year: 2020,
    uniqueVisitors: 1000,
    victims: 180,
    thirdParties: { third_parent: 10, third_friend: 7, third_professional: 7, third_other: 2 },
    nonCounselling: { silent: 145, test: 40, abusive: 30, information: 80 },
    victimAgeBands: { age_0_11: 2, age_12_14: 14, age_15: 18, age_16_17: 42, age_18_20: 36, age_21_24: 32, age_25_plus: 27, unknown: 9 },
    parentExploitedMinors: { atMost15: 9, age16to17: 17 },
  },
  2021: {
    ...base2022,
    year: 2021,
    uniqueVisitors: 1080,
    victims: 190,
    thirdParties: { third_parent: 11, third_friend: 8, third_professional: 7, third_other: 2 },
    nonCounselling: { silent: 150, test: 42, abusive: 33, information: 85 },
    victimAgeBands: { age_0_11: 2, age_12_14: 14, age_15: 19, age_16_17: 45, age_18_20: 38, age_21_24: 34, age_25_plus: 29, unknown: 9 },
    parentExploitedMinors: { atMost15: 9, age16to17: 18 },
  },
  2022: base2022,
};

/** Defaults for a year: its own if published, else 2022's distributions relabelled. */
export function defaultSynthParameters(year: number): SynthYearParameters {
  return DEFAULT_SYNTH_PARAMETERS[year] ?? { ...base2022, year };
}
