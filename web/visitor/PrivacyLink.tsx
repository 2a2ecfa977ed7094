import { useTranslation } from 'react-i18next';

/** A real link (it works without script and reads as one), opened in place without a new history entry. */
export function PrivacyLink({ onPrivacy }: { onPrivacy: () => void }) {
  const { t } = useTranslation();
  return (
    <a
      href="/privacy"
      onClick={(e) => {
        e.preventDefault();
        onPrivacy();
      }}
    >
      {t('start.privacyLink')}
    </a>
  );
}
