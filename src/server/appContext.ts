// Everything a route or socket handler may use, built once by the composition root (app.ts).
import type { Config } from './config.js';
import type { Clock } from '../app/clock.js';
import type { Repositories } from '../store/repositories.js';
import type { StaffSessions } from './auth/staffSessions.js';
import type { AppServices } from '../app/appServices.js';
import type { Effect } from '../app/effects.js';
import type { LoginThrottle } from './auth/loginThrottle.js';
import type { AddressRateLimiter } from './abuse/addressRateLimiter.js';
import type { AddressBlockList } from './abuse/addressBlockList.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics/metrics.js';

export interface AppContext {
  config: Config;
  clock: Clock;
  logger: Logger;
  repos: Repositories;
  sessions: StaffSessions;
  /** The application layer: every use case. */
  app: AppServices;
  /** Hands what a use case changed to the broadcaster (pushes to sockets, on every node). */
  publish: (effects: Effect[]) => void;
  loginThrottle: LoginThrottle;
  /** Return-code checks per address (redeeming one, deleting a history with one). */
  returnCodeLimiter: AddressRateLimiter;
  /** Letters left in the anonymous mailbox per address. */
  letterLimiter: AddressRateLimiter;
  /** Short cooling-off blocks by hashed address, for blocked visitors without a return code. */
  addressBlocks: AddressBlockList;
  metrics: Metrics;
  /** The one-time token of the first-start setup link; undefined once an admin exists. */
  setup: { token: string | undefined };
  shuttingDown: boolean;
}
