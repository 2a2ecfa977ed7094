// The printable letter of a warm handover: only what she agreed to share and to whom, on a page
// of its own (no console navigation) with print styles; the browser's print dialog makes paper or PDF.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverLetterResponse } from '../../../src/protocol/handoverApi.js';
import { PlainText } from '../../common/PlainText.js';
import { api, errorKey } from '../api.js';
import { useBranding } from '../branding.js';

export function HandoverLetterPage({ handoverId }: { handoverId: string }) {
  const { t, i18n } = useTranslation();
  const { serviceName, logoUrl } = useBranding();
  const [letter, setLetter] = useState<HandoverLetterResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<HandoverLetterResponse>('GET', `/api/handovers/${handoverId}/letter`)
      .then(setLetter)
      .catch((e: unknown) => setError(t(errorKey(e))));
  }, [handoverId, t]);
  useEffect(() => {
    if (letter) document.title = t('casework.letter.title', { organisation: letter.organisation });
  }, [letter, t]);

  if (error) {
    return (
      <main className="c-main c-letter">
        <h1>{t('casework.handover.letter')}</h1>
        <p className="error-text" role="alert">
          {t('casework.letter.notAvailable')} {error}
        </p>
      </main>
    );
  }
  if (!letter) return <p className="c-loading">{t('casework.letter.loading')}</p>;
  const date = new Date(letter.createdAt).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long' });
  return (
    <main className="c-main c-letter">
      <div className="c-letter-actions">
        <button type="button" className="btn" onClick={() => window.print()}>
          {t('casework.letter.print')}
        </button>
      </div>
      <article className="c-letter-sheet" aria-labelledby="letter-title">
        <header className="c-letter-head">
          {logoUrl && <img className="c-brand-logo" src={logoUrl} alt="" height={40} />}
          <span className="c-letter-service">{serviceName ?? 'Baken'}</span>
        </header>
        <h1 id="letter-title">{t('casework.letter.title', { organisation: letter.organisation })}</h1>
        <dl className="c-letter-facts">
          <dt>{t('casework.letter.to')}</dt>
          <dd>{letter.organisation}</dd>
          <dt>{t('casework.letter.date')}</dt>
          <dd>{date}</dd>
          <dt>{t('casework.letter.method')}</dt>
          <dd>{t(`casework.handover.methods.${letter.method}`)}</dd>
        </dl>
        <h2>{t('casework.letter.shared')}</h2>
        <PlainText text={letter.shared} className="c-letter-shared" />
        <p className="c-letter-note">{t('casework.letter.consentNote')}</p>
        <p>{t('casework.letter.from', { name: letter.counsellorName })}</p>
      </article>
    </main>
  );
}
