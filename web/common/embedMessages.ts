// The two messages between the partner widget (/embed.js, on the partner's page) and the
// visitor page in its frame. Each side checks the other's origin before it reads one.
// Hand-checked rather than with zod: the widget script must stay tiny, and a message is one
// constant type plus at most one URL.

/** Frame → partner page: quick exit; leave the whole page for `url`. */
export const leaveMessageType = 'baken:quick-exit';
/** Partner page → frame: Escape was pressed on the partner page; do the quick exit. */
export const exitRequestType = 'baken:quick-exit-request';

export interface LeaveMessage {
  type: typeof leaveMessageType;
  url: string;
}

export function leaveMessage(url: string): LeaveMessage {
  return { type: leaveMessageType, url };
}

/** The neutral site to leave for, or null when the data is not a well-formed leave message. */
export function parseLeaveMessage(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, url } = data as { type?: unknown; url?: unknown };
  if (type !== leaveMessageType || typeof url !== 'string' || url.length > 2000) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function isExitRequest(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === exitRequestType;
}
