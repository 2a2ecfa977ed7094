// Which visitor languages a counsellor chats in: a checkbox per language, at least one ticked.
import { useTranslation } from 'react-i18next';
import { languageInfo, visitorLanguages, type VisitorLanguage } from '../../../src/protocol/languageInfo.js';
import { LanguageName } from './LanguageName.js';

/** `compact`: in a table row, where the column header already says what it is, the legend is for screen readers only. */
export function LanguageChoice({ legend, value, onChange, compact }: { legend: string; value: readonly string[]; onChange: (next: VisitorLanguage[]) => void; compact?: boolean }) {
  const { t } = useTranslation();
  const toggle = (code: VisitorLanguage, on: boolean) => {
    const next = visitorLanguages.filter((c) => (c === code ? on : value.includes(c)));
    if (next.length > 0) onChange(next);
  };
  return (
    <fieldset className="c-language-choice">
      <legend className={compact ? 'visually-hidden' : undefined}>{legend}</legend>
      {visitorLanguages.map((code) => {
        const only = value.length === 1 && value.includes(code);
        return (
          <label key={code} className="c-check-inline" title={only ? t('languages.atLeastOne') : undefined}>
            <input type="checkbox" value={code} checked={value.includes(code)} disabled={only} onChange={(e) => toggle(code, e.target.checked)} /> <LanguageName code={code} />
            {languageInfo[code].draft && <span className="visually-hidden"> ({t('languages.draft')})</span>}
          </label>
        );
      })}
    </fieldset>
  );
}
