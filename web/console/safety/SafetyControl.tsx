import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { warningReasons, type WarningReason } from '../../../src/protocol/systemMessages.js';
import { blockReasons, type VisitorBlockDto } from '../../../src/protocol/staffSecurityApi.js';
import type { ErrorCode } from '../../../src/protocol/ack.js';
import { api, errorKey } from '../api.js';
import { dateTimeMinutes } from '../../common/time.js';

type BlockReason = (typeof blockReasons)[number];
/** The lengths a counsellor picks from: an hour to cool down, up to a month for threats. */
const blockHours = [1, 24, 24 * 7, 24 * 30] as const;

/**
 * Warn the visitor in plain words, or block her for a while (her tab and her return codes).
 * A block can end the chat at once; the visitor then only ever sees "not available".
 */
export function SafetyControl({
  conversationId,
  onWarn,
  onEnd,
}: {
  conversationId: string;
  onWarn: (reason: WarningReason) => Promise<ErrorCode | null>;
  onEnd: () => Promise<ErrorCode | null>;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [warning, setWarning] = useState<WarningReason>('abuse');
  const [reason, setReason] = useState<BlockReason>('abuse');
  const [hours, setHours] = useState<number>(24);
  const [endChat, setEndChat] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const id = (part: string) => `safety-${part}-${conversationId}`;

  if (!open) {
    return (
      <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(true)}>
        {t('safety.open')}
      </button>
    );
  }

  const warn = async () => {
    setBusy(true);
    const error = await onWarn(warning);
    setBusy(false);
    setMessage(error ? { kind: 'error', text: t(`errors.${error}`) } : { kind: 'ok', text: t('safety.warned') });
  };

  const block = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { block } = await api<{ block: VisitorBlockDto }>('POST', '/api/blocks', { conversationId, hours, reason });
      const ended = endChat ? await onEnd() : null;
      setMessage(ended ? { kind: 'error', text: t(`errors.${ended}`) } : { kind: 'ok', text: t('safety.blocked', { until: dateTimeMinutes(block.blockedUntil, i18n.language) }) });
    } catch (error) {
      setMessage({ kind: 'error', text: t(errorKey(error)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="c-safety card" role="group" aria-labelledby={id('title')}>
      <h3 id={id('title')}>{t('safety.title')}</h3>
      <div className="field">
        <label htmlFor={id('warning')}>{t('safety.warningLabel')}</label>
        <select id={id('warning')} value={warning} onChange={(e) => setWarning(e.currentTarget.value as WarningReason)}>
          {warningReasons.map((r) => (
            <option key={r} value={r}>
              {t(`safety.warning.${r}`)}
            </option>
          ))}
        </select>
        <span className="hint">{t('safety.warningHint')}</span>
      </div>
      <button type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={() => void warn()}>
        {t('safety.warn')}
      </button>

      <form onSubmit={(e) => void block(e)} className="c-safety-block">
        <div className="field">
          <label htmlFor={id('reason')}>{t('safety.blockReason')}</label>
          <select id={id('reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value as BlockReason)}>
            {blockReasons.map((r) => (
              <option key={r} value={r}>
                {t(`safety.reason.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('hours')}>{t('safety.blockFor')}</label>
          <select id={id('hours')} value={hours} onChange={(e) => setHours(Number(e.currentTarget.value))}>
            {blockHours.map((h) => (
              <option key={h} value={h}>
                {t(`safety.duration.${h}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="c-check">
          <input type="checkbox" checked={endChat} onChange={(e) => setEndChat(e.currentTarget.checked)} /> {t('safety.endChat')}
        </label>
        <p className="hint">{t('safety.blockHint')}</p>
        <div className="c-row">
          <button type="submit" className="btn btn-danger btn-small" disabled={busy}>
            {t('safety.block')}
          </button>
          <button type="button" className="btn btn-quiet btn-small" onClick={() => setOpen(false)}>
            {t('safety.close')}
          </button>
        </div>
      </form>
      <p role="status" className={message?.kind === 'error' ? 'error-text' : 'muted'}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}
