import type { CodingValues } from './codingValue.js';

/** A conversation as the research monitor sees it: no text, no identities, only codes. */
export interface CodedConversation {
  readonly conversationId: string;
  /** Hash of the visitor's return code, when she used one; lets the monitor count people, not chats. */
  readonly visitorKey?: string | undefined;
  /** When the conversation closed, epoch milliseconds. */
  readonly closedAt: number;
  /** The codebook version this coding was made with. */
  readonly codebookVersion: string;
  readonly values: CodingValues;
}
