// Continuity for a returning visitor: the counsellor who holds her chat sees the case summary
// earlier counsellors kept and the list of her earlier chats; an earlier transcript opens only
// on purpose, with a reason, audited as a transcript view. The summary is sealed like notes.
import type { Repositories } from '../../store/repositories.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { Conversation } from '../../store/conversationRepository.js';
import type { StoredCaseSummary } from '../../store/continuityRepository.js';
import type { StoredMessage } from '../../domain/conversation/messageLog.js';
import type { LocalizedText } from '../../domain/codebook/codebookSchema.js';
import { codedTopics } from '../../domain/continuity/codedTopics.js';
import { holds } from '../policies/conversationPolicy.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../serviceError.js';
import type { StaffNames } from '../staff/staffNames.js';

export interface ContinuityView {
  returning: boolean;
  canKeepSummary: boolean;
  summary: StoredCaseSummary | null;
  earlierChats: { id: string; createdAt: number; counsellorName: string | null; topics: LocalizedText[]; purged: boolean }[];
}

export class Continuity {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly names: StaffNames,
  ) {}

  /** What the counsellor of this chat sees of her earlier contacts. */
  async view(staff: StaffMember, conversationId: string): Promise<ContinuityView> {
    const conversation = await this.held(staff, conversationId);
    const key = conversation.visitorKey;
    if (!key) return { returning: false, canKeepSummary: false, summary: null, earlierChats: [] };
    const earlier = await this.repos.continuity.earlierChats(key, conversation);
    // Once she came back in a later chat, that chat's counsellor keeps her summary: whoever held
    // an old chat of hers does not go on reading (or writing) what colleagues note after it.
    const current = !(await this.repos.continuity.hasLaterChat(key, conversation));
    const summary = current ? ((await this.repos.continuity.findSummary(key)) ?? null) : null;
    const names = await this.names.many(earlier.flatMap((c) => (c.counsellorId ? [c.counsellorId] : [])));
    const earlierChats = await Promise.all(
      earlier.map(async (c) => {
        const coding = await this.repos.codings.get(c.id);
        return { id: c.id, createdAt: c.createdAt, counsellorName: c.counsellorId ? (names.get(c.counsellorId) ?? null) : null, topics: coding ? codedTopics(this.repos.codings.codebook, coding.values) : [], purged: c.purged };
      }),
    );
    if (summary) await this.repos.audit.append({ at: this.clock.now(), staffId: staff.id, action: 'case_summary.view', targetType: 'conversation', targetId: conversation.id });
    return { returning: earlier.length > 0, canKeepSummary: current, summary, earlierChats };
  }

  /** Writes her summary; refused when a colleague saved a newer one since `baseUpdatedAt`. */
  async saveSummary(staff: StaffMember, conversationId: string, body: string, baseUpdatedAt: number | null): Promise<StoredCaseSummary> {
    const conversation = await this.held(staff, conversationId);
    const key = conversation.visitorKey;
    if (!key) throw new ServiceError('invalid_state', 'a summary is kept only for a visitor with a return code');
    if (await this.repos.continuity.hasLaterChat(key, conversation)) throw new ServiceError('forbidden', 'she came back in a later chat: her summary is kept there');
    const now = this.clock.now();
    await this.repos.transaction(async (tx) => {
      const current = await tx.continuity.findSummary(key);
      if ((current?.updatedAt ?? null) !== baseUpdatedAt) throw new ServiceError('conflict', 'a colleague changed the summary meanwhile');
      await tx.continuity.saveSummary({ visitorKey: key, conversationId: conversation.id, body, staffId: staff.id, now });
      await tx.audit.append({ at: now, staffId: staff.id, action: 'case_summary.update', targetType: 'conversation', targetId: conversation.id, detail: { created: current === undefined } });
    });
    const saved = await this.repos.continuity.findSummary(key);
    if (!saved) throw new ServiceError('internal', 'the summary was not stored');
    return saved;
  }

  /** Opens one of her earlier transcripts, on purpose and with a reason: audited as a transcript view. */
  async openEarlier(staff: StaffMember, conversationId: string, earlierId: string, reason: string): Promise<{ conversation: Conversation; messages: StoredMessage[] }> {
    const current = await this.held(staff, conversationId);
    const earlier = earlierId === current.id ? undefined : await this.repos.conversations.findById(earlierId);
    // Only her own earlier chats: the same visitor key, never someone else's, and never one she
    // began after this one (whoever held an old chat of hers would read her later ones).
    if (!earlier || !current.visitorKey || earlier.visitorKey !== current.visitorKey || earlier.createdAt > current.createdAt) throw new ServiceError('not_found', 'no such earlier chat of this visitor');
    if (earlier.status === 'waiting' || earlier.status === 'offered' || earlier.status === 'active') throw new ServiceError('invalid_state', 'that chat is still open');
    const messages = await this.repos.transaction(async (tx) => {
      await tx.audit.append({ at: this.clock.now(), staffId: staff.id, action: 'transcript.view', targetType: 'conversation', targetId: earlier.id, detail: { via: 'continuity', from: current.id, reason } });
      return tx.messages.listAfter(earlier.id, 0);
    });
    return { conversation: earlier, messages };
  }

  /** The counsellor who holds (or held) this chat; nobody else, whatever her role. */
  private async held(staff: StaffMember, conversationId: string): Promise<Conversation> {
    const conversation = await this.repos.conversations.findById(conversationId);
    if (!conversation) throw new ServiceError('not_found', 'no such conversation');
    if (!holds(staff, conversation)) throw new ServiceError('forbidden', 'not your conversation');
    return conversation;
  }
}
