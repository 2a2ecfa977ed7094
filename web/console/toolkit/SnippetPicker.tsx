// The snippet picker in the chat's message box: `/` at the start opens a list filtered as she
// types; arrow keys move through it, Enter (or a click) puts the chosen text INTO the box for
// her to edit, Escape closes it. Nothing is ever sent from here. Focus stays in the text box
// and the list is tied to it with aria-controls and aria-activedescendant (a textarea may not
// take the combobox role, so its count and keys are said in a status line).
import { useEffect, useMemo, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { matchSnippets, slashQuery } from '../../../src/domain/toolkit/snippetSearch.js';
import type { Snippet } from '../../../src/protocol/toolkitApi.js';
import { api } from '../api.js';
import { loadToolkit, useSnippets } from './toolkitData.js';

interface PickerOptions {
  draft: string;
  setDraft: (text: string) => void;
  composerRef: RefObject<HTMLTextAreaElement | null>;
  /** The chat's language: its snippets come first. */
  language: string;
  idPrefix: string;
}

export interface SnippetPicker {
  /** Handles the key if the list is open; true when it did (the caller then does nothing else). */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  inputProps: { 'aria-autocomplete': 'list'; 'aria-controls'?: string; 'aria-activedescendant'?: string };
  list: ReactNode;
  status: ReactNode;
}

export function useSnippetPicker({ draft, setDraft, composerRef, language, idPrefix }: PickerOptions): SnippetPicker {
  const { t } = useTranslation();
  const { data: snippets } = useSnippets();
  const query = slashQuery(draft);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [said, setSaid] = useState('');
  const open = query !== null && dismissed !== draft && snippets !== undefined;
  const options = useMemo(() => (open && snippets ? matchSnippets(snippets, query ?? '', language) : []), [open, snippets, query, language]);
  const listId = `${idPrefix}-snippets`;
  const optionId = (index: number) => `${listId}-${index}`;

  useEffect(() => setActive(0), [query]);
  // A slash typed after a while fetches the list again: a supervisor may have changed it.
  const searching = query !== null;
  useEffect(() => {
    if (searching) void loadToolkit('snippets');
  }, [searching]);

  const choose = (snippet: Snippet) => {
    setDraft(snippet.body);
    setSaid(t('snippets.inserted'));
    void api('POST', `/api/snippets/${encodeURIComponent(snippet.id)}/used`).catch(() => undefined);
    requestAnimationFrame(() => {
      const box = composerRef.current;
      if (!box) return;
      box.focus();
      box.setSelectionRange(box.value.length, box.value.length);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    if (event.key === 'Escape') {
      event.preventDefault();
      setDismissed(draft);
      return true;
    }
    // A search that found nothing is not a message: Enter must not send "/veilg" to her.
    // Escape first, and Enter sends the text as it stands.
    if (options.length === 0) {
      if (event.key !== 'Enter' || event.shiftKey) return false;
      event.preventDefault();
      return true;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + options.length) % options.length);
      return true;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      choose(options[Math.min(active, options.length - 1)]!);
      return true;
    }
    return false;
  };

  const shown = open && options.length > 0;
  const list = open ? (
    <div className="c-snippet-picker">
      {shown ? (
        <ul role="listbox" id={listId} aria-label={t('snippets.pickerLabel')} className="c-snippet-list">
          {options.map((s, i) => (
            <li
              key={s.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="c-snippet-option"
              // Keep focus in the text box; the click chooses.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(s)}
            >
              <span className="c-snippet-head">
                <strong>{s.title}</strong> <span className="c-tag">{s.language.toUpperCase()}</span> <span className="muted c-small">{s.topic}</span>
              </span>
              <span className="c-snippet-preview">{s.body}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted c-small c-snippet-empty">{t('snippets.noneFound')}</p>
      )}
    </div>
  ) : null;
  const status = (
    <p className="visually-hidden" role="status">
      {open ? (options.length > 0 ? t('snippets.found', { count: options.length }) : t('snippets.noneFound')) : said}
    </p>
  );
  return {
    onKeyDown,
    inputProps: shown ? { 'aria-autocomplete': 'list', 'aria-controls': listId, 'aria-activedescendant': optionId(Math.min(active, options.length - 1)) } : { 'aria-autocomplete': 'list' },
    list,
    status,
  };
}
