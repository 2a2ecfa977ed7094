// The fixed answers to the optional "How did you find us?" question before the chat. A fixed
// list, so what is counted can never be free text about her. Without zod: the visitor bundle
// shows these.
export const howFoundAnswers = ['search', 'social_media', 'school', 'friend', 'professional', 'poster', 'other'] as const;
export type HowFoundAnswer = (typeof howFoundAnswers)[number];

export function isHowFoundAnswer(value: unknown): value is HowFoundAnswer {
  return (howFoundAnswers as readonly unknown[]).includes(value);
}
