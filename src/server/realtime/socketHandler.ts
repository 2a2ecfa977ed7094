// Wraps every socket event handler: validates the payload, enforces the rate limit, turns
// expected refusals into typed acks, and makes sure no client input can crash the process.
import type { ZodType } from 'zod';
import { ackError, ackOk, type Ack } from '../../protocol/ack.js';
import { ServiceError } from '../../app/serviceError.js';
import type { Logger } from '../logger.js';
import type { RateLimiter } from './rateLimiter.js';
import type { Metrics } from '../metrics/metrics.js';

export interface HandlerDeps {
  logger: Logger;
  limiter: RateLimiter;
  metrics: Metrics;
  /** Checked before the payload is read: default deny for every event. */
  authorise?: (event: string) => Promise<void>;
}

type AckFn = (ack: Ack<unknown>) => void;

/** For events with a payload and an acknowledgement. */
export function withAck<S extends ZodType, R>(
  deps: HandlerDeps,
  event: string,
  schema: S,
  handler: (input: ReturnType<S['parse']>) => Promise<R>,
) {
  return (payload: unknown, ack: unknown) => {
    // A client that sends no callback gets no answer, but still cannot break anything.
    const reply: AckFn = typeof ack === 'function' ? (ack as AckFn) : () => {};
    if (!deps.limiter.take()) {
      reply(ackError('rate_limited', 'too many requests; slow down'));
      return;
    }
    const timer = deps.metrics.socketRequestSeconds.startTimer({ event });
    Promise.resolve(deps.authorise?.(event))
      .then(() => {
        const parsed = schema.safeParse(payload);
        if (!parsed.success) {
          const first = parsed.error.issues[0];
          const tooLong = parsed.error.issues.some((i) => i.code === 'too_big' || (i.code === 'custom' && (i.params as { tooBig?: boolean } | undefined)?.tooBig === true));
          throw new ServiceError(tooLong ? 'too_large' : 'invalid_request', `${event}: ${first ? `${first.path.join('.') || 'payload'}: ${first.message}` : 'invalid'}`);
        }
        return handler(parsed.data as ReturnType<S['parse']>);
      })
      .then(
      (result) => {
        reply(ackOk(result));
        timer();
      },
      (error: unknown) => reply(toAckError(deps.logger, event, error)),
    );
  };
}

/** For events with only an acknowledgement (requests without a payload). */
export function withAckOnly<R>(deps: HandlerDeps, event: string, handler: () => Promise<R>) {
  return (ack: unknown) => {
    const reply: AckFn = typeof ack === 'function' ? (ack as AckFn) : () => {};
    if (!deps.limiter.take()) {
      reply(ackError('rate_limited', 'too many requests; slow down'));
      return;
    }
    Promise.resolve(deps.authorise?.(event))
      .then(() => handler())
      .then(
      (result) => reply(ackOk(result)),
      (error: unknown) => reply(toAckError(deps.logger, event, error)),
    );
  };
}

/** For fire-and-forget events (typing). Invalid payloads are ignored. */
export function withoutAck<S extends ZodType>(deps: HandlerDeps, event: string, schema: S, handler: (input: ReturnType<S['parse']>) => Promise<void> | void) {
  return (payload: unknown) => {
    if (!deps.limiter.take()) return;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return;
    Promise.resolve(deps.authorise?.(event))
      .then(() => handler(parsed.data as ReturnType<S['parse']>))
      .catch((error: unknown) => deps.logger.warn({ err: describe(error) }, 'socket event failed'));
  };
}

function toAckError(logger: Logger, event: string, error: unknown) {
  if (error instanceof ServiceError) return ackError(error.code, error.message);
  logger.error({ event, err: describe(error) }, 'socket handler failed');
  return ackError('internal', 'something went wrong on our side');
}

function describe(error: unknown) {
  return error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
}
