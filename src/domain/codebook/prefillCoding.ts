import type { Codebook } from './codebookSchema.js';
import type { CodingValue, CodingValues } from './codingValue.js';
import { carryForward } from './carryForward.js';

/** Where a pre-filled value came from; the form marks each so the counsellor checks it. */
export type PrefillSource = 'pre_chat' | 'triage' | 'conversation' | 'carried';

export interface PrefillInput {
  /** The chat's language (nl/en). */
  readonly language?: string | undefined;
  /** Pre-chat answers as stored: { ageBand, inDangerNow, topic }. */
  readonly preChat?: Readonly<Record<string, string>> | null | undefined;
  /** Triage categories found for the chat. */
  readonly triageCategories?: readonly string[] | undefined;
  /** How she reached us: chat, or mail (a letter in the anonymous mailbox). */
  readonly channel?: string | undefined;
  /** The visitor's earlier coding (same return code), if any. */
  readonly previous?: CodingValues | undefined;
}

export interface Prefill {
  readonly values: Readonly<Record<string, CodingValue>>;
  readonly sources: Readonly<Record<string, PrefillSource>>;
  /** Field ids carried from an earlier chat: saved only once the counsellor confirms them. */
  readonly toConfirm: readonly string[];
  /** The pre-chat age band, shown next to the age field (it is not an exact age). */
  readonly ageBandHint: string | null;
}

/**
 * A first draft of the coding from what is already known: the pre-chat answers, triage, the
 * chat's language and, for a returning visitor, her earlier answers (to confirm). Only values
 * the codebook allows are offered; the counsellor always has the last word.
 */
export function prefillCoding(codebook: Codebook, input: PrefillInput): Prefill {
  const values: Record<string, CodingValue> = {};
  const sources: Record<string, PrefillSource> = {};
  const offer = (fieldId: string, value: CodingValue, source: PrefillSource): void => {
    const field = codebook.fields.find((f) => f.id === fieldId);
    if (field === undefined || values[fieldId] !== undefined) return;
    if (field.kind === 'single' && !field.options.some((o) => o.code === value)) return;
    if (field.kind === 'boolean' && typeof value !== 'boolean') return;
    values[fieldId] = value;
    sources[fieldId] = source;
  };
  const pre = input.preChat ?? {};
  if (pre['topic'] === 'about_me') offer('contactType', 'victim', 'pre_chat');
  if (pre['topic'] === 'information') offer('contactType', 'information', 'pre_chat');
  if (pre['inDangerNow'] === 'yes') offer('acuteUnsafety', true, 'pre_chat');
  if (pre['inDangerNow'] === 'no') offer('acuteUnsafety', false, 'pre_chat');
  const triage = input.triageCategories ?? [];
  if (triage.includes('acute_danger')) offer('acuteUnsafety', true, 'triage');
  if (triage.includes('exploitation')) offer('traffickingQuestion', 'doubt', 'triage');
  if (input.language !== undefined) offer('language', input.language, 'conversation');
  if (input.channel !== undefined) offer('channel', input.channel, 'conversation');
  const toConfirm: string[] = [];
  if (input.previous !== undefined) {
    const carried = carryForward(codebook, input.previous);
    for (const fieldId of carried.carriedFieldIds) {
      const value = carried.values[fieldId];
      if (value === undefined) continue;
      // An earlier answer replaces a guess from this chat's language, but is marked to confirm.
      if (sources[fieldId] === 'conversation') delete values[fieldId];
      if (values[fieldId] !== undefined) continue;
      values[fieldId] = value;
      sources[fieldId] = 'carried';
      toConfirm.push(fieldId);
    }
  }
  return { values, sources, toConfirm, ageBandHint: typeof pre['ageBand'] === 'string' ? pre['ageBand'] : null };
}
