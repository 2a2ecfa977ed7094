// The anonymous mailbox: when the chat is closed, full, or waiting is not safe for her, she
// leaves a letter and reads the answer later with her return code. Nothing is ever sent to
// her: she comes to look. Counsellors take letters from the mailbox oldest first.
import crypto from 'node:crypto';
import type { Repositories } from '../../store/repositories.js';
import type { Clock } from '../clock.js';
import type { ReturnCodes } from '../visitors/returnCodes.js';
import type { StaffNames } from '../staff/staffNames.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { LetterThread } from '../../store/mailboxRepository.js';
import type { Language } from '../../protocol/common.js';
import type { LetterDto, LetterSummaryDto, VisitorLetterDto } from '../../protocol/mailboxApi.js';
import { letterTransition, type LetterEvent } from '../../domain/mailbox/letterLifecycle.js';
import { ServiceError } from '../serviceError.js';

export type LeaveLetterOutcome = { outcome: 'left'; returnCode: string | null; answerWithinDays: number } | { outcome: 'unknown_code' };
export type ReadLettersOutcome = { outcome: 'found'; letters: VisitorLetterDto[]; answerWithinDays: number } | { outcome: 'unknown' };

export class Mailbox {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly returnCodes: ReturnCodes,
    private readonly names: StaffNames,
  ) {}

  /** She leaves a letter; without a code she gets a new one, shown once, to read the answer with. */
  async leaveLetter(input: { text: string; language: Language; returnCode?: string | undefined }): Promise<LeaveLetterOutcome> {
    let visitorKey: string;
    let fresh: Awaited<ReturnType<ReturnCodes['prepare']>> | undefined;
    if (input.returnCode !== undefined) {
      const redeemed = await this.returnCodes.redeem(input.returnCode);
      if (!redeemed) return { outcome: 'unknown_code' };
      visitorKey = redeemed.visitorKey;
    } else {
      visitorKey = crypto.randomUUID();
      fresh = await this.returnCodes.prepare(visitorKey);
    }
    const { mailboxAnswerDays } = await this.repos.settings.get();
    const now = this.clock.now();
    // The letter and its code commit together: no letter she could never read, no code for nothing.
    await this.repos.transaction(async (tx) => {
      await tx.mailbox.create({ id: crypto.randomUUID(), visitorKey, language: input.language, text: input.text, now });
      if (fresh) await tx.returnCodes.insert(fresh.row);
    });
    return { outcome: 'left', returnCode: fresh?.code ?? null, answerWithinDays: mailboxAnswerDays };
  }

  /**
   * Her letters and answers. A wrong, blocked, expired or unknown code all get one answer, so
   * trying codes tells nothing about which exist.
   */
  async readLetters(returnCode: string): Promise<ReadLettersOutcome> {
    const redeemed = await this.returnCodes.redeem(returnCode);
    if (!redeemed) return { outcome: 'unknown' };
    const threads = await this.repos.mailbox.forVisitor(redeemed.visitorKey);
    const { mailboxAnswerDays } = await this.repos.settings.get();
    return { outcome: 'found', letters: threads.map(visitorViewOf), answerWithinDays: mailboxAnswerDays };
  }

  /** The mailbox queue: letters waiting for an answer, oldest first. No content: opening one is audited. */
  async listUnanswered(staff: StaffMember): Promise<LetterSummaryDto[]> {
    const letters = await this.repos.mailbox.listUnanswered();
    const names = await this.names.many(letters.flatMap((l) => (l.counsellorId ? [l.counsellorId] : [])));
    return letters.map((l) => ({ id: l.id, status: l.status, language: l.language, createdAt: l.createdAt, claimedBy: l.counsellorId ? (names.get(l.counsellorId) ?? null) : null, claimedByMe: l.counsellorId === staff.id }));
  }

  /**
   * A counsellor reads a letter: that is access to a transcript, audited in the same transaction.
   * A letter a colleague claimed is hers alone (and supervisors'), as a chat would be.
   */
  async open(staff: StaffMember, id: string, supervises: boolean): Promise<LetterDto> {
    return this.repos.transaction(async (tx) => {
      const letter = await tx.mailbox.find(id);
      if (!letter) throw new ServiceError('not_found', 'no such letter');
      if (letter.counsellorId !== null && letter.counsellorId !== staff.id && !supervises) throw new ServiceError('forbidden', 'a colleague has taken this letter');
      await tx.audit.append({ at: this.clock.now(), staffId: staff.id, action: 'transcript.view', targetType: 'conversation', targetId: id, detail: { via: 'mailbox' } });
      return this.dtoOf(letter, staff);
    });
  }

  async claim(staff: StaffMember, id: string): Promise<void> {
    await this.move(staff, id, { type: 'claim', counsellorId: staff.id });
  }

  async release(staff: StaffMember, id: string): Promise<void> {
    await this.move(staff, id, { type: 'release', counsellorId: staff.id });
  }

  /** Her answer: stored encrypted, and the letter goes to the counsellor's coding like an ended chat. */
  async answer(staff: StaffMember, id: string, text: string): Promise<void> {
    await this.repos.transaction(async (tx) => {
      await this.moveIn(tx, staff, id, { type: 'answer', counsellorId: staff.id });
      await tx.mailbox.addMessage({ conversationId: id, sender: 'counsellor', staffId: staff.id, senderName: staff.displayName, text, now: this.clock.now() });
    });
  }

  private move(staff: StaffMember, id: string, event: LetterEvent): Promise<void> {
    return this.repos.transaction((tx) => this.moveIn(tx, staff, id, event));
  }

  private async moveIn(tx: Repositories, staff: StaffMember, id: string, event: LetterEvent): Promise<void> {
    const current = await tx.mailbox.findState(id);
    if (!current) throw new ServiceError('not_found', 'no such letter');
    const decided = letterTransition(current, event);
    if (!decided.ok) throw decided.error === 'not_yours' ? new ServiceError('forbidden', 'a colleague has taken this letter') : new ServiceError('invalid_state', `a letter that is ${current.status} cannot be ${event.type}ed`);
    const moved = await tx.mailbox.applyTransition({ id, current, next: decided.state, event: event.type, staffId: staff.id, now: this.clock.now() });
    if (!moved) throw new ServiceError('conflict', 'someone else changed this letter a moment ago');
  }

  private async dtoOf(letter: LetterThread, staff: StaffMember): Promise<LetterDto> {
    return {
      id: letter.id,
      status: letter.status,
      language: letter.language,
      createdAt: letter.createdAt,
      claimedBy: await this.names.of(letter.counsellorId),
      claimedByMe: letter.counsellorId === staff.id,
      messages: letter.messages,
    };
  }
}

function visitorViewOf(thread: LetterThread): VisitorLetterDto {
  const letter = thread.messages.find((m) => m.sender === 'visitor');
  const answer = thread.messages.find((m) => m.sender === 'counsellor');
  return { id: thread.id, sentAt: thread.createdAt, text: letter?.body ?? '', answer: answer ? { text: answer.body, at: answer.at, by: answer.senderName } : null };
}
