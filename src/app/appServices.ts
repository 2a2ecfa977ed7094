// The application layer, wired: every use case the transports may call, built from the
// repositories and a clock. Nothing here knows HTTP or sockets.
import type { Repositories } from '../store/repositories.js';
import type { Clock } from './clock.js';
import { RoutingSteps } from './queue/routingSteps.js';
import { QueueViews } from './queue/queueViews.js';
import { Queue } from './queue/queue.js';
import { StaffNames } from './staff/staffNames.js';
import { ChatMessages } from './conversations/chatMessages.js';
import { VisitorChats } from './conversations/visitorChats.js';
import { CounsellorChats } from './conversations/counsellorChats.js';
import { Supervision } from './conversations/supervision.js';
import { ReturnCodes } from './visitors/returnCodes.js';
import { VisitorBlocks } from './visitors/visitorBlocks.js';
import { ArrivalsBySource, defaultArrivalLimits } from './abuse/arrivalsBySource.js';
import { StaffAccounts } from './staff/staffAccounts.js';
import { CodingUseCases } from './coding/codingUseCases.js';
import { ServiceSettingsUseCases } from './settings/serviceSettingsUseCases.js';
import { StaffSecurity } from './staff/staffSecurity.js';
import { Mailbox } from './mailbox/mailbox.js';
import { ServiceFiguresReports } from './figures/serviceFiguresReports.js';
import { ReferralTokens } from './visibility/referralTokens.js';
import { VisibilityCounting } from './visibility/visibilityCounting.js';
import { PublicStatus } from './queue/publicStatus.js';

export interface AppServices {
  queue: Queue;
  messages: ChatMessages;
  visitorChats: VisitorChats;
  counsellorChats: CounsellorChats;
  supervision: Supervision;
  returnCodes: ReturnCodes;
  visitorBlocks: VisitorBlocks;
  arrivals: ArrivalsBySource;
  names: StaffNames;
  staffAccounts: StaffAccounts;
  codings: CodingUseCases;
  settings: ServiceSettingsUseCases;
  staffSecurity: StaffSecurity;
  mailbox: Mailbox;
  figures: ServiceFiguresReports;
  referrals: ReferralTokens;
  visibility: VisibilityCounting;
  publicStatus: PublicStatus;
}

export interface AppServiceOptions {
  repos: Repositories;
  clock: Clock;
  log: (message: string, error: unknown) => void;
  /** Open waiting chats one source (hashed address) may have at once. */
  waitingChatsPerSource: number;
}

export function createAppServices({ repos, clock, log, waitingChatsPerSource }: AppServiceOptions): AppServices {
  const names = new StaffNames(repos);
  const steps = new RoutingSteps(repos, clock);
  const views = new QueueViews(repos, clock, steps, names);
  const queue = new Queue(steps, views, log);
  const arrivals = new ArrivalsBySource(clock, { ...defaultArrivalLimits, waitingPerSource: waitingChatsPerSource }, (ids) => repos.conversations.stillQueued(ids));
  // A chat out of the queue no longer counts against its source's share of waiting places.
  queue.observe((step) => {
    for (const e of step.effects) if (e.type === 'assigned' || e.type === 'removed') arrivals.left(e.conversationId);
  });
  const messages = new ChatMessages(repos, clock, queue);
  const returnCodes = new ReturnCodes(repos, () => clock.now());
  const visitorBlocks = new VisitorBlocks(repos, clock);
  const counsellorChats = new CounsellorChats(repos, clock, queue, messages, names);
  return {
    queue,
    messages,
    visitorChats: new VisitorChats(repos, clock, queue, messages, names, arrivals, returnCodes, visitorBlocks),
    counsellorChats,
    supervision: new Supervision(repos, clock, queue, messages, counsellorChats),
    returnCodes,
    visitorBlocks,
    arrivals,
    names,
    staffAccounts: new StaffAccounts(repos, clock, queue, names),
    codings: new CodingUseCases(repos, clock, queue, names),
    settings: new ServiceSettingsUseCases(repos, clock, queue),
    staffSecurity: new StaffSecurity(repos, clock),
    mailbox: new Mailbox(repos, clock, returnCodes, names),
    figures: new ServiceFiguresReports(repos, clock),
    referrals: new ReferralTokens(repos, clock),
    visibility: new VisibilityCounting(repos, clock),
    publicStatus: new PublicStatus(repos, clock, views),
  };
}
