// Around an open chat: why it has its priority, what she answered before, whether she came
// back or was handed over; transfer with a handover note; notes, whispers and handovers.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../src/protocol/ack.js';
import type { CounsellorView, NoteView, StaffConversationView } from '../../../src/protocol/staffProtocol.js';
import { PlainText } from '../../common/PlainText.js';
import { clockTime } from '../../common/time.js';
import { PreChatAnswers, PriorityBadge, TriageReasons } from './triageView.js';

export function ChatMeta({ view, colleagues }: { view: StaffConversationView; colleagues: CounsellorView[] }) {
  const { t } = useTranslation();
  const handedBy = view.transferredFrom ? colleagues.find((c) => c.id === view.transferredFrom)?.displayName : undefined;
  return (
    <div className="c-meta">
      <div className="c-meta-flags">
        <PriorityBadge priority={view.priority} />
        {view.returningVisitor && <span className="c-flag-tag">{t('flags.returning')}</span>}
        {view.transferredFrom && <span className="c-flag-tag">{handedBy ? t('flags.handedOver', { name: handedBy }) : t('flags.handedOverUnknown')}</span>}
      </div>
      <details className="c-meta-details" open={view.priority === 'critical' || view.priority === 'high' || undefined}>
        <summary>
          {t('triage.reasonsTitle')} · {t('prechat.title')}
        </summary>
        <div className="c-meta-body">
          <TriageReasons reasons={view.reasons} />
          <PreChatAnswers preChat={view.preChat} />
        </div>
      </details>
    </div>
  );
}

export function TransferControl({
  conversationId,
  loadColleagues,
  onTransfer,
}: {
  conversationId: string;
  loadColleagues: () => Promise<CounsellorView[]>;
  onTransfer: (toCounsellorId: string | undefined, note: string) => Promise<ErrorCode | null>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [colleagues, setColleagues] = useState<CounsellorView[]>([]);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) void loadColleagues().then(setColleagues);
  }, [open, loadColleagues]);
  if (!open) {
    return (
      <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(true)}>
        {t('transfer.open')}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await onTransfer(to || undefined, note);
    setBusy(false);
    setError(result);
    if (!result) setOpen(false);
  };
  return (
    <form className="c-transfer card" onSubmit={(e) => void submit(e)} aria-labelledby={`transfer-${conversationId}`}>
      <h3 id={`transfer-${conversationId}`}>{t('transfer.title')}</h3>
      <div className="field">
        <label htmlFor={`transfer-to-${conversationId}`}>{t('transfer.to')}</label>
        <select id={`transfer-to-${conversationId}`} value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">{t('transfer.toQueue')}</option>
          {colleagues.map((c) => (
            <option key={c.id} value={c.id}>
              {t('transfer.colleague', { name: c.displayName, status: t(`presence.${c.status}`), load: c.activeCount, capacity: c.capacity })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`transfer-note-${conversationId}`}>{t('transfer.note')}</label>
        <textarea id={`transfer-note-${conversationId}`} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error && (
        <p className="error-text" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
      <div className="c-row">
        <button type="submit" className="btn btn-small" disabled={busy}>
          {t('transfer.submit')}
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(false)}>
          {t('transfer.cancel')}
        </button>
      </div>
    </form>
  );
}

export function NotesPanel({
  conversationId,
  notes,
  canWhisper,
  canNote = true,
  defaultKind = 'note',
  startOpen = false,
  onAdd,
}: {
  conversationId: string;
  notes: NoteView[];
  canWhisper: boolean;
  canNote?: boolean;
  defaultKind?: 'note' | 'whisper';
  startOpen?: boolean;
  onAdd: (kind: 'note' | 'whisper', body: string) => Promise<ErrorCode | null>;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState('');
  const [kind, setKind] = useState<'note' | 'whisper'>(canNote && !(canWhisper && defaultKind === 'whisper') ? 'note' : 'whisper');
  const [error, setError] = useState<ErrorCode | null>(null);
  const whispers = notes.filter((n) => n.kind === 'whisper').length;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    const result = await onAdd(kind, draft);
    setError(result);
    if (!result) setDraft('');
  };
  const inputId = `note-${conversationId}`;
  return (
    <details className="c-notes" open={startOpen || whispers > 0 || notes.some((n) => n.kind === 'handover') || undefined}>
      <summary>
        {t('notes.title')} <span className="c-count">({notes.length})</span>
      </summary>
      {notes.length === 0 ? (
        <p className="muted c-small">{t('notes.empty')}</p>
      ) : (
        <ul className="c-note-list" aria-live="polite">
          {notes.map((n) => (
            <li key={n.id} className={`c-note c-note-${n.kind}`} data-kind={n.kind}>
              <span className="c-note-kind">{t(`notes.kind.${n.kind}`)}</span>
              <span className="c-note-by muted"> · {t('notes.by', { author: n.author, time: clockTime(n.createdAt, i18n.language) })}</span>
              <PlainText text={n.body} className="c-note-body" />
            </li>
          ))}
        </ul>
      )}
      <form className="c-note-form" onSubmit={(e) => void submit(e)}>
        {canWhisper && canNote && (
          <fieldset className="c-note-kind-choice">
            <legend className="visually-hidden">{t('notes.add')}</legend>
            <label>
              <input type="radio" name={`kind-${conversationId}`} checked={kind === 'note'} onChange={() => setKind('note')} /> {t('notes.kind.note')}
            </label>
            <label>
              <input type="radio" name={`kind-${conversationId}`} checked={kind === 'whisper'} onChange={() => setKind('whisper')} /> {t('notes.whisper')}
            </label>
          </fieldset>
        )}
        <label htmlFor={inputId} className="c-small">
          {kind === 'whisper' ? t('notes.whisperLabel') : t('notes.label')}
        </label>
        <textarea id={inputId} rows={2} maxLength={2000} value={draft} onChange={(e) => setDraft(e.target.value)} />
        {error && (
          <p className="error-text" role="alert">
            {t(`errors.${error}`)}
          </p>
        )}
        <button type="submit" className="btn btn-small" disabled={!draft.trim()}>
          {kind === 'whisper' ? t('notes.whisper') : t('notes.add')}
        </button>
      </form>
    </details>
  );
}
