// Supervisors and administrators keep the referral directory: add, change (and clear "check
// before use" once verified), remove, and move it as a JSON file. Each change is audited.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryEntry, DirectoryImportResponse } from '../../../src/protocol/toolkitApi.js';
import type { DirectoryContentInput } from '../../../src/domain/toolkit/directoryEntry.js';
import { directoryFileMaxChars } from '../../../src/domain/toolkit/directoryFile.js';
import { api, ApiError, download, errorKey } from '../api.js';
import { DirectoryEntryView } from './DirectoryEntryView.js';
import { loadToolkit, useDirectory } from './toolkitData.js';

/** The form's fields as text, as typed. */
interface Draft {
  name: string;
  whatNl: string;
  whatEn: string;
  ageMin: string;
  ageMax: string;
  region: string;
  languages: string;
  phone: string;
  website: string;
  chat: string;
  hoursNl: string;
  hoursEn: string;
  referralCodes: string;
  checkBeforeUse: boolean;
}

const blank: Draft = { name: '', whatNl: '', whatEn: '', ageMin: '', ageMax: '', region: '', languages: 'nl', phone: '', website: '', chat: '', hoursNl: '', hoursEn: '', referralCodes: '', checkBeforeUse: false };

function toDraft(e: DirectoryEntry): Draft {
  return {
    name: e.name,
    whatNl: e.what.nl,
    whatEn: e.what.en,
    ageMin: e.forWhom.ageMin === null ? '' : String(e.forWhom.ageMin),
    ageMax: e.forWhom.ageMax === null ? '' : String(e.forWhom.ageMax),
    region: e.forWhom.region,
    languages: e.forWhom.languages.join(', '),
    phone: e.contact.phone ?? '',
    website: e.contact.website ?? '',
    chat: e.contact.chat ?? '',
    hoursNl: e.hours.nl,
    hoursEn: e.hours.en,
    referralCodes: e.referralCodes.join(', '),
    checkBeforeUse: e.checkBeforeUse,
  };
}

/** The form field a server problem is about (its path in the request), for a message she can act on. */
const fieldOfIssue: Record<string, string> = {
  name: 'name',
  'what.nl': 'whatNl',
  'what.en': 'whatEn',
  'forWhom.ageMin': 'ageMin',
  'forWhom.ageMax': 'ageMax',
  'forWhom.region': 'region',
  'contact.phone': 'phone',
  'contact.website': 'website',
  'contact.chat': 'chat',
  'hours.nl': 'hoursNl',
  'hours.en': 'hoursEn',
};
for (let i = 0; i < 20; i++) fieldOfIssue[`forWhom.languages.${i}`] = 'languagesField';
for (let i = 0; i < 10; i++) fieldOfIssue[`referralCodes.${i}`] = 'referralCodes';

const list = (text: string) => text.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
const age = (text: string) => (text.trim() === '' ? null : Number(text));
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

function toContent(d: Draft): DirectoryContentInput {
  return {
    name: d.name,
    what: { nl: d.whatNl, en: d.whatEn },
    forWhom: { ageMin: age(d.ageMin), ageMax: age(d.ageMax), region: d.region, languages: list(d.languages) },
    contact: { phone: orNull(d.phone), website: orNull(d.website), chat: orNull(d.chat) },
    hours: { nl: d.hoursNl, en: d.hoursEn },
    referralCodes: list(d.referralCodes),
    checkBeforeUse: d.checkBeforeUse,
  };
}

export function DirectoryAdmin({ onNotice }: { onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const { data: entries, failed } = useDirectory();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const done = async (text: string) => {
    await loadToolkit('directory', true);
    setEditing(null);
    setRemoving(null);
    onNotice(text);
  };
  return (
    <section className="c-section" aria-labelledby="directory-title">
      <h2 id="directory-title">{t('directory.title')}</h2>
      {failed && !entries && <p className="error-text">{t('toolkit.loadFailed')}</p>}
      <DirectoryFile onImported={(text) => void done(text)} />
      {editing === 'new' ? (
        <EntryForm idPrefix="entry-new" initial={blank} heading={t('directory.add')} onCancel={() => setEditing(null)} onSaved={() => void done(t('toolkit.saved'))} />
      ) : (
        <button type="button" className="btn btn-small c-toolkit-form" onClick={() => setEditing('new')}>
          {t('directory.add')}
        </button>
      )}
      <ul className="c-dir-list">
        {entries?.map((e) => (
          <li key={e.id}>
            {editing === e.id ? (
              <EntryForm idPrefix={`entry-${e.id}`} initial={toDraft(e)} entryId={e.id} heading={t('directory.editTitle')} onCancel={() => setEditing(null)} onSaved={() => void done(t('toolkit.saved'))} />
            ) : (
              <DirectoryEntryView
                entry={e}
                idPrefix="admin-dir"
                actions={
                  removing === e.id ? (
                    <>
                      <span className="c-confirm-text">{t('toolkit.removeConfirm', { name: e.name })}</span>
                      <button
                        type="button"
                        className="btn btn-danger btn-small"
                        onClick={() => void api('DELETE', `/api/directory/${encodeURIComponent(e.id)}`).then(() => done(t('toolkit.removed')))}
                      >
                        {t('toolkit.removeYes')}
                      </button>
                      <button type="button" className="btn btn-secondary btn-small" onClick={() => setRemoving(null)}>
                        {t('toolkit.cancel')}
                      </button>
                    </>
                  ) : (
                    <>
                      <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing(e.id)} aria-label={`${t('toolkit.edit')}: ${e.name}`}>
                        {t('toolkit.edit')}
                      </button>
                      <button type="button" className="btn btn-secondary btn-small" onClick={() => setRemoving(e.id)} aria-label={`${t('toolkit.remove')}: ${e.name}`}>
                        {t('toolkit.remove')}
                      </button>
                    </>
                  )
                }
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function DirectoryFile({ onImported }: { onImported: (text: string) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<{ text: string; issues: { path: string; message: string }[] } | null>(null);
  const read = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    setProblem(null);
    if (file.size > directoryFileMaxChars * 4) return setProblem({ text: t('directory.importTooLarge'), issues: [] });
    try {
      const result = await api<DirectoryImportResponse>('POST', '/api/directory/import', { content: await file.text() });
      onImported(t('directory.importDone', { added: result.added, updated: result.updated }));
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) setProblem({ text: t('directory.importRefused'), issues: error.issues });
      else setProblem({ text: t(errorKey(error)), issues: [] });
    }
  };
  return (
    <div className="card c-toolkit-form">
      <h3>{t('directory.exportTitle')}</h3>
      <p className="c-small">{t('directory.exportIntro')}</p>
      <div className="c-row">
        <button type="button" className="btn btn-secondary btn-small" onClick={() => void download('/api/directory/export').catch((e: unknown) => setProblem({ text: t(errorKey(e)), issues: [] }))}>
          {t('directory.exportButton')}
        </button>
      </div>
      <div className="field">
        <label htmlFor="directory-import">{t('directory.importLabel')}</label>
        <input id="directory-import" type="file" accept="application/json,.json" onChange={(e) => void read(e)} />
      </div>
      {problem && (
        <div role="alert" className="error-text">
          <p>{problem.text}</p>
          {problem.issues.length > 0 && (
            <ul className="c-issues">
              {problem.issues.map((i, n) => (
                <li key={n}>
                  {i.path ? `${i.path}: ` : ''}
                  {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function EntryForm({ idPrefix, initial, entryId, heading, onCancel, onSaved }: { idPrefix: string; initial: Draft; entryId?: string; heading: string; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (entryId) await api('PUT', `/api/directory/${encodeURIComponent(entryId)}`, toContent(draft));
      else await api('POST', '/api/directory', toContent(draft));
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError && e.issues.length > 0 ? t('toolkit.checkFields', { fields: [...new Set(e.issues.map((i) => t(`directory.${fieldOfIssue[i.path] ?? 'name'}`)))].join(', ') }) : t(errorKey(e)));
    } finally {
      setBusy(false);
    }
  };
  const text = (key: Exclude<keyof Draft, 'checkBeforeUse'>, label: string, options: { multiline?: boolean; type?: string } = {}) => (
    <div className="field">
      <label htmlFor={`${idPrefix}-${key}`}>{label}</label>
      {options.multiline ? (
        <textarea id={`${idPrefix}-${key}`} rows={3} value={draft[key]} onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))} />
      ) : (
        <input id={`${idPrefix}-${key}`} type={options.type ?? 'text'} value={draft[key]} onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))} />
      )}
    </div>
  );
  return (
    <form className="card c-toolkit-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`}>{heading}</h3>
      {text('name', t('directory.name'))}
      <div className="c-toolkit-grid">
        {text('whatNl', t('directory.whatNl'), { multiline: true })}
        {text('whatEn', t('directory.whatEn'), { multiline: true })}
        {text('ageMin', t('directory.ageMin'), { type: 'number' })}
        {text('ageMax', t('directory.ageMax'), { type: 'number' })}
        {text('region', t('directory.region'))}
        {text('languages', t('directory.languagesField'))}
        {text('phone', t('directory.phone'))}
        {text('website', t('directory.website'))}
        {text('chat', t('directory.chat'))}
        {text('hoursNl', t('directory.hoursNl'))}
        {text('hoursEn', t('directory.hoursEn'))}
        {text('referralCodes', t('directory.referralCodes'))}
      </div>
      <label className="c-check">
        <input type="checkbox" checked={draft.checkBeforeUse} onChange={(e) => setDraft((d) => ({ ...d, checkBeforeUse: e.target.checked }))} /> {t('directory.checkField')}
      </label>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="c-row">
        <button type="submit" className="btn btn-small" disabled={busy}>
          {t('directory.save')}
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={onCancel}>
          {t('toolkit.cancel')}
        </button>
      </div>
    </form>
  );
}
