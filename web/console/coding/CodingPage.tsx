// The counsellor's coding screen: chats to code (after they end, her nickname shortened) and her
// earlier codings to edit on the left, the form in the middle and the chat's transcript beside
// it. Supervisors also assign double coding and see kappa.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../src/protocol/staffApi.js';
import type { CodingFormResponse, CodingQueueResponse } from '../../../src/protocol/codingApi.js';
import { api, errorKey } from '../api.js';
import { CodingForm } from './CodingForm.js';
import { AgreementPanel } from './AgreementPanel.js';
import { CodingTranscript } from './CodingTranscript.js';

export function CodingPage({ me }: { me: MeResponse }) {
  const { t, i18n } = useTranslation();
  const [queue, setQueue] = useState<CodingQueueResponse | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [form, setForm] = useState<CodingFormResponse | null>(null);
  // The last save's confirmation; kept here because the form reloads after saving.
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const canAssign = me.permissions.includes('codings:assign');
  const date = (at: number | null) => (at === null ? '' : new Date(at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short' }));

  const reloadQueue = useCallback(async () => {
    try {
      setQueue(await api<CodingQueueResponse>('GET', '/api/codings/queue'));
    } catch (e) {
      setError(t(errorKey(e)));
    }
  }, [t]);

  const open = useCallback(
    async (conversationId: string, keepNotice = false) => {
      setSelected(conversationId);
      setError(null);
      if (!keepNotice) setNotice(null);
      try {
        setForm(await api<CodingFormResponse>('GET', `/api/codings/${encodeURIComponent(conversationId)}/form`));
        setFormKey((k) => k + 1);
      } catch (e) {
        setForm(null);
        setError(t(errorKey(e)));
      }
    },
    [t],
  );

  useEffect(() => {
    void reloadQueue();
  }, [reloadQueue]);

  return (
    <main className="c-main c-coding">
      <h1>{t('coding.title')}</h1>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="c-coding-grid">
        <nav className="c-coding-side" aria-label={t('coding.title')}>
          <section className="card c-section" aria-labelledby="to-code-title">
            <h2 id="to-code-title">
              {t('coding.toCode')} <span className="c-count">({queue?.awaiting.length ?? 0})</span>
            </h2>
            {queue && queue.awaiting.length === 0 && <p className="muted">{t('coding.toCodeEmpty')}</p>}
            <ul className="c-chat-list">
              {queue?.awaiting.map((item) => {
                const name = item.nickname ?? t('coding.anonymous');
                return (
                  <li key={`${item.kind}-${item.conversationId}`}>
                    <button type="button" className="c-chat-tab" aria-current={selected === item.conversationId ? 'true' : undefined} onClick={() => void open(item.conversationId)}>
                      <span className="c-chat-tab-name">{t(item.kind === 'second' ? 'coding.openSecond' : 'coding.open', { name })}</span>
                      {item.endedAt !== null && <span className="c-small muted">{t('coding.ended', { time: date(item.endedAt) })}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
          <section className="card c-section" aria-labelledby="recent-title">
            <h2 id="recent-title">{t('coding.recent')}</h2>
            {queue && queue.recent.length === 0 && <p className="muted">{t('coding.recentEmpty')}</p>}
            <ul className="c-chat-list">
              {queue?.recent.map((item) => (
                <li key={item.conversationId}>
                  <button type="button" className="c-chat-tab" aria-current={selected === item.conversationId ? 'true' : undefined} onClick={() => void open(item.conversationId)}>
                    <span className="c-chat-tab-name">{t('coding.edit', { date: date(item.updatedAt) })}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </nav>
        <section className="card c-coding-panel" aria-label={t('coding.title')}>
          <p role="status" className="c-coding-notice">
            {notice}
          </p>
          {form ? (
            <div className="c-coding-work">
              <CodingForm
                key={formKey}
                form={form}
                showReferrals={me.permissions.includes('toolkit:read')}
                onSaved={(_result, text) => {
                  setNotice(text);
                  void reloadQueue();
                  if (selected) void open(selected, true);
                }}
              />
              <CodingTranscript conversationId={form.conversation.id} />
            </div>
          ) : (
            <p className="muted">{t('coding.pick')}</p>
          )}
        </section>
      </div>
      {canAssign && <AgreementPanel />}
    </main>
  );
}
