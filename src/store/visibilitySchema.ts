// Table types of the referral tokens (022) and the visibility counters (023).

export interface ReferralTokenTable {
  token: string;
  label: string;
  /** partner | campaign | poster */
  kind: string;
  created_at: number;
  created_by: string | null;
}

/** One counter of one day and source. Deliberately no conversation id and no time of day. */
export interface VisibilityCountTable {
  /** Amsterdam date, YYYY-MM-DD. */
  day: string;
  source: string;
  counter: string;
  count: number;
}
