import type { FastifyReply } from 'fastify';
import { checkPassword, passwordProblemMessages } from '../auth/passwordPolicy.js';
import { sendError } from './errors.js';

/**
 * Refuses a new password that breaks the policy with 400 `weak_password` (and the reason in
 * the issues), or returns undefined when it is fine. `context`: username and display name.
 */
export function refuseWeakPassword(reply: FastifyReply, password: string, context: string[]) {
  const problem = checkPassword(password, context);
  if (!problem) return undefined;
  return sendError(reply, 400, 'weak_password', passwordProblemMessages[problem], [{ path: 'password', message: problem }]);
}
