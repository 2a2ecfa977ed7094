// The side column's top: her status, chats offered to her (Accept / Decline with a countdown),
// and the queue in priority order with Pick (manual picking) and "Next chat".
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../src/protocol/ack.js';
import type { CounsellorStatusName, QueueItem } from '../../../src/protocol/staffProtocol.js';
import type { ConsoleClient, ConsoleState } from '../consoleClient.js';
import { PriorityBadge, TriageReasons, useReasonText } from './triageView.js';
import { LanguageName } from '../languages/LanguageName.js';

const statuses: readonly CounsellorStatusName[] = ['available', 'break', 'wrapping_up', 'offline'];
/** The server's default; counsellors cannot read the settings, so the countdown assumes it. */
export const defaultOfferSeconds = 45;

export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function useDuration() {
  const { t } = useTranslation();
  return (ms: number) => {
    const s = Math.max(0, Math.floor(ms / 1000));
    if (s < 60) return t('duration.seconds', { count: s });
    const m = Math.floor(s / 60);
    if (m < 60) return t('duration.minutes', { count: m });
    return t('duration.hours', { h: Math.floor(m / 60), m: m % 60 });
  };
}

export function StatusBar({ client, state }: { client: ConsoleClient; state: ConsoleState }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ErrorCode | null>(null);
  return (
    <div className="c-status-bar">
      <div className="c-status-row">
        <label htmlFor="my-status">{t('presence.label')}</label>
        <span className={`c-status-dot c-status-${state.status}`} aria-hidden="true" />
        <select
          id="my-status"
          value={state.status}
          disabled={!state.online}
          onChange={(e) => void client.setStatus(e.target.value as CounsellorStatusName).then(setError)}
        >
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`presence.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
      <div aria-live="polite">
        {state.missedOffer && (
          <div className="notice notice-warn c-missed" role="status">
            <p>{t('presence.missedOffer')}</p>
            <div className="c-row">
              <button type="button" className="btn btn-small" onClick={() => void client.setStatus('available').then(setError)}>
                {t('presence.available')}
              </button>
              <button type="button" className="btn btn-secondary btn-small" onClick={() => client.dismissMissedOffer()}>
                {t('presence.dismiss')}
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

export function Offers({ offers, staffId, client }: { offers: QueueItem[]; staffId: string; client: ConsoleClient }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const reason = useReasonText();
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (run: () => Promise<ErrorCode | null>) => {
    setBusy(true);
    setError(await run());
    setBusy(false);
  };
  return (
    <div aria-live="assertive">
      {error && (
        <p className="error-text" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
      {offers.map((item) => {
        const name = item.nickname ?? t('queue.anonymous');
        const left = Math.max(0, Math.ceil(((item.offerExpiresAt ?? (item.offeredAt ?? now) + defaultOfferSeconds * 1000) - now) / 1000));
        return (
          <section key={item.conversationId} className={`c-offer c-offer-${item.priority}`} aria-label={t('offer.regionLabel', { name })} data-conversation={item.conversationId}>
            <h2 className="c-offer-title">{t('offer.title')}</h2>
            <p className="c-offer-who">
              <strong>{t('offer.body', { name })}</strong> <PriorityBadge priority={item.priority} overridden={item.priorityOverridden} />
            </p>
            {item.reasons.length > 0 && <p className="c-small">{item.reasons.map((r) => reason(r.reasonKey)).join(' · ')}</p>}
            {item.preferredCounsellorId === staffId && <p className="c-small c-flag">{t('flags.prefersYou')}</p>}
            <p className="c-countdown c-small" aria-hidden="true">
              {t('offer.expires', { count: left })}
            </p>
            <div className="c-row">
              <button type="button" className="btn" disabled={busy} aria-label={t('offer.acceptLabel', { name })} onClick={() => void act(() => client.accept(item.conversationId))}>
                {t('offer.accept')}
              </button>
              <button
                type="button"
                className="btn btn-secondary"
                disabled={busy}
                aria-label={t('offer.declineLabel', { name })}
                onClick={() => void act(() => client.decline(item.conversationId))}
              >
                {t('offer.decline')}
              </button>
            </div>
          </section>
        );
      })}
    </div>
  );
}

export function QueuePanel({ items, staffId, client }: { items: QueueItem[]; staffId: string; client: ConsoleClient }) {
  const { t } = useTranslation();
  const now = useNow(5000);
  const duration = useDuration();
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (run: () => Promise<ErrorCode | null>) => {
    setBusy(true);
    setError(await run());
    setBusy(false);
  };
  const others = items.filter((i) => !(i.status === 'offered' && i.offeredTo === staffId));
  const waiting = items.filter((i) => i.status === 'waiting');
  return (
    <section aria-labelledby="queue-title" className="c-section">
      <div className="c-queue-head">
        <h2 id="queue-title">
          {t('queue.title')} <span className="c-count">({items.length})</span>
        </h2>
        <button type="button" className="btn btn-small" disabled={busy || waiting.length === 0} title={t('pick.nextHint')} onClick={() => void act(() => client.pullNext())}>
          {t('pick.next')}
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
      {others.length === 0 ? (
        <p className="muted">{t('queue.empty')}</p>
      ) : (
        <ul className="c-queue">
          {others.map((item) => {
            const name = item.nickname ?? t('queue.anonymous');
            const offeredElsewhere = item.status === 'offered';
            return (
              <li key={item.conversationId} className={`c-queue-item c-prio-border-${item.priority}`} data-conversation={item.conversationId} data-priority={item.priority}>
                <div className="c-queue-main">
                  <strong>{name}</strong> <PriorityBadge priority={item.priority} overridden={item.priorityOverridden} />
                  <div className="muted c-small">
                    {t('queue.waitingFor', { time: duration(now - item.enqueuedAt) })} · {t('queue.messages', { count: item.messageCount })} · <span className="c-lang-tag" data-language={item.language}><LanguageName code={item.language} /></span>
                    {offeredElsewhere && <> · {t('offer.offeredTo')}</>}
                  </div>
                  {item.preferredCounsellorId === staffId && <div className="c-small c-flag">{t('flags.prefersYou')}</div>}
                  {item.visitorAway && <div className="c-small c-flag">{t('flags.visitorAway')}</div>}
                  <TriageReasons reasons={item.reasons} compact />
                </div>
                {!offeredElsewhere && (
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={busy}
                    aria-label={t('queue.acceptLabel', { name })}
                    onClick={() => void act(() => client.accept(item.conversationId))}
                  >
                    {t('queue.accept')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
