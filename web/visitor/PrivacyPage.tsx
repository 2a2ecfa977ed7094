import { useTranslation } from 'react-i18next';
import { useFocusOnMount } from './useFocusOnMount.js';
import { getConfidentialityText, getRetentionDays } from './config.js';
import { DeleteHistoryForm } from './DeleteHistoryForm.js';

export function PrivacyPage({ onBack }: { onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const own = getConfidentialityText(i18n.language);
  const sections = ['anonymous', 'kept', 'howLong', 'who', 'traces'] as const;
  return (
    <main className="v-main v-privacy">
      <h1 ref={heading} tabIndex={-1}>
        {t('privacy.title')}
      </h1>
      {sections.map((s) => (
        <section key={s}>
          <h2>{t(`privacy.${s}Title`)}</h2>
          <p>{t(`privacy.${s}`, { days: getRetentionDays() })}</p>
        </section>
      ))}
      <section>
        <h2>{t('visibility.privacy.title')}</h2>
        <p>{t('visibility.privacy.text')}</p>
      </section>
      <section>
        <h2>{t('privacy.confidentialityTitle')}</h2>
        {/* The service's own rules when an administrator wrote them; line breaks are kept. */}
        {own ? (
          <p className="plain-text" lang={own.lang}>
            {own.text}
          </p>
        ) : (
          <p className="plain-text">{t('privacy.confidentiality')}</p>
        )}
      </section>
      <section>
        <h2>{t('privacy.tipsTitle')}</h2>
        <ul>
          <li>{t('privacy.tip1')}</li>
          <li>{t('privacy.tip2')}</li>
          <li>{t('privacy.tip3')}</li>
          <li>{t('privacy.tip4')}</li>
        </ul>
      </section>
      <DeleteHistoryForm />
      <button type="button" className="btn btn-secondary" onClick={onBack}>
        {t('privacy.back')}
      </button>
    </main>
  );
}
