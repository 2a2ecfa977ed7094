import { useTranslation } from 'react-i18next';
import { isVisitorLanguage, type VisitorLanguage } from '../common/i18n.js';
import { languageInfo } from '../../src/protocol/languageInfo.js';
import { getOfferedLanguages } from './config.js';

/**
 * The languages on offer, each in its own name and marked with its lang (a screen reader says
 * "Polski" in Polish). A native select, so the list is the phone's own and she knows how to use
 * it whatever language the page is in now. Closed, it shows a globe and the language's code
 * only: seven own names would not fit beside the quick-exit button on a 360 px phone. The select
 * lies invisibly over that chip, so a tap anywhere on it opens the list.
 */
export function LanguageSwitch({ onChange }: { onChange: (language: VisitorLanguage) => void }) {
  const { t, i18n } = useTranslation();
  const offered = getOfferedLanguages();
  if (offered.length < 2) return null;
  const current = isVisitorLanguage(i18n.language) ? i18n.language : 'nl';
  return (
    <label className="v-lang">
      <svg className="v-lang-globe" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M2.5 12h19M12 2.5c3 3.2 3 15.8 0 19M12 2.5c-3 3.2-3 15.8 0 19" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
      <span className="v-lang-code" aria-hidden="true">
        {current.toUpperCase()}
      </span>
      <span className="v-lang-caret" aria-hidden="true">
        ▼
      </span>
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        className="v-lang-select"
        value={current}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (isVisitorLanguage(next)) onChange(next);
        }}
      >
        {offered.map((code) => (
          <option key={code} value={code} lang={code} dir={languageInfo[code].dir}>
            {languageInfo[code].ownName}
          </option>
        ))}
      </select>
    </label>
  );
}
