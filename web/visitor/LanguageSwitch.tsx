import { useTranslation } from 'react-i18next';
import { uiLanguages, type UiLanguage } from '../common/i18n.js';

export function LanguageSwitch({ onChange }: { onChange: (language: UiLanguage) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {uiLanguages.map((lng) => (
        <button
          key={lng}
          type="button"
          className="btn btn-secondary btn-small"
          lang={lng}
          aria-pressed={i18n.language === lng}
          onClick={() => onChange(lng)}
        >
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  );
}
