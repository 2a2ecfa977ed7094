// Everything a route or socket handler may use, built once by the composition root (app.ts).
import type { Config } from './config.js';
import type { Clock } from '../app/clock.js';
import type { Repositories } from '../store/repositories.js';
import type { StaffSessions } from './auth/staffSessions.js';
import type { ConversationService } from './conversations/conversationService.js';
import type { EventBus } from './events/eventBus.js';
import type { LoginThrottle } from './auth/loginThrottle.js';
import type { AddressRateLimiter } from './abuse/addressRateLimiter.js';
import type { AddressBlockList } from './abuse/addressBlockList.js';
import type { ArrivalsBySource } from '../app/abuse/arrivalsBySource.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics/metrics.js';
import type { QueueCoordinator } from './queue/queueCoordinator.js';
import type { ReturnCodes } from './returnCodes/returnCodes.js';

export interface AppContext {
  config: Config;
  clock: Clock;
  logger: Logger;
  repos: Repositories;
  sessions: StaffSessions;
  conversations: ConversationService;
  queue: QueueCoordinator;
  returnCodes: ReturnCodes;
  events: EventBus;
  loginThrottle: LoginThrottle;
  /** Return-code checks per address (redeeming one, deleting a history with one). */
  returnCodeLimiter: AddressRateLimiter;
  /** Waiting chats and bursts of arrivals per source (hashed address). */
  arrivals: ArrivalsBySource;
  /** Short cooling-off blocks by hashed address, for blocked visitors without a return code. */
  addressBlocks: AddressBlockList;
  metrics: Metrics;
  /** The one-time token of the first-start setup link; undefined once an admin exists. */
  setup: { token: string | undefined };
  shuttingDown: boolean;
}
