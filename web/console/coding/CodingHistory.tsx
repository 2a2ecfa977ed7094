// Who changed which fields when: codes shown with their labels, never any message text.
import { useTranslation } from 'react-i18next';
import type { CodingFormResponse } from '../../../src/protocol/codingApi.js';

export function CodingHistory({ form, lang }: { form: CodingFormResponse; lang: 'nl' | 'en' }) {
  const { t, i18n } = useTranslation();
  const label = (fieldId: string) => form.codebook.fields.find((f) => f.id === fieldId)?.label[lang] ?? fieldId;
  const when = (at: number) => new Date(at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="c-history" aria-labelledby="coding-history-title">
      <h3 id="coding-history-title">{t('coding.history')}</h3>
      {form.history.length === 0 ? (
        <p className="muted">{t('coding.historyEmpty')}</p>
      ) : (
        <ol className="c-history-list">
          {form.history.map((h, i) => (
            <li key={i}>
              <span className="c-history-when">{t('coding.historyItem', { when: when(h.at), who: h.staffName ?? t('coding.someone') })}</span>{' '}
              {h.kind === 'create' ? t('coding.historyCreate') : h.kind === 'import' ? t('coding.historyImport') : t('coding.historyUpdate', { fields: Object.keys(h.changes).map(label).join(', ') })}
              {h.kind === 'update' && (
                <ul className="c-history-changes">
                  {Object.entries(h.changes).map(([fieldId, [before, after]]) => (
                    <li key={fieldId}>
                      {label(fieldId)}: {show(form, fieldId, before, lang, t('coding.notCoded'))} → {show(form, fieldId, after, lang, t('coding.notCoded'))}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function show(form: CodingFormResponse, fieldId: string, value: unknown, lang: 'nl' | 'en', empty: string): string {
  if (value === null || value === undefined) return empty;
  const field = form.codebook.fields.find((f) => f.id === fieldId);
  const one = (code: unknown): string => {
    if (field && (field.kind === 'single' || field.kind === 'multi')) return field.options.find((o) => o.code === code)?.label[lang] ?? String(code);
    return String(code);
  };
  return Array.isArray(value) ? value.map(one).join(', ') : one(value);
}
