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
import { MessageTranslations } from './translation/messageTranslations.js';
import { NoTranslator, type Translator } from './translation/translator.js';
import { ServiceFiguresReports } from './figures/serviceFiguresReports.js';
import { ReferralTokens } from './visibility/referralTokens.js';
import { VisibilityCounting } from './visibility/visibilityCounting.js';
import { PublicStatus } from './queue/publicStatus.js';
import { SnippetUseCases } from './toolkit/snippetUseCases.js';
import { DirectoryUseCases } from './toolkit/directoryUseCases.js';
import { Handovers } from './handovers/handovers.js';
import { Continuity } from './continuity/continuity.js';

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
  translations: MessageTranslations;
  figures: ServiceFiguresReports;
  referrals: ReferralTokens;
  visibility: VisibilityCounting;
  publicStatus: PublicStatus;
  snippets: SnippetUseCases;
  directory: DirectoryUseCases;
  handovers: Handovers;
  continuity: Continuity;
}

export interface AppServiceOptions {
  repos: Repositories;
  clock: Clock;
  log: (message: string, error: unknown) => void;
  /** Open waiting chats one source (hashed address) may have at once. */
  waitingChatsPerSource: number;
  /** Local machine translation of visitors' messages; off (NoTranslator) unless configured. */
  translator?: Translator;
  /** The counsellors' language, that visitors' messages are translated into. */
  translationTarget?: string;
}

export function createAppServices({ repos, clock, log, waitingChatsPerSource, translator, translationTarget }: AppServiceOptions): AppServices {
  const names = new StaffNames(repos);
  const steps = new RoutingSteps(repos, clock);
  const views = new QueueViews(repos, clock, steps, names);
  const queue = new Queue(steps, views, log);
  const arrivals = new ArrivalsBySource(clock, { ...defaultArrivalLimits, waitingPerSource: waitingChatsPerSource }, (ids) => repos.conversations.stillQueued(ids));
  // A chat out of the queue no longer counts against its source's share of waiting places.
  queue.observe((step) => {
    for (const e of step.effects) if (e.type === 'assigned' || e.type === 'removed') arrivals.left(e.conversationId);
  });
  const translations = new MessageTranslations(translator ?? new NoTranslator(), translationTarget ?? 'nl', log);
  const messages = new ChatMessages(repos, clock, queue, translations);
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
    translations,
    figures: new ServiceFiguresReports(repos, clock),
    referrals: new ReferralTokens(repos, clock),
    visibility: new VisibilityCounting(repos, clock),
    publicStatus: new PublicStatus(repos, clock, views),
    snippets: new SnippetUseCases(repos, clock),
    directory: new DirectoryUseCases(repos, clock),
    handovers: new Handovers(repos, clock),
    continuity: new Continuity(repos, clock, names),
  };
}
