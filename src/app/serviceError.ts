import type { ErrorCode } from '../protocol/ack.js';

/** An expected refusal (wrong state, not allowed, …) that travels back to the client as a typed error. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
