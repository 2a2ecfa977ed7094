// An in-memory connection between one chat participant's sync core and the server's
// conversation service, whose deliveries, losses and disconnects the test decides
// (after tldraw's TestSocketPair). Nothing here is sent until the test flushes it.
import {
  connectedStep,
  disconnectedStep,
  initialChatSync,
  received,
  typed,
  type ChatSyncState,
  type ClientFrame,
  type ServerFrame,
} from '../../domain/conversation/chatSync.js';
import type { ConversationService, Sender } from '../conversations/conversationService.js';
import { ServiceError } from '../../app/serviceError.js';

export class TestSocketPair {
  client: ChatSyncState = initialChatSync;
  toServer: ClientFrame[] = [];
  toClient: ServerFrame[] = [];
  /** Bumped on every disconnect: answers computed for an older connection are dropped. */
  private generation = 0;

  constructor(
    readonly name: string,
    readonly conversationId: string,
    private readonly sender: Sender,
    private service: ConversationService,
  ) {}

  get connected(): boolean {
    return this.client.connected;
  }

  /** After a server restart the pair talks to the new server. */
  attach(service: ConversationService): void {
    this.service = service;
  }

  type(clientId: string, body: string, now: number): void {
    const step = typed(this.client, clientId, body, now);
    this.client = step.state;
    this.toServer.push(...step.send);
  }

  connect(): void {
    if (this.client.connected) return;
    const step = connectedStep(this.client);
    this.client = step.state;
    this.toServer.push(...step.send);
  }

  /** The line drops: every frame still in flight, either way, is lost. */
  disconnect(): void {
    this.generation++;
    this.toServer = [];
    this.toClient = [];
    this.client = disconnectedStep(this.client).state;
  }

  /** A message stored by anyone in this conversation reaches this participant if connected. */
  push(frame: ServerFrame): void {
    if (this.client.connected) this.toClient.push(frame);
  }

  /** Delivers the oldest frame to the server and queues its answer (after the commit). */
  async flushToServer(): Promise<boolean> {
    const frame = this.toServer.shift();
    if (!frame) return false;
    const generation = this.generation;
    const answer = await this.handle(frame);
    if (generation === this.generation && this.client.connected) this.toClient.push(answer);
    return true;
  }

  flushToClient(): boolean {
    const frame = this.toClient.shift();
    if (!frame) return false;
    const step = received(this.client, frame);
    this.client = step.state;
    this.toServer.push(...step.send);
    return true;
  }

  private async handle(frame: ClientFrame): Promise<ServerFrame> {
    if (frame.type === 'resume') {
      return { type: 'resumed', messages: await this.service.messagesAfter(this.conversationId, frame.afterSeq) };
    }
    try {
      const { message } = await this.service.sendMessage({ conversationId: this.conversationId, sender: this.sender, clientId: frame.clientId, body: frame.body });
      return { type: 'ack', clientId: frame.clientId, message };
    } catch (error) {
      const retry = !(error instanceof ServiceError) || error.code === 'rate_limited' || error.code === 'internal';
      return { type: 'nack', clientId: frame.clientId, retry, reason: error instanceof ServiceError ? error.code : 'internal' };
    }
  }
}
