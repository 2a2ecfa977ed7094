// Blocking an abusive visitor for a set time: her current chat tab (the tab token of the
// conversation) and, when she has return codes, every code of hers. A blocked visitor is told
// only that the chat is not available — nothing that says she was blocked, or by whom.
import crypto from 'node:crypto';
import type { Repositories } from '../../store/repositories.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { VisitorBlockRow } from '../../store/visitorBlockRepository.js';
import type { blockReasons } from '../../protocol/staffSecurityApi.js';
import { ServiceError } from '../serviceError.js';
import { assertMayBlock, assertMayLift, type StaffCapabilities } from '../policies/conversationPolicy.js';
import type { Clock } from '../clock.js';

export type BlockReason = (typeof blockReasons)[number];

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const visitorKeyHash = (visitorKey: string) => sha256(`visitor-block:${visitorKey}`);

/** The neutral refusal a blocked visitor gets (same words as when the chat is closed). */
export function visitorBlockedError(): ServiceError {
  return new ServiceError('unavailable', 'the chat is not available right now');
}

export class VisitorBlocks {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /**
   * Until when a visitor is blocked, or null. Pass what is known: the tab token her page sent
   * (or its sha256 as stored on a conversation) and/or the visitor key of a redeemed return code.
   */
  blockedUntil(who: { token?: string | undefined; tokenHash?: string | undefined; visitorKey?: string | null | undefined }): Promise<number | null> {
    const tokenHash = who.tokenHash ?? (who.token ? sha256(who.token) : undefined);
    const keyHash = who.visitorKey ? visitorKeyHash(who.visitorKey) : undefined;
    return this.repos.visitorBlocks.blockedUntil(this.clock.now(), tokenHash, keyHash);
  }

  /** Blocks the visitor of a conversation: the counsellor who holds it, or a supervisor. Audited with it. */
  async block(input: { conversationId: string; hours: number; reason: BlockReason; actor: StaffMember; can: StaffCapabilities }): Promise<VisitorBlockRow> {
    return this.repos.transaction(async (tx) => {
      const conversation = await tx.conversations.findById(input.conversationId);
      if (!conversation) throw new ServiceError('not_found', 'no such conversation');
      assertMayBlock(input.actor, input.can, conversation);
      const tokenHash = await tx.conversations.tokenHashOf(conversation.id);
      const now = this.clock.now();
      const row: VisitorBlockRow = {
        id: crypto.randomUUID(),
        conversation_id: conversation.id,
        token_hash: tokenHash || null,
        visitor_key_hash: conversation.visitorKey ? visitorKeyHash(conversation.visitorKey) : null,
        reason: input.reason,
        blocked_by: input.actor.id,
        created_at: now,
        blocked_until: now + input.hours * 3_600_000,
        lifted_at: null,
      };
      await tx.visitorBlocks.add(row, conversation.visitorKey);
      await tx.audit.append({
        at: now,
        staffId: input.actor.id,
        action: 'visitor.block',
        targetType: 'conversation',
        targetId: conversation.id,
        detail: { hours: input.hours, reason: input.reason, kinds: kindsOf(row), blockId: row.id },
      });
      return row;
    });
  }

  listActive(): Promise<VisitorBlockRow[]> {
    return this.repos.visitorBlocks.listActive(this.clock.now());
  }

  /** Lifts a block early; her return codes work again unless another block still holds them. */
  async lift(id: string, actor: StaffMember, can: StaffCapabilities): Promise<VisitorBlockRow> {
    return this.repos.transaction(async (tx) => {
      const row = await tx.visitorBlocks.find(id);
      const now = this.clock.now();
      if (!row || row.lifted_at !== null || row.blocked_until <= now) throw new ServiceError('not_found', 'no such active block');
      assertMayLift(actor, can, row.blocked_by);
      await tx.visitorBlocks.lift(row, now);
      await tx.audit.append({ at: now, staffId: actor.id, action: 'visitor.unblock', targetType: 'conversation', targetId: row.conversation_id, detail: { blockId: row.id } });
      return row;
    });
  }
}

export function kindsOf(row: VisitorBlockRow): ('token' | 'visitor')[] {
  return [...(row.token_hash ? (['token'] as const) : []), ...(row.visitor_key_hash ? (['visitor'] as const) : [])];
}
