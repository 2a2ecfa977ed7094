// What the people around the queue see, derived from routing steps: the effects of one step
// (a diff for counsellors and the board, an offer for one counsellor, a new place for only those
// visitors whose place or estimate changed), and the full listings a screen loads once.
//
// Positions are compared between the state before and after the step that changed them, on
// whichever node took it, so no node has to remember what it told whom.
import type { Repositories } from '../../store/repositories.js';
import type { Conversation } from '../../store/conversationRepository.js';
import { routingSnapshot, waitingInOrder, type QueueState } from '../../domain/queue/queueModel.js';
import { dutySlots, estimateWait, recentHandlingDurations, waitEstimatePolicy, type WaitEstimate } from '../../domain/queue/waitEstimate.js';
import type { QueueStatus } from '../../protocol/visitorProtocol.js';
import type { CounsellorStatusName, CounsellorView } from '../../protocol/staffProtocol.js';
import type { Clock } from '../clock.js';
import type { Effect, QueuedChat } from '../effects.js';
import type { StaffNames } from '../staff/staffNames.js';
import type { RoutingStep, RoutingSteps } from './routingSteps.js';

const queued = (c: Conversation | undefined) => c !== undefined && (c.status === 'waiting' || c.status === 'offered');
const sameEstimate = (a: WaitEstimate, b: WaitEstimate) => JSON.stringify(a) === JSON.stringify(b);

export interface BoardData {
  queue: QueuedChat[];
  counsellors: CounsellorView[];
  active: Conversation[];
  startedLastHour: number;
  abandonedLastHour: number;
}

export class QueueViews {
  private recent: { at: number; durations: number[] } | undefined;

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly routing: RoutingSteps,
    private readonly names: StaffNames,
  ) {}

  /** Everything one step changed, as effects for whoever has to know. Costs what changed. */
  async effectsOf(step: RoutingStep): Promise<Effect[]> {
    const effects: Effect[] = [];
    const changedIds = step.changed.conversations;
    const rows = await this.repos.conversations.findMany(changedIds);
    const counts = await this.repos.messages.countFor(changedIds.filter((id) => queued(rows.get(id))));

    // Need to know: whoever no longer holds a chat stops following it, before anything else.
    const formerHolders = new Map<string, string[]>();
    for (const e of step.effects) {
      const holder = e.type === 'requeued' ? e.fromCounsellorId : e.type === 'offered' ? e.fromCounsellorId : e.type === 'removed' ? e.counsellorId : undefined;
      if (!holder || !('conversationId' in e)) continue;
      effects.push({ type: 'room.left', conversationId: e.conversationId, staffId: holder });
      formerHolders.set(e.conversationId, [...(formerHolders.get(e.conversationId) ?? []), holder]);
    }
    for (const e of step.effects) {
      if (e.type === 'assigned') effects.push({ type: 'room.joined', conversationId: e.conversationId, staffId: e.counsellorId });
      if (e.type === 'counsellor_paused') effects.push({ type: 'counsellor.status', counsellorId: e.counsellorId, status: 'break', reason: 'missed_offer' });
    }

    const upserted: QueuedChat[] = [];
    const removed: string[] = [];
    for (const id of changedIds) {
      const conversation = rows.get(id);
      if (conversation) {
        effects.push({ type: 'conversation.changed', conversation, counsellorName: await this.names.of(conversation.counsellorId), formerHolders: formerHolders.get(id) ?? [] });
      }
      const wasQueued = step.before.conversations[id] !== undefined && step.before.conversations[id]!.phase !== 'active';
      if (queued(conversation)) upserted.push({ conversation: conversation!, messageCount: counts.get(id) ?? 0 });
      else if (wasQueued) removed.push(id);
    }
    if (upserted.length > 0 || removed.length > 0) effects.push({ type: 'queue.changed', upserted, removed });
    for (const e of step.effects) {
      if (e.type !== 'offered') continue;
      const chat = upserted.find((u) => u.conversation.id === e.conversationId);
      if (chat) effects.push({ type: 'offer.made', chat, counsellorId: e.counsellorId });
    }

    const positions = await this.changedPositions(step);
    if (positions.length > 0) effects.push({ type: 'queue.positions', positions });

    // The board: counsellors whose status or load changed, and chats that started or stopped.
    const touched = new Set(step.changed.counsellors);
    for (const id of changedIds) {
      const b = step.before.conversations[id];
      const a = step.after.conversations[id];
      if (b && b.phase !== 'waiting') touched.add(b.counsellorId);
      if (a && a.phase !== 'waiting') touched.add(a.counsellorId);
    }
    const counsellors = await this.counsellorViews(step.after, touched);
    const activeUpserted = changedIds.map((id) => rows.get(id)).filter((c): c is Conversation => c?.status === 'active');
    const activeRemoved = changedIds.filter((id) => step.before.conversations[id]?.phase === 'active' && rows.get(id)?.status !== 'active');
    if (counsellors.length > 0 || activeUpserted.length > 0 || activeRemoved.length > 0) effects.push({ type: 'board.changed', counsellors, activeUpserted, activeRemoved });
    return effects;
  }

  /** The whole queue, once, for a console that just connected. */
  async queue(): Promise<QueuedChat[]> {
    const rows = await this.repos.conversations.listQueued();
    const counts = await this.repos.messages.countFor(rows.map((c) => c.id));
    return rows.map((conversation) => ({ conversation, messageCount: counts.get(conversation.id) ?? 0 }));
  }

  /** Every waiting visitor's place, when something all of them see changed (busy mode). */
  async allPositions(): Promise<{ conversationId: string; status: QueueStatus }[]> {
    const state = await this.routing.current();
    const recent = await this.recentHandling();
    const settings = await this.routing.settings();
    const slots = dutySlots(routingSnapshot(state).counsellors);
    return waitingInOrder(state).map((e, i) => ({ conversationId: e.id, status: this.statusWith(i + 1, recent, slots, settings.busy) }));
  }

  /** Her place and the honest estimate, for a visitor who (re)connects while waiting. */
  async positionOf(conversationId: string): Promise<QueueStatus | undefined> {
    const state = await this.routing.current();
    const index = waitingInOrder(state).findIndex((e) => e.id === conversationId);
    if (index < 0) return undefined;
    return this.status(state, index + 1, await this.recentHandling());
  }

  /** The honest estimate for someone who joins the queue now, at the back (the partners' status). */
  async newcomerEstimate(): Promise<WaitEstimate> {
    const state = await this.routing.current();
    const position = waitingInOrder(state).length + 1;
    return estimateWait({ position, recentHandlingMs: await this.recentHandling(), ...dutySlots(routingSnapshot(state).counsellors) });
  }

  async counsellorViews(state?: QueueState, only?: ReadonlySet<string>): Promise<CounsellorView[]> {
    const s = state ?? (await this.routing.current());
    const snapshot = routingSnapshot(s);
    const shown = snapshot.counsellors.filter((c) => !only || only.has(c.id));
    const names = await this.names.many(shown.map((c) => c.id));
    return shown
      .map((c) => {
        const entry = s.counsellors[c.id]!;
        return {
          id: c.id,
          displayName: names.get(c.id) ?? '?',
          status: entry.status as CounsellorStatusName,
          capacity: c.capacity,
          activeCount: c.activeCount,
          offeredCount: c.offeredCount,
          connected: entry.disconnectedAt === undefined && entry.status !== 'offline',
        };
      })
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** The supervisor's board, once, when she opens it (diffs follow). */
  async board(): Promise<BoardData> {
    const state = await this.routing.current();
    const activeIds = Object.values(state.conversations).filter((e) => e.phase === 'active').map((e) => e.id);
    const active = [...(await this.repos.conversations.findMany(activeIds)).values()].sort((a, b) => (a.acceptedAt ?? 0) - (b.acceptedAt ?? 0));
    const figures = await this.repos.figures.lastHour(this.clock.now());
    return { queue: await this.queue(), counsellors: await this.counsellorViews(state), active, startedLastHour: figures.started, abandonedLastHour: figures.abandoned };
  }

  private async changedPositions(step: RoutingStep): Promise<{ conversationId: string; status: QueueStatus }[]> {
    const after = waitingInOrder(step.after);
    if (after.length === 0) return [];
    const recent = await this.recentHandling();
    const beforeOrder = waitingInOrder(step.before);
    const beforeIndex = new Map(beforeOrder.map((e, i) => [e.id, i + 1]));
    const slotsBefore = dutySlots(routingSnapshot(step.before).counsellors);
    const slotsAfter = dutySlots(routingSnapshot(step.after).counsellors);
    const sameSlots = slotsBefore.totalSlots === slotsAfter.totalSlots && slotsBefore.freeSlots === slotsAfter.freeSlots;
    const out: { conversationId: string; status: QueueStatus }[] = [];
    after.forEach((entry, i) => {
      const position = i + 1;
      const was = beforeIndex.get(entry.id);
      const status = this.statusWith(position, recent, slotsAfter, step.settings.busy);
      // Same place, same capacity on duty: her estimate cannot have changed either.
      if (was === position && sameSlots) return;
      if (was !== undefined && was === position && sameEstimate(this.statusWith(was, recent, slotsBefore, step.settings.busy).estimate, status.estimate)) return;
      out.push({ conversationId: entry.id, status });
    });
    return out;
  }

  private async status(state: QueueState, position: number, recent: number[]): Promise<QueueStatus> {
    const settings = await this.routing.settings();
    return this.statusWith(position, recent, dutySlots(routingSnapshot(state).counsellors), settings.busy);
  }

  private statusWith(position: number, recentHandlingMs: number[], slots: { totalSlots: number; freeSlots: number }, busy: boolean): QueueStatus {
    return { position, estimate: estimateWait({ position, recentHandlingMs, ...slots }), busy };
  }

  /** How long recent chats took; read at most every 30 seconds (it changes slowly). */
  private async recentHandling(): Promise<number[]> {
    const now = this.clock.now();
    if (!this.recent || now - this.recent.at > 30_000 || now < this.recent.at) {
      const chats = await this.repos.figures.recentHandling(now, waitEstimatePolicy.historyWindowMs);
      this.recent = { at: now, durations: recentHandlingDurations(chats, now) };
    }
    return this.recent.durations;
  }
}
