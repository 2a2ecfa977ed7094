// How a chat's urgency is shown everywhere in the console: priority as colour AND words,
// the triage reasons in plain language with the phrase that matched, the pre-chat answers.
import { useTranslation } from 'react-i18next';
import type { Priority } from '../../../src/domain/queue/priority.js';
import type { TriageReasonView } from '../../../src/protocol/staffProtocol.js';
import { PlainText } from '../../common/PlainText.js';

export const priorities: readonly Priority[] = ['critical', 'high', 'normal', 'low'];

export function PriorityBadge({ priority, overridden = false }: { priority: Priority; overridden?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`c-prio c-prio-${priority}`} data-priority={priority}>
      <span className="c-prio-dot" aria-hidden="true" />
      {t('priority.label')}: {t(`priority.${priority}`)}
      {overridden && <span className="c-prio-hand"> ({t('priority.overridden')})</span>}
    </span>
  );
}

/** A reason's text: the i18n key the server gives (`triage.reason.loverboy`), or a plain fallback. */
export function useReasonText() {
  const { t, i18n } = useTranslation();
  return (reasonKey: string) => {
    const key = reasonKey.startsWith('triage.reason.') ? reasonKey : `triage.reason.${reasonKey}`;
    return i18n.exists(key) ? t(key) : t('triage.unknownReason', { key: reasonKey.replace(/^triage\.reason\./, '') });
  };
}

export function TriageReasons({ reasons, compact = false }: { reasons: TriageReasonView[]; compact?: boolean }) {
  const { t } = useTranslation();
  const text = useReasonText();
  if (reasons.length === 0) return compact ? null : <p className="muted c-small">{t('triage.none')}</p>;
  return (
    <ul className={compact ? 'c-reasons c-reasons-compact' : 'c-reasons'} aria-label={t('triage.reasonsTitle')}>
      {reasons.map((r, i) => (
        <li key={`${r.ruleId}-${i}`} data-rule={r.ruleId}>
          <span className="c-reason-text">{text(r.reasonKey)}</span>
          {r.snippet && (
            <span className="c-reason-snippet">
              {' '}
              — <PlainText text={t('triage.matched', { snippet: r.snippet })} />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

const preChatFields = ['ageBand', 'inDangerNow', 'topic'] as const;

export function PreChatAnswers({ preChat }: { preChat: Record<string, string> | null }) {
  const { t, i18n } = useTranslation();
  const answered = preChatFields.filter((f) => preChat?.[f]);
  if (!preChat || answered.length === 0) return <p className="muted c-small">{t('prechat.none')}</p>;
  return (
    <dl className="c-prechat">
      {answered.map((f) => {
        const value = preChat[f]!;
        const key = `prechat.values.${value}`;
        return (
          <div key={f} className={f === 'inDangerNow' && value === 'yes' ? 'c-prechat-danger' : undefined}>
            <dt>{t(`prechat.${f}`)}</dt>
            <dd>{i18n.exists(key) ? t(key) : value}</dd>
          </div>
        );
      })}
    </dl>
  );
}
