import { useTranslation } from 'react-i18next';
import type { QueueStatus } from '../../src/protocol/visitorProtocol.js';

/** "You are number 2", an honest estimate, busy mode. Announced politely as it changes. */
export function WaitingStatus({ queue }: { queue: QueueStatus | null }) {
  const { t } = useTranslation();
  if (!queue) return null;
  const e = queue.estimate;
  const estimate =
    e.kind === 'soon'
      ? t('queue.soon')
      : e.kind === 'unknown'
        ? t('queue.unknown')
        : e.maxMinutes === null
          ? t('queue.rangeOpen', { min: e.minMinutes })
          : e.minMinutes === 0
            ? t('queue.rangeUnder', { max: e.maxMinutes })
            : t('queue.range', { min: e.minMinutes, max: e.maxMinutes });
  return (
    <div className="v-queue" data-position={queue.position}>
      <p className="v-position">
        <strong>{t('queue.position', { count: queue.position })}</strong>
      </p>
      <p>{estimate}</p>
      {queue.busy && <p className="v-busy">{t('queue.busy')}</p>}
    </div>
  );
}
