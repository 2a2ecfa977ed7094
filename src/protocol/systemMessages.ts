// Lines Baken itself puts in a chat. They travel as a key and each side shows them in its own
// language, so the visitor never sees a raw word and staff cannot type one by accident.
export const warningReasons = ['abuse', 'sexual', 'fake', 'threat'] as const;
export type WarningReason = (typeof warningReasons)[number];

export const systemMessageKeys = ['supervisor_joined', ...warningReasons.map((r) => `warning_${r}` as const)] as const;
export type SystemMessageKey = (typeof systemMessageKeys)[number];

export function isSystemMessageKey(body: string): body is SystemMessageKey {
  return (systemMessageKeys as readonly string[]).includes(body);
}

export function warningKey(reason: WarningReason): SystemMessageKey {
  return `warning_${reason}`;
}
