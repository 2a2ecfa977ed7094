// Room names, in one place, so visitor and staff sides cannot disagree.
export const rooms = {
  conversation: (id: string) => `conv:${id}`,
  staffMember: (staffId: string) => `staff:${staffId}`,
  /** Every socket of someone who may take chats: receives queue updates. */
  queueWatchers: 'queue',
  /** Supervisors with the board open. */
  supervisors: 'supervisors',
} as const;
