import { useTranslation } from 'react-i18next';
import type { ServiceStatus } from './serviceStatus.js';
import { formatOpening, safeUrl, telHref } from './serviceStatus.js';
import { PrivacyLink } from './PrivacyLink.js';
import { useFocusOnMount } from './useFocusOnMount.js';

/** Closed (outside opening hours or by hand) or the queue is full: say so kindly, and who else helps. */
export function ClosedScreen({ kind, service, onAgain, onPrivacy, onMailbox }: { kind: 'closed' | 'full'; service: ServiceStatus; onAgain: () => void; onPrivacy: () => void; onMailbox: (mode: 'write' | 'read') => void }) {
  const { t, i18n } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <main className="v-main v-closed" data-screen={kind}>
      <h1 ref={heading} tabIndex={-1}>
        {kind === 'closed' ? t('closed.title') : t('closed.fullTitle')}
      </h1>
      {kind === 'closed' ? (
        <>
          <p>{t('closed.body')}</p>
          <p className="notice v-next-open">
            <strong>{service.nextOpensAt ? t('closed.nextOpen', { when: formatOpening(service.nextOpensAt, i18n.language) }) : t('closed.noNext')}</strong>
          </p>
        </>
      ) : (
        <p>{t('closed.fullBody')}</p>
      )}
      <MailboxOffer text={t('mailbox.closedOffer')} onMailbox={onMailbox} />
      <p className="notice v-danger">
        <strong>{t('start.danger')}</strong>
      </p>
      <Alternatives service={service} />
      <div className="v-actions">
        <button type="button" className="btn btn-secondary" onClick={onAgain}>
          {t('closed.again')}
        </button>
        <PrivacyLink onPrivacy={onPrivacy} />
      </div>
    </main>
  );
}

export function Alternatives({ service }: { service: ServiceStatus }) {
  const { t } = useTranslation();
  if (service.alternatives.length === 0) return null;
  return (
    <section aria-labelledby="alternatives-title" className="v-alternatives">
      <h2 id="alternatives-title">{t('closed.alternatives')}</h2>
      <ul>
        {service.alternatives.map((a, i) => {
          const tel = a.phone ? telHref(a.phone) : null;
          const url = safeUrl(a.url);
          return (
            <li key={`${a.name}-${i}`} className="card v-alternative">
              <strong className="v-alternative-name">{a.name}</strong>
              {a.description && <p>{a.description}</p>}
              <div className="v-alternative-links">
                {a.phone && tel && (
                  <a className="btn btn-small" href={tel}>
                    {t('closed.call', { phone: a.phone })}
                  </a>
                )}
                {url && (
                  <a href={url} rel="noopener noreferrer">
                    {t('closed.website', { name: a.name })}
                  </a>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Leave a letter instead of chatting, or read the answer to one: the way in to the mailbox. */
export function MailboxOffer({ text, onMailbox }: { text: string; onMailbox: (mode: 'write' | 'read') => void }) {
  const { t } = useTranslation();
  return (
    <section className="card v-mailbox-offer" aria-label={t('mailbox.leave')}>
      <p>{text}</p>
      <div className="v-actions">
        <button type="button" className="btn" onClick={() => onMailbox('write')}>
          {t('mailbox.leave')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => onMailbox('read')}>
          {t('mailbox.read')}
        </button>
      </div>
    </section>
  );
}
