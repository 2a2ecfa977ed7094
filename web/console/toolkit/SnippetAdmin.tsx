// Supervisors and administrators keep the snippets: add, change, remove (each audited by the server).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snippet } from '../../../src/protocol/toolkitApi.js';
import { snippetLimits, type SnippetContent } from '../../../src/domain/toolkit/snippet.js';
import { api, ApiError, errorKey } from '../api.js';
import { loadToolkit, useSnippets } from './toolkitData.js';

const empty: SnippetContent = { language: 'nl', topic: '', title: '', body: '' };

export function SnippetAdmin({ onNotice }: { onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const { data: snippets, failed } = useSnippets();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const done = async (text: string) => {
    await loadToolkit('snippets', true);
    setEditing(null);
    setRemoving(null);
    onNotice(text);
  };
  const groups = groupByTopic(snippets ?? []);
  const remove = async (snippet: Snippet) => {
    await api('DELETE', `/api/snippets/${encodeURIComponent(snippet.id)}`);
    await done(t('toolkit.removed'));
  };
  return (
    <section className="c-section" aria-labelledby="snippets-title">
      <h2 id="snippets-title">{t('snippets.title')}</h2>
      {failed && !snippets && <p className="error-text">{t('toolkit.loadFailed')}</p>}
      {editing === 'new' ? (
        <SnippetForm idPrefix="snippet-new" initial={empty} heading={t('snippets.add')} onCancel={() => setEditing(null)} onSaved={() => void done(t('toolkit.saved'))} />
      ) : (
        <button type="button" className="btn btn-small c-toolkit-form" onClick={() => setEditing('new')}>
          {t('snippets.add')}
        </button>
      )}
      {snippets && snippets.length === 0 && <p className="muted">{t('snippets.none')}</p>}
      {groups.map(({ key, language, topic, items }) => (
        <div key={key} className="c-snippet-group">
          <h3 className="c-small">
            {t(`snippets.languages.${language}`, { defaultValue: language.toUpperCase() })} · {topic}
          </h3>
          <ul className="c-toolkit-list">
            {items.map((s) =>
              editing === s.id ? (
                <li key={s.id} className="c-toolkit-item">
                  <SnippetForm idPrefix={`snippet-${s.id}`} initial={s} heading={t('snippets.editTitle')} snippetId={s.id} onCancel={() => setEditing(null)} onSaved={() => void done(t('toolkit.saved'))} />
                </li>
              ) : (
                <li key={s.id} className="c-toolkit-item" data-snippet={s.title}>
                  <h4 className="c-dir-name">
                    {s.title} <span className="c-tag">{s.language.toUpperCase()}</span> <span className="muted c-small">{s.topic}</span>
                  </h4>
                  <p className="plain-text">{s.body}</p>
                  <p className="muted c-small">{t('snippets.used', { count: s.useCount })}</p>
                  <div className="c-row">
                    {removing === s.id ? (
                      <>
                        <span className="c-confirm-text">{t('toolkit.removeConfirm', { name: s.title })}</span>
                        <button type="button" className="btn btn-danger btn-small" onClick={() => void remove(s)}>
                          {t('toolkit.removeYes')}
                        </button>
                        <button type="button" className="btn btn-secondary btn-small" onClick={() => setRemoving(null)}>
                          {t('toolkit.cancel')}
                        </button>
                      </>
                    ) : (
                      <>
                        <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing(s.id)} aria-label={`${t('toolkit.edit')}: ${s.title}`}>
                          {t('toolkit.edit')}
                        </button>
                        <button type="button" className="btn btn-secondary btn-small" onClick={() => setRemoving(s.id)} aria-label={`${t('toolkit.remove')}: ${s.title}`}>
                          {t('toolkit.remove')}
                        </button>
                      </>
                    )}
                  </div>
                </li>
              ),
            )}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Dutch first, then the other languages; within each, topics in alphabetical order. */
function groupByTopic(snippets: readonly Snippet[]) {
  const groups = new Map<string, { key: string; language: string; topic: string; items: Snippet[] }>();
  for (const s of snippets) {
    const key = `${s.language}\u0000${s.topic}`;
    const group = groups.get(key) ?? { key, language: s.language, topic: s.topic, items: [] };
    group.items.push(s);
    groups.set(key, group);
  }
  const rank = (language: string) => (language === 'nl' ? 0 : language === 'en' ? 1 : 2);
  return [...groups.values()].sort((a, b) => rank(a.language) - rank(b.language) || a.language.localeCompare(b.language) || a.topic.localeCompare(b.topic));
}

function SnippetForm({ idPrefix, initial, heading, snippetId, onCancel, onSaved }: { idPrefix: string; initial: SnippetContent; heading: string; snippetId?: string; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<SnippetContent>({ language: initial.language, topic: initial.topic, title: initial.title, body: initial.body });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<SnippetContent>) => setValue((v) => ({ ...v, ...patch }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (snippetId) await api('PUT', `/api/snippets/${encodeURIComponent(snippetId)}`, value);
      else await api('POST', '/api/snippets', value);
      onSaved();
    } catch (e) {
      const field = (path: string) => t(path === 'title' ? 'snippets.titleField' : `snippets.${path === 'language' || path === 'topic' ? path : 'body'}`);
      setError(e instanceof ApiError && e.issues.length > 0 ? t('toolkit.checkFields', { fields: [...new Set(e.issues.map((i) => field(i.path)))].join(', ') }) : t(errorKey(e)));
    } finally {
      setBusy(false);
    }
  };
  const languages = [...new Set(['nl', 'en', value.language])];
  return (
    <form className="card c-toolkit-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`}>{heading}</h3>
      <div className="c-toolkit-grid">
        <div className="field">
          <label htmlFor={`${idPrefix}-language`}>{t('snippets.language')}</label>
          <select id={`${idPrefix}-language`} value={value.language} onChange={(e) => set({ language: e.target.value })}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {t(`snippets.languages.${l}`, { defaultValue: l.toUpperCase() })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-topic`}>{t('snippets.topic')}</label>
          <input id={`${idPrefix}-topic`} type="text" required maxLength={snippetLimits.topicMax} value={value.topic} onChange={(e) => set({ topic: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-name`}>{t('snippets.titleField')}</label>
          <input id={`${idPrefix}-name`} type="text" required maxLength={snippetLimits.titleMax} value={value.title} onChange={(e) => set({ title: e.target.value })} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-body`}>{t('snippets.body')}</label>
        <textarea id={`${idPrefix}-body`} rows={4} required maxLength={snippetLimits.bodyMax} value={value.body} onChange={(e) => set({ body: e.target.value })} />
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="c-row">
        <button type="submit" className="btn btn-small" disabled={busy}>
          {t('snippets.save')}
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={onCancel}>
          {t('toolkit.cancel')}
        </button>
      </div>
    </form>
  );
}
