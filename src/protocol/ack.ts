// Every client request carries an acknowledgement callback that receives exactly one Ack.
export const errorCodes = [
  'invalid_request', // the payload did not match the schema
  'not_found',
  'forbidden',
  'unauthenticated',
  'conflict', // e.g. another counsellor accepted first
  'invalid_state', // the conversation is not in a state that allows this
  'rate_limited',
  'too_large',
  'unavailable', // the service is closed or full
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AckError {
  code: ErrorCode;
  /** An English developer message; the UI shows a translated text chosen by `code`. */
  message: string;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type AckCallback<T> = (ack: Ack<T>) => void;

export function ackOk<T>(data: T): Ack<T> {
  return { ok: true, data };
}

export function ackError(code: ErrorCode, message: string): { ok: false; error: AckError } {
  return { ok: false, error: { code, message } };
}
