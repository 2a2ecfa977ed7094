import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../common/i18n.js';

/** One compact button offering the other language, in that language (fits a small phone). */
export function LanguageSwitch({ onChange }: { onChange: (language: UiLanguage) => void }) {
  const { t, i18n } = useTranslation();
  const other: UiLanguage = i18n.language === 'en' ? 'nl' : 'en';
  return (
    <button type="button" className="btn btn-secondary btn-small v-lang" lang={other} onClick={() => onChange(other)}>
      {t(`language.${other}`)}
    </button>
  );
}
