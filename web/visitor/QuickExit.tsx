import { useTranslation } from 'react-i18next';

/** Always on screen (fixed, above everything), large, and also bound to the Escape key. */
export function QuickExit({ onExit }: { onExit: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="v-quick-exit" onClick={onExit} aria-label={t('quickExit.label')} title={t('quickExit.hint')}>
      <span aria-hidden="true" className="v-quick-exit-icon">✕</span>
      {t('quickExit.button')}
    </button>
  );
}
