/** The rule sets used by default: both languages on every message, because visitors mix them. */
import { enRules } from './en.js';
import { nlRules } from './nl.js';
import type { TriageRuleSet } from '../triageRule.js';

export const defaultRuleSets: readonly TriageRuleSet[] = [nlRules, enRules];
export { enRules, nlRules };
