// The administrator's list of visitor languages: each with a switch to offer it or not, and a
// mark on the translations no native speaker has checked yet. Dutch, the fallback, stays on.
import { useTranslation } from 'react-i18next';
import { defaultVisitorLanguage, languageInfo, visitorLanguages } from '../../../src/protocol/languageInfo.js';
import { LanguageName, languageLabel } from './LanguageName.js';

export function LanguagesSettings({ disabled, onChange }: { disabled: readonly string[]; onChange: (next: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <section className="card c-section" aria-labelledby="set-languages" data-field="disabledLanguages">
      <h2 id="set-languages">{t('languages.settingsTitle')}</h2>
      <p className="hint">{t('languages.settingsIntro')}</p>
      <ul className="c-language-list">
        {visitorLanguages.map((code) => {
          const info = languageInfo[code];
          const always = code === defaultVisitorLanguage;
          const on = always || !disabled.includes(code);
          return (
            <li key={code} data-language={code}>
              <label className="c-check-inline">
                <input
                  type="checkbox"
                  role="switch"
                  aria-label={t('languages.offer', { name: languageLabel(code) })}
                  checked={on}
                  disabled={always}
                  onChange={(e) => onChange(e.target.checked ? disabled.filter((c) => c !== code) : [...disabled, code])}
                />{' '}
                <LanguageName code={code} />
              </label>
              {info.draft && (
                <span className="c-badge c-badge-draft" title={t('languages.draftHint')}>
                  {t('languages.draft')}
                </span>
              )}
              {always && <span className="hint"> {t('languages.always')}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
