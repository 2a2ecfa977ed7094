// The supervisor's live board: queue per priority, counsellors, chats in progress, abandonment;
// change a priority, read along or join, whisper; open/close the chat and busy mode by hand.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../../../src/domain/queue/priority.js';
import type { BoardSnapshot, DangerAlert } from '../../../src/protocol/staffProtocol.js';
import type { ErrorCode } from '../../../src/protocol/ack.js';
import { useClickableLinks } from '../publicConfig.js';
import { clockTime } from '../../common/time.js';
import { api, errorKey } from '../api.js';
import { NotesPanel } from '../queue/ChatExtras.js';
import { PriorityBadge, TriageReasons, priorities, useReasonText } from '../queue/triageView.js';
import { useDuration, useNow } from '../queue/QueuePanel.js';
import { BoardClient } from './boardClient.js';
import { MessageBody } from '../../common/MessageBody.js';
import { DataTable, type DataColumn } from '../common/DataTable.js';

export function BoardPage({ onSessionEnded }: { onSessionEnded: () => void }) {
  const { t } = useTranslation();
  const client = useMemo(() => new BoardClient(), []);
  const state = useSyncExternalStore(client.subscribe, client.getState);
  const now = useNow(5000);
  const duration = useDuration();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.connect();
    return () => client.disconnect();
  }, [client]);
  useEffect(() => {
    if (state.sessionEnded) onSessionEnded();
  }, [state.sessionEnded, onSessionEnded]);

  const run = async (action: () => Promise<ErrorCode | null>) => {
    const code = await action();
    setError(code ? t(`errors.${code}`) : null);
  };
  const patchService = async (patch: { availability?: 'auto' | 'open' | 'closed'; busy?: boolean }) => {
    try {
      await api('PATCH', '/api/service', patch);
      setError(null);
      await client.refresh();
    } catch (e) {
      setError(t(errorKey(e)));
    }
  };

  const queueColumns: DataColumn<BoardSnapshot['queue'][number]>[] = [
    {
      id: 'visitor',
      header: t('board.visitor'),
      cell: (q) => (
        <>
          {q.nickname ?? t('queue.anonymous')}
          {q.status === 'offered' && <div className="muted c-small">{t('offer.offeredTo')}</div>}
        </>
      ),
    },
    {
      id: 'priority',
      header: t('priority.label'),
      cell: (q) => (
        <>
          <PriorityBadge priority={q.priority} overridden={q.priorityOverridden} />
          <PrioritySelect name={q.nickname ?? t('queue.anonymous')} value={q.priority} onChange={(p) => void run(() => client.setPriority(q.conversationId, p))} />
        </>
      ),
    },
    { id: 'waiting', header: t('board.waiting'), cell: (q) => duration(now - q.enqueuedAt) },
    { id: 'reasons', header: t('triage.reasonsTitle'), cell: (q) => <TriageReasons reasons={q.reasons} compact /> },
  ];
  const counsellorColumns: DataColumn<BoardSnapshot['counsellors'][number]>[] = [
    { id: 'counsellor', header: t('board.counsellor'), cell: (c) => c.displayName },
    {
      id: 'status',
      header: t('board.status'),
      cell: (c) => (
        <>
          <span className={`c-status-dot c-status-${c.status}`} aria-hidden="true" /> {t(`presence.${c.status}`)}
        </>
      ),
    },
    {
      id: 'load',
      header: t('board.load'),
      cell: (c) => (
        <>
          {c.activeCount}/{c.capacity}
          {c.offeredCount > 0 && <span className="muted"> (+{c.offeredCount})</span>}
        </>
      ),
    },
    { id: 'connection', header: t('board.connection'), cell: (c) => (c.connected ? t('board.connected') : t('board.disconnected')) },
  ];
  const activeColumns: DataColumn<BoardSnapshot['active'][number]>[] = [
    { id: 'visitor', header: t('board.visitor'), cell: (c) => c.nickname ?? t('queue.anonymous') },
    { id: 'with', header: t('board.with'), cell: (c) => c.counsellorName ?? '–' },
    { id: 'duration', header: t('board.duration'), cell: (c) => duration(now - (c.acceptedAt ?? c.createdAt)) },
    {
      id: 'priority',
      header: t('priority.label'),
      cell: (c) => (
        <>
          <PriorityBadge priority={c.priority} />
          <PrioritySelect name={c.nickname ?? t('queue.anonymous')} value={c.priority} onChange={(p) => void run(() => client.setPriority(c.id, p))} />
        </>
      ),
    },
    {
      id: 'actions',
      header: t('board.actions'),
      cell: (c) => {
        const name = c.nickname ?? t('queue.anonymous');
        return (
          <div className="c-row">
            <button type="button" className="btn btn-secondary btn-small" aria-label={t('board.joinSilentLabel', { name })} onClick={() => void run(() => client.join(c.id, false))}>
              {t('board.joinSilent')}
            </button>
            <button type="button" className="btn btn-secondary btn-small" aria-label={t('board.joinVisibleLabel', { name })} onClick={() => void run(() => client.join(c.id, true))}>
              {t('board.joinVisible')}
            </button>
          </div>
        );
      },
    },
  ];

  const board = state.board;
  return (
    <main className="c-main c-board">
      <div className="c-board-head">
        <h1>{t('board.title')}</h1>
        <span className={state.online ? 'c-live' : 'c-live c-live-off'}>{state.online ? t('board.live') : t('chats.offline')}</span>
      </div>
      <div aria-live="polite">
        {(error ?? (state.error ? t(`errors.${state.error}`) : null)) && (
          <p className="error-text" role="alert">
            {error ?? t(`errors.${state.error}`)}
          </p>
        )}
      </div>
      {!board ? (
        <p>{t('loading')}</p>
      ) : (
        <>
          <ServiceControls board={board} onPatch={(p) => void patchService(p)} />
          <QueueSummary board={board} now={now} duration={duration} />
          <BurstAlerts board={board} />
          <DangerAlerts board={board} dangers={state.dangers} onDismiss={(id) => client.dismissDanger(id)} />
          <section className="card c-section" aria-labelledby="board-queue">
            <h2 id="board-queue">
              {t('board.queueTitle')} <span className="c-count">({board.queue.length})</span>
            </h2>
            {board.queue.length === 0 ? (
              <p className="muted">{t('board.noneWaiting')}</p>
            ) : (
              <DataTable columns={queueColumns} rows={board.queue} rowKey={(q) => q.conversationId} rowAttributes={(q) => ({ 'data-conversation': q.conversationId })} />
            )}
          </section>
          <section className="card c-section" aria-labelledby="board-counsellors">
            <h2 id="board-counsellors">{t('board.counsellorsTitle')}</h2>
            {board.counsellors.length === 0 ? (
              <p className="muted">{t('board.noCounsellors')}</p>
            ) : (
              <DataTable columns={counsellorColumns} rows={board.counsellors} rowKey={(c) => c.id} rowAttributes={(c) => ({ 'data-counsellor': c.displayName })} />
            )}
          </section>
          <section className="card c-section" aria-labelledby="board-active">
            <h2 id="board-active">
              {t('board.activeTitle')} <span className="c-count">({board.active.length})</span>
            </h2>
            {board.active.length === 0 ? (
              <p className="muted">{t('board.noneActive')}</p>
            ) : (
              <DataTable columns={activeColumns} rows={board.active} rowKey={(c) => c.id} rowAttributes={(c) => ({ 'data-conversation': c.id })} />
            )}
          </section>
          {state.watched && <WatchPanel client={client} />}
        </>
      )}
    </main>
  );
}

/** Danger triage saw in what a visitor wrote during a chat in progress. */
function DangerAlerts({ board, dangers, onDismiss }: { board: BoardSnapshot; dangers: DangerAlert[]; onDismiss: (conversationId: string) => void }) {
  const { t } = useTranslation();
  const reason = useReasonText();
  if (dangers.length === 0) return null;
  return (
    <section className="card c-section c-alert" aria-labelledby="board-dangers" role="alert">
      <h2 id="board-dangers">{t('board.dangerTitle')}</h2>
      <ul className="c-plain-list">
        {dangers.map((d) => {
          const chat = board.active.find((c) => c.id === d.conversationId);
          return (
            <li key={d.conversationId} data-conversation={d.conversationId}>
              {t('board.dangerIn', { name: chat?.nickname ?? t('queue.anonymous'), counsellor: chat?.counsellorName ?? '?' })} {d.reasons.map((r) => reason(r.reasonKey)).join(' · ')}{' '}
              <button type="button" className="btn btn-secondary btn-small" onClick={() => onDismiss(d.conversationId)}>
                {t('danger.dismiss')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** One alert per burst of arrivals from one source, however many chats it brought. */
function BurstAlerts({ board }: { board: BoardSnapshot }) {
  const { t } = useTranslation();
  if (board.alerts.length === 0) return null;
  const nicknames = new Map(board.queue.map((q) => [q.conversationId, q.nickname ?? t('queue.anonymous')]));
  return (
    <>
      {board.alerts.map((a) => (
        <section key={a.alertId} className="card c-section c-alert" role="alert" aria-labelledby={`burst-${a.alertId}`} data-alert="arrival-burst">
          <h2 id={`burst-${a.alertId}`}>{t('board.burstTitle')}</h2>
          <p>{t('board.burstText', { arrivals: a.arrivals, refused: a.refused, minutes: Math.max(1, Math.round((a.lastAt - a.firstAt) / 60_000)) })}</p>
          {a.conversationIds.some((id) => nicknames.has(id)) && (
            <p className="c-small">
              {t('board.burstChats')}: {a.conversationIds.filter((id) => nicknames.has(id)).map((id) => nicknames.get(id)).join(', ')}
            </p>
          )}
        </section>
      ))}
    </>
  );
}

function PrioritySelect({ name, value, onChange }: { name: string; value: Priority; onChange: (p: Priority) => void }) {
  const { t } = useTranslation();
  return (
    <select className="c-prio-select" aria-label={t('priority.change', { name })} value={value} onChange={(e) => onChange(e.target.value as Priority)}>
      {priorities.map((p) => (
        <option key={p} value={p}>
          {t(`priority.${p}`)}
        </option>
      ))}
    </select>
  );
}

function ServiceControls({ board, onPatch }: { board: BoardSnapshot; onPatch: (p: { availability?: 'auto' | 'open' | 'closed'; busy?: boolean }) => void }) {
  const { t } = useTranslation();
  const a = board.availability;
  return (
    <section className="card c-section c-service" aria-labelledby="board-service">
      <h2 id="board-service">
        {t('board.service')}:{' '}
        <span className={a.open ? 'c-open' : 'c-closed'} data-open={a.open}>
          {a.open ? t('board.open') : t('board.closed')}
        </span>{' '}
        <span className="muted c-small">({a.reason === 'manual' ? t('board.byHand') : t('board.byHours')})</span>
      </h2>
      <div className="c-service-controls">
        <fieldset className="c-segmented">
          <legend>{t('board.availability')}</legend>
          {(['auto', 'open', 'closed'] as const).map((v) => (
            <label key={v}>
              <input type="radio" name="availability" value={v} checked={a.setting === v} onChange={() => onPatch({ availability: v })} />{' '}
              {v === 'auto' ? t('board.auto') : v === 'open' ? t('board.forceOpen') : t('board.forceClosed')}
            </label>
          ))}
        </fieldset>
        <fieldset className="c-segmented">
          <legend>{t('board.busy')}</legend>
          {([true, false] as const).map((v) => (
            <label key={String(v)}>
              <input type="radio" name="busy" checked={a.busy === v} onChange={() => onPatch({ busy: v })} /> {v ? t('board.busyOn') : t('board.busyOff')}
            </label>
          ))}
        </fieldset>
      </div>
    </section>
  );
}

function QueueSummary({ board, now, duration }: { board: BoardSnapshot; now: number; duration: (ms: number) => string }) {
  const { t } = useTranslation();
  return (
    <section className="c-section" aria-labelledby="board-summary">
      <h2 id="board-summary" className="visually-hidden">
        {t('board.queueTitle')}
      </h2>
      <ul className="c-tiles">
        {priorities.map((p) => {
          const items = board.queue.filter((q) => q.priority === p);
          const longest = items.reduce((min, q) => Math.min(min, q.enqueuedAt), Infinity);
          return (
            <li key={p} className={`c-tile c-prio-border-${p}`} data-priority={p}>
              <PriorityBadge priority={p} />
              <span className="c-tile-number">{items.length}</span>
              <span className="c-small">{t('board.waiting')}</span>
              {items.length > 0 && (
                <span className="c-small muted">
                  {t('board.longest')}: {duration(Math.max(now, board.now) - longest)}
                </span>
              )}
            </li>
          );
        })}
        <li className="c-tile" data-stat="abandoned">
          <span className="c-tile-number">{board.abandonedLastHour}</span>
          <span className="c-small">{t('board.abandoned')}</span>
        </li>
        <li className="c-tile" data-stat="started">
          <span className="c-tile-number">{board.startedLastHour}</span>
          <span className="c-small">{t('board.started')}</span>
        </li>
      </ul>
    </section>
  );
}

function WatchPanel({ client }: { client: BoardClient }) {
  const { t, i18n } = useTranslation();
  const links = useClickableLinks();
  const state = useSyncExternalStore(client.subscribe, client.getState);
  const w = state.watched;
  if (!w) return null;
  const view = w.snapshot.conversation;
  const name = view.nickname ?? t('queue.anonymous');
  return (
    <section className="card c-section c-watch" aria-labelledby="watch-title">
      <div className="c-chat-head">
        <h2 id="watch-title">{w.visible ? t('board.watchingVisible', { name }) : t('board.watching', { name })}</h2>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => client.stopWatching()}>
          {t('board.stopWatching')}
        </button>
      </div>
      <div className="c-messages c-watch-messages" role="log" aria-label={t('chat.transcript', { name })} tabIndex={0}>
        {w.log.stored.map((m) => (
          <div key={m.seq} className={`c-msg c-msg-${m.sender}`}>
            <span className="c-msg-who">
              {m.sender === 'visitor' ? name : m.sender === 'system' ? t('chat.system') : (m.senderName ?? t('chat.you'))}
              <span className="c-msg-time"> · {clockTime(m.createdAt, i18n.language)}</span>
            </span>
            <MessageBody sender={m.sender} body={m.body} links={links} namespace="systemMessages" />
          </div>
        ))}
      </div>
      <NotesPanel conversationId={w.conversationId} notes={w.notes} canWhisper canNote defaultKind="whisper" startOpen onAdd={(kind, body) => client.addNote(w.conversationId, kind, body)} />
    </section>
  );
}
