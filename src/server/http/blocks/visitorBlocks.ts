// Blocking an abusive visitor for a set time: her current chat tab (the tab token of the
// conversation) and, when she has return codes, every code of hers. A blocked visitor is told
// only that the chat is not available — nothing that says she was blocked, or by whom.
import crypto from 'node:crypto';
import type { Repositories } from '../../../store/repositories.js';
import type { VisitorBlockDto, blockReasons } from '../../../protocol/staffSecurityApi.js';
import { ServiceError } from '../../../app/serviceError.js';
import { sha256 } from '../../auth/secrets.js';
import { can } from '../../auth/permissions.js';
import type { StaffMember } from '../../../store/staffRepository.js';

type BlockReason = (typeof blockReasons)[number];

const visitorKeyHash = (visitorKey: string) => sha256(`visitor-block:${visitorKey}`);

/** The neutral refusal a blocked visitor gets (same words as when the chat is closed). */
export function visitorBlockedError(): ServiceError {
  return new ServiceError('unavailable', 'the chat is not available right now');
}

/**
 * Until when a visitor is blocked, or null. Pass what is known: the tab token her page sent
 * (or its sha256 as stored on a conversation) and/or the visitor key of a redeemed return code.
 */
export async function visitorBlockedUntil(
  repos: Repositories,
  now: number,
  who: { token?: string | undefined; tokenHash?: string | undefined; visitorKey?: string | null | undefined },
): Promise<number | null> {
  const tokenHash = who.tokenHash ?? (who.token ? sha256(who.token) : undefined);
  const keyHash = who.visitorKey ? visitorKeyHash(who.visitorKey) : undefined;
  if (!tokenHash && !keyHash) return null;
  const row = await repos.store.db
    .selectFrom('visitor_blocks')
    .select((eb) => eb.fn.max('blocked_until').as('until'))
    .where('blocked_until', '>', now)
    .where('lifted_at', 'is', null)
    .where((eb) =>
      eb.or([...(tokenHash ? [eb('token_hash', '=', tokenHash)] : []), ...(keyHash ? [eb('visitor_key_hash', '=', keyHash)] : [])]),
    )
    .executeTakeFirst();
  const until = row?.until;
  return until === null || until === undefined ? null : Number(until);
}

function present(row: {
  id: string;
  conversation_id: string | null;
  token_hash: string | null;
  visitor_key_hash: string | null;
  reason: string;
  blocked_by: string;
  created_at: number;
  blocked_until: number;
}): VisitorBlockDto {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    kinds: [...(row.token_hash ? (['token'] as const) : []), ...(row.visitor_key_hash ? (['visitor'] as const) : [])],
    reason: row.reason as BlockReason,
    blockedBy: row.blocked_by,
    createdAt: Number(row.created_at),
    blockedUntil: Number(row.blocked_until),
  };
}

export class VisitorBlocks {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => number,
  ) {}

  /**
   * Blocks the visitor of a conversation. A counsellor may block only in a chat she holds;
   * a supervisor (chat:supervise) in any.
   */
  async blockConversationVisitor(input: { conversationId: string; hours: number; reason: BlockReason; actor: StaffMember }): Promise<VisitorBlockDto> {
    const conversation = await this.repos.store.db
      .selectFrom('conversations')
      .select(['id', 'visitor_token_hash', 'visitor_key', 'counsellor_id'])
      .where('id', '=', input.conversationId)
      .executeTakeFirst();
    if (!conversation) throw new ServiceError('not_found', 'no such conversation');
    if (conversation.counsellor_id !== input.actor.id && !can(input.actor.role, 'chat:supervise')) {
      throw new ServiceError('forbidden', 'you can only block the visitor of a chat you hold');
    }
    const now = this.now();
    const until = now + input.hours * 3_600_000;
    const row = {
      id: crypto.randomUUID(),
      conversation_id: conversation.id,
      token_hash: conversation.visitor_token_hash || null,
      visitor_key_hash: conversation.visitor_key ? visitorKeyHash(conversation.visitor_key) : null,
      reason: input.reason,
      blocked_by: input.actor.id,
      created_at: now,
      blocked_until: until,
      lifted_at: null,
    };
    await this.repos.store.db.transaction().execute(async (trx) => {
      // Blocks that ran out or were lifted are not kept: the table holds only what is in force.
      await trx.deleteFrom('visitor_blocks').where((eb) => eb.or([eb('blocked_until', '<=', now), eb('lifted_at', 'is not', null)])).execute();
      await trx.insertInto('visitor_blocks').values(row).execute();
      if (conversation.visitor_key) {
        // Her return codes stop working for the same period (redeeming checks blocked_until).
        await trx
          .updateTable('return_codes')
          .set({ blocked_until: until })
          .where('visitor_key', '=', conversation.visitor_key)
          .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', until)]))
          .execute();
      }
    });
    return present(row);
  }

  async listActive(): Promise<VisitorBlockDto[]> {
    const rows = await this.repos.store.db
      .selectFrom('visitor_blocks')
      .selectAll()
      .where('blocked_until', '>', this.now())
      .where('lifted_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(500)
      .execute();
    return rows.map(present);
  }

  /** Lifts a block early; her return codes work again unless another block still holds them. */
  async lift(id: string, actor: StaffMember): Promise<VisitorBlockDto> {
    const row = await this.repos.store.db.selectFrom('visitor_blocks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.lifted_at !== null || row.blocked_until <= this.now()) throw new ServiceError('not_found', 'no such active block');
    if (row.blocked_by !== actor.id && !can(actor.role, 'chat:supervise')) {
      throw new ServiceError('forbidden', 'only whoever blocked, or a supervisor, can lift a block');
    }
    const now = this.now();
    await this.repos.store.db.transaction().execute(async (trx) => {
      await trx.updateTable('visitor_blocks').set({ lifted_at: now }).where('id', '=', id).execute();
      if (row.conversation_id && row.visitor_key_hash) {
        const conv = await trx.selectFrom('conversations').select('visitor_key').where('id', '=', row.conversation_id).executeTakeFirst();
        if (conv?.visitor_key) {
          const other = await trx
            .selectFrom('visitor_blocks')
            .select((eb) => eb.fn.max('blocked_until').as('until'))
            .where('visitor_key_hash', '=', row.visitor_key_hash)
            .where('lifted_at', 'is', null)
            .where('blocked_until', '>', now)
            .executeTakeFirst();
          const remaining = other?.until === null || other?.until === undefined ? null : Number(other.until);
          await trx.updateTable('return_codes').set({ blocked_until: remaining }).where('visitor_key', '=', conv.visitor_key).execute();
        }
      }
    });
    return present(row);
  }
}
