// An in-memory connection between one chat participant's sync core and the application
// layer's chat messages, whose deliveries, losses and disconnects the test decides (after
// tldraw's TestSocketPair). Nothing here is sent until the test flushes it.
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
import type { ChatMessages, Sender } from '../../app/conversations/chatMessages.js';
import type { Effect } from '../../app/effects.js';
import { ServiceError } from '../../app/serviceError.js';
import { retriedBySelf } from '../../protocol/socketCalls.js';

/** What a server does with a use case's effects; the test decides where pushes go. */
export interface TestServerSide {
  messages: ChatMessages;
  publish(effects: readonly Effect[]): void;
}

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
    private server: TestServerSide,
  ) {}

  get connected(): boolean {
    return this.client.connected;
  }

  /** After a server restart the pair talks to the new server. */
  attach(server: TestServerSide): void {
    this.server = server;
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
      return { type: 'resumed', messages: await this.server.messages.messagesAfter(this.conversationId, frame.afterSeq) };
    }
    try {
      const { result, effects } = await this.server.messages.send({ conversationId: this.conversationId, sender: this.sender, clientId: frame.clientId, body: frame.body });
      this.server.publish(effects);
      return { type: 'ack', clientId: frame.clientId, message: result.message };
    } catch (error) {
      // What the transport turns an error into, and the rule every client follows for it.
      const code = error instanceof ServiceError ? error.code : 'internal';
      return { type: 'nack', clientId: frame.clientId, retry: retriedBySelf(code), reason: code };
    }
  }
}
