import { useTranslation } from 'react-i18next';
import { consoleLanguages } from '../common/i18n.js';

export function ConsoleLanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {consoleLanguages.map((lng) => (
        <button key={lng} type="button" lang={lng} className="btn btn-secondary btn-small" aria-pressed={i18n.language === lng} onClick={() => void i18n.changeLanguage(lng)}>
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  );
}
