// The supervisor's use cases: reading along (silently, or visibly: the visitor is told),
// changing a chat's priority by hand (triage then leaves it alone), the live board.
import type { Repositories } from '../../store/repositories.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { Priority } from '../../domain/queue/priority.js';
import { isOpen } from '../../domain/conversation/conversationLifecycle.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../serviceError.js';
import { outcome, type Effect, type Outcome } from '../effects.js';
import type { Queue } from '../queue/queue.js';
import type { BoardData } from '../queue/queueViews.js';
import type { ChatMessages } from './chatMessages.js';
import type { CounsellorChats, StaffChat } from './counsellorChats.js';

export class Supervision {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly queue: Queue,
    private readonly messages: ChatMessages,
    private readonly chats: CounsellorChats,
  ) {}

  /** Read along; a visible join is said in the chat itself, so the visitor knows who reads along. */
  async join(supervisor: StaffMember, conversationId: string, visible: boolean): Promise<Outcome<StaffChat>> {
    const conversation = await this.repos.conversations.findById(conversationId);
    if (!conversation) throw new ServiceError('not_found', 'no such conversation');
    const effects: Effect[] = [];
    await this.repos.transaction(async (tx) => {
      await tx.audit.append({ at: this.clock.now(), staffId: supervisor.id, action: visible ? 'conversation.join_visible' : 'conversation.join_silent', targetType: 'conversation', targetId: conversationId });
      if (visible && conversation.status === 'active') effects.push(await this.messages.postSystemLine(tx, conversationId, supervisor, 'supervisor_joined'));
    });
    return outcome(await this.chats.open(supervisor, conversationId, 0, 'join'), effects);
  }

  /** Changes the priority by hand: recorded with who and when, in the step's transaction. */
  async setPriority(supervisor: StaffMember, conversationId: string, priority: Priority): Promise<Outcome<null>> {
    const current = await this.repos.conversations.findById(conversationId);
    if (!current) throw new ServiceError('not_found', 'no such conversation');
    if (!isOpen(current.status)) throw new ServiceError('invalid_state', 'this chat has ended');
    const now = this.clock.now();
    const { effects } = await this.queue.run({ type: 'priority_changed', conversationId, priority }, { kind: 'staff', id: supervisor.id }, async (tx) => {
      await tx.conversations.recordPriorityByHand({ conversation: current, priority, staffId: supervisor.id, now });
      await tx.audit.append({ at: now, staffId: supervisor.id, action: 'conversation.priority', targetType: 'conversation', targetId: conversationId, detail: { priority } });
    });
    return outcome(null, effects);
  }

  board(): Promise<BoardData> {
    return this.queue.views.board();
  }
}
