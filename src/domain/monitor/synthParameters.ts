/** Relative weights (or, for quotas, exact counts at the default size). */
export type Weights = Readonly<Record<string, number>>;

/**
 * The distributions behind one synthetic year. Quotas (counts) are met exactly at the default
 * size and scaled by largest remainder otherwise; everything else is drawn per person.
 */
export interface SynthYearParameters {
  readonly year: number;
  /** Unique visitors at the default size (people, not chats). */
  readonly uniqueVisitors: number;
  /** Quota: victims themselves with a question about human trafficking. */
  readonly victims: number;
  /** Quotas: third parties with a trafficking question, by contact type. */
  readonly thirdParties: Weights;
  /** Quotas: non-counselling contacts by contact type. The rest are counselling without a trafficking question. */
  readonly nonCounselling: Weights;
  /** Contact types among counselling visitors without a trafficking question. */
  readonly otherCounsellingContact: Weights;
  /** Share of trafficking questions coded "doubt" rather than "yes". */
  readonly doubtShare: number;
  /** Quotas among victims: age band code (or "unknown") → count. */
  readonly victimAgeBands: Weights;
  /** Quotas among victims: minors exploited by at least one parent. */
  readonly parentExploitedMinors: { readonly atMost15: number; readonly age16to17: number };
  /** Share of adult victims exploited by a parent (since childhood). */
  readonly parentExploitedAdultShare: number;
  readonly parentRelation: Weights;
  readonly otherRelation: Weights;
  readonly ageStatedShare: number;
  readonly gender: Weights;
  readonly language: Weights;
  /** Probability of each form of exploitation, for minors and adults. */
  readonly forms: Readonly<Record<string, { readonly minor: number; readonly adult: number }>>;
  /** Probability of each sub-form, given its parent form. */
  readonly subForms: Readonly<Record<string, number>>;
  readonly stillExploited: number;
  readonly durationMinor: Weights;
  readonly durationAdult: Weights;
  readonly firstDisclosure: number;
  readonly perpetratorCount: Weights;
  /** Probability that clients are mentioned when sexually exploited (and otherwise). */
  readonly clientsMentioned: { readonly sexual: number; readonly other: number };
  readonly clientKnowledge: Weights;
  readonly clientActions: Readonly<Record<string, number>>;
  readonly actions: Readonly<Record<string, number>>;
  readonly otherTopics: Readonly<Record<string, number>>;
  readonly acuteUnsafety: number;
  readonly followUpAgreed: number;
  /** Share of counselling visitors who use a return code, and how many extra chats they have. */
  readonly returningShare: number;
  readonly extraConversations: Weights;
}
