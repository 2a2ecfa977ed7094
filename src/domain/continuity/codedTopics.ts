// The topics an earlier chat was coded with, as labels for the counsellor who sees her again:
// the form of exploitation and the other topics, in codebook order, without "none" or "unknown".
import type { Codebook, LocalizedText } from '../codebook/codebookSchema.js';
import type { CodingValues } from '../codebook/codingValue.js';

/** The codebook's multi-choice fields that say what a chat was about. */
export const topicFieldIds = ['exploitationForms', 'otherTopics'] as const;

export function codedTopics(codebook: Codebook, values: CodingValues): LocalizedText[] {
  const topics: LocalizedText[] = [];
  for (const id of topicFieldIds) {
    const field = codebook.fields.find((f) => f.id === id);
    const chosen = values[id];
    if (!field || field.kind !== 'multi' || !Array.isArray(chosen)) continue;
    for (const option of field.options) {
      if (!option.exclusive && chosen.includes(option.code)) topics.push(option.label);
    }
  }
  return topics;
}
