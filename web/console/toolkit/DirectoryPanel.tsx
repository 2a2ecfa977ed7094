// The referral directory beside a chat: search it, and put an organisation's card (name, what,
// how to reach, when) into the message box in the chat's language. Never sent from here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directoryCard, searchDirectory } from '../../../src/domain/toolkit/directoryCard.js';
import { DirectoryEntryView } from './DirectoryEntryView.js';
import { loadToolkit, useDirectory } from './toolkitData.js';

export function DirectoryPanel({ conversationId, language, onCard }: { conversationId: string; language: string; onCard: (text: string) => void }) {
  const { t } = useTranslation();
  const { data: entries, failed } = useDirectory();
  const [query, setQuery] = useState('');
  const [said, setSaid] = useState('');
  const found = entries ? searchDirectory(entries, query) : [];
  const searchId = `dir-search-${conversationId}`;
  return (
    <details
      className="c-notes c-directory"
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) void loadToolkit('directory');
      }}
    >
      <summary>{t('directory.open')}</summary>
      <div className="field c-dir-search">
        <label htmlFor={searchId}>{t('directory.search')}</label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {failed && !entries && <p className="error-text">{t('toolkit.loadFailed')}</p>}
      <p className="visually-hidden" role="status">
        {said}
      </p>
      {entries && found.length === 0 && <p className="muted c-small">{t('directory.none')}</p>}
      <ul className="c-dir-list">
        {found.map((entry) => (
          <li key={entry.id}>
            <DirectoryEntryView
              entry={entry}
              idPrefix={`dir-${conversationId}`}
              actions={
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  aria-describedby={`dir-${conversationId}-${entry.id}`}
                  onClick={() => {
                    const labels = { phone: t('directory.card.phone', { lng: language }), website: t('directory.card.website', { lng: language }), chat: t('directory.card.chat', { lng: language }), hours: t('directory.card.hours', { lng: language }) };
                    onCard(directoryCard(entry, language, labels));
                    setSaid(t('directory.inserted', { name: entry.name }));
                  }}
                >
                  {t('directory.toComposer')}
                </button>
              }
            />
          </li>
        ))}
      </ul>
    </details>
  );
}
