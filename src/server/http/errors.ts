import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ZodError, type ZodType } from 'zod';
import type { ApiErrorBody } from '../../protocol/staffApi.js';
import { ServiceError } from '../../app/serviceError.js';

const statusByCode: Record<string, number> = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export function sendError(reply: FastifyReply, status: number, code: string, message: string, issues?: ApiErrorBody['error']['issues']) {
  const body: ApiErrorBody = { error: { code, message, ...(issues ? { issues } : {}) } };
  return reply.code(status).send(body);
}

/** Validate a request body; a mismatch becomes a 400 with one line per problem. */
export function parseBody<T extends ZodType>(schema: T, body: unknown): ReturnType<T['parse']> {
  return schema.parse(body) as ReturnType<T['parse']>;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof ZodError) {
      const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return sendError(reply, 400, 'invalid_request', 'the request does not match what this endpoint accepts', issues);
    }
    if (error instanceof ServiceError) {
      return sendError(reply, statusByCode[error.code] ?? 400, error.code, error.message);
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const code = status === 413 ? 'too_large' : status === 429 ? 'rate_limited' : 'invalid_request';
      return sendError(reply, status, code, error.message);
    }
    request.log.error({ err: { name: error.name, message: error.message, stack: error.stack } }, 'request failed');
    return sendError(reply, 500, 'internal', 'something went wrong on our side');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
}
