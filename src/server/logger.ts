// Structured logs that never carry message text, cookies, tokens or visitor addresses.
import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['req.headers', 'body', 'token', 'password', '*.body', '*.token', '*.password'], remove: true },
  });
}

export type { Logger };
