// Caps and fixed choices of handovers and continuity, shared by browser and server without zod
// (the console reads them to cap its fields; the schemas in handoverApi/continuityApi use them).
export const handoverLimits = { organisationChars: 200, textChars: 4000, directoryIdChars: 100 } as const;

export const caseSummaryMaxChars = 4000;

/** Why an earlier transcript is opened: a fixed list, so the audit log holds no free text about her. */
export const earlierChatReasons = ['visitor_refers_to_it', 'safety_assessment', 'continue_agreed_help', 'handover_preparation'] as const;
export type EarlierChatReason = (typeof earlierChatReasons)[number];
