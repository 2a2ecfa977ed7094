// Beside the chat of a visitor with a return code: the case summary earlier counsellors kept
// (editable), her earlier chats (date, counsellor, coded topics), and an earlier transcript,
// opened only on purpose with a reason (the server records who opened which and why).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContinuityResponse, EarlierChatView, EarlierTranscriptResponse } from '../../../src/protocol/continuityApi.js';
import { caseSummaryMaxChars, earlierChatReasons, type EarlierChatReason } from '../../../src/protocol/caseworkLimits.js';
import { PlainText } from '../../common/PlainText.js';
import { MessageBody } from '../../common/MessageBody.js';
import { clockTime, dateTimeMinutes } from '../../common/time.js';
import { api, ApiError, errorKey } from '../api.js';

const day = (ms: number, language: string) => new Date(ms).toLocaleDateString(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium' });

export function ContinuityPanel({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<ContinuityResponse | null>(null);
  const load = useCallback(async () => setData(await api<ContinuityResponse>('GET', `/api/continuity/${conversationId}`)), [conversationId]);
  useEffect(() => {
    void load().catch(() => setData(null));
  }, [load]);
  if (!data || !data.canKeepSummary) return null;
  return (
    // Closed at first, like the notes: the chat itself keeps the room; the line says what is inside.
    <details className="c-notes c-continuity">
      <summary>
        {data.returning ? t('casework.continuity.title') : t('casework.continuity.titleNew')}
        {data.returning && ' '}
        {data.returning && <span className="c-count">({t('casework.continuity.contents', { count: data.earlierChats.length, summary: data.summary ? t('casework.continuity.withSummary') : '' })})</span>}
      </summary>
      <SummaryEditor conversationId={conversationId} data={data} onSaved={(summary) => setData({ ...data, summary })} onConflict={load} />
      {data.returning && <EarlierChats conversationId={conversationId} chats={data.earlierChats} />}
    </details>
  );
}

function SummaryEditor({ conversationId, data, onSaved, onConflict }: { conversationId: string; data: ContinuityResponse; onSaved: (s: ContinuityResponse['summary']) => void; onConflict: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const summary = data.summary;
  const inputId = `summary-${conversationId}`;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const res = await api<{ summary: ContinuityResponse['summary'] }>('PUT', `/api/continuity/${conversationId}/summary`, { body: draft, baseUpdatedAt: summary?.updatedAt ?? null });
      onSaved(res.summary);
      setEditing(false);
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict') {
        setError(t('casework.continuity.conflict'));
        setEditing(false);
        await onConflict();
      } else setError(t(errorKey(e)));
    }
  };
  return (
    <section className="c-summary" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`} className="c-small">
        {t('casework.continuity.summary')}
      </h3>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {editing ? (
        <form className="c-note-form" onSubmit={(e) => void save(e)}>
          <label htmlFor={inputId} className="c-small">
            {t('casework.continuity.summaryLabel')}
          </label>
          <textarea id={inputId} rows={4} maxLength={caseSummaryMaxChars} value={draft} onChange={(e) => setDraft(e.target.value)} />
          <div className="c-row">
            <button type="submit" className="btn btn-small" disabled={!draft.trim()}>
              {t('casework.continuity.save')}
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing(false)}>
              {t('casework.continuity.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {summary ? (
            <>
              <PlainText text={summary.body} className="c-note-body c-summary-body" />
              <span className="muted c-small">{t('casework.continuity.summaryBy', { name: summary.updatedByName, time: dateTimeMinutes(summary.updatedAt, i18n.language) })}</span>
            </>
          ) : (
            <p className="muted c-small">{t('casework.continuity.noSummary')}</p>
          )}
          <div>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => (setDraft(summary?.body ?? ''), setEditing(true))}>
              {summary ? t('casework.continuity.edit') : t('casework.continuity.write')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function EarlierChats({ conversationId, chats }: { conversationId: string; chats: EarlierChatView[] }) {
  const { t, i18n } = useTranslation();
  const [choosing, setChoosing] = useState<string | null>(null);
  const [transcript, setTranscript] = useState<EarlierTranscriptResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const open = async (earlierId: string, reason: EarlierChatReason) => {
    try {
      setTranscript(await api<EarlierTranscriptResponse>('POST', `/api/continuity/${conversationId}/earlier/${earlierId}`, { reason }));
      setChoosing(null);
      setError(null);
    } catch (e) {
      setError(t(errorKey(e)));
    }
  };
  return (
    <section aria-labelledby={`earlier-${conversationId}`}>
      <h3 id={`earlier-${conversationId}`} className="c-small">
        {t('casework.continuity.earlier')}
      </h3>
      {chats.length === 0 ? (
        <p className="muted c-small">{t('casework.continuity.noEarlier')}</p>
      ) : (
        <ul className="c-note-list c-earlier-list">
          {chats.map((c) => (
            <li key={c.id} className="c-note" data-earlier={c.id}>
              <span className="c-note-kind">{t('casework.continuity.earlierItem', { date: day(c.createdAt, i18n.language), name: c.counsellorName ?? t('casework.continuity.unknownCounsellor') })}</span>
              <span className="c-note-body">{c.topics.length > 0 ? c.topics.map((topic) => topic[lang]).join(', ') : <span className="muted">{t('casework.continuity.noTopics')}</span>}</span>
              {c.purged ? (
                <span className="muted c-small">{t('casework.continuity.deleted')}</span>
              ) : choosing === c.id ? (
                <ReasonForm id={`${conversationId}-${c.id}`} onOpen={(reason) => void open(c.id, reason)} onCancel={() => setChoosing(null)} />
              ) : (
                <button type="button" className="btn btn-quiet btn-small" onClick={() => setChoosing(c.id)}>
                  {t('casework.continuity.open')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {transcript && (
        <section className="c-earlier-transcript" aria-labelledby={`transcript-${transcript.conversationId}`}>
          <div className="c-row">
            <h4 id={`transcript-${transcript.conversationId}`} className="c-small">
              {t('casework.continuity.transcriptTitle', { date: day(transcript.createdAt, i18n.language) })}
            </h4>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setTranscript(null)}>
              {t('casework.continuity.closeTranscript')}
            </button>
          </div>
          {transcript.messages.length === 0 ? (
            <p className="muted c-small">{t('casework.continuity.emptyTranscript')}</p>
          ) : (
            <div className="c-earlier-messages" role="log" aria-label={t('casework.continuity.transcriptTitle', { date: day(transcript.createdAt, i18n.language) })} tabIndex={0}>
              {transcript.messages.map((m) => (
                <div key={m.seq} className={`c-msg c-msg-${m.sender}`}>
                  <span className="c-msg-who">
                    {m.sender === 'visitor' ? t('queue.anonymous') : m.sender === 'system' ? t('chat.system') : (m.senderName ?? '')}
                    <span className="c-msg-time"> · {clockTime(m.createdAt, i18n.language)}</span>
                  </span>
                  <MessageBody sender={m.sender} body={m.body} links={false} namespace="systemMessages" />
                </div>
              ))}
            </div>
          )}
        </section>
      )}
    </section>
  );
}

function ReasonForm({ id, onOpen, onCancel }: { id: string; onOpen: (reason: EarlierChatReason) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<EarlierChatReason | ''>('');
  return (
    <form
      className="c-note-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason) onOpen(reason);
      }}
    >
      <label htmlFor={`reason-${id}`} className="c-small">
        {t('casework.continuity.reasonLabel')}
      </label>
      <select id={`reason-${id}`} value={reason} onChange={(e) => setReason(e.target.value as EarlierChatReason)}>
        <option value="" disabled>
          —
        </option>
        {earlierChatReasons.map((r) => (
          <option key={r} value={r}>
            {t(`casework.continuity.reasons.${r}`)}
          </option>
        ))}
      </select>
      <div className="c-row">
        <button type="submit" className="btn btn-small" disabled={!reason}>
          {t('casework.continuity.confirmOpen')}
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={onCancel}>
          {t('casework.continuity.cancel')}
        </button>
      </div>
    </form>
  );
}
