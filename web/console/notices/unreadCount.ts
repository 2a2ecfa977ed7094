// How many messages in a chat she has not seen. A message counts when someone else wrote it (the
// visitor, or the system saying she left) and the chat was not in front of her when it arrived:
// another chat selected, another console tab open, or the browser window hidden or in the background.

export interface ArrivedMessage {
  seq: number;
  sender: 'visitor' | 'counsellor' | 'system';
}

/**
 * The unread count after messages arrived (pushed one by one, or a batch caught up after a
 * reconnect). Messages already known (same seq) are not counted twice.
 */
export function unreadAfter(current: number, knownSeqs: ReadonlySet<number>, arrived: readonly ArrivedMessage[], inFront: boolean): number {
  if (inFront) return current;
  const counted = new Set<number>();
  for (const m of arrived) if (m.sender !== 'counsellor' && !knownSeqs.has(m.seq)) counted.add(m.seq);
  return current + counted.size;
}
