// The anonymous mailbox, loaded only when she opens it (it stays out of the first page load).
// She writes a letter and gets a return code, or reads answers with her code. Nothing is ever
// sent to her: the page says when to come back and look.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../src/protocol/limits.js';
import type { LeaveLetterResponse, ReadLettersResponse } from '../../../src/protocol/mailboxApi.js';
import { ReturnCodeInput } from '../ReturnCodeInput.js';
import { formatOpening } from '../serviceStatus.js';
import { useFocusOnMount } from '../useFocusOnMount.js';
import type { VisitorLanguage } from '../../../src/protocol/languageInfo.js';

export type MailboxMode = 'write' | 'read';
type Failure = 'unknown' | 'tooOften' | 'failed' | 'blocked' | 'tooLong' | 'empty';
const failureByStatus: Record<number, Failure> = { 403: 'blocked', 404: 'unknown', 429: 'tooOften' };

async function post<T>(path: string, body: unknown): Promise<{ ok: true; body: T } | { ok: false; failure: Failure }> {
  try {
    const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), cache: 'no-store', credentials: 'omit' });
    if (res.ok) return { ok: true, body: (await res.json()) as T };
    return { ok: false, failure: failureByStatus[res.status] ?? 'failed' };
  } catch {
    return { ok: false, failure: 'failed' };
  }
}

/** returnCode: the code she already has (from the chat she left to write), filled in for her. */
export default function MailboxScreen({ mode, language, returnCode, onMode, onBack }: { mode: MailboxMode; language: VisitorLanguage; returnCode?: string | null; onMode: (mode: MailboxMode) => void; onBack: () => void }) {
  return mode === 'write' ? <WriteLetter language={language} initialCode={returnCode ?? ''} onRead={() => onMode('read')} onBack={onBack} /> : <ReadAnswers onBack={onBack} />;
}

function WriteLetter({ language, initialCode, onRead, onBack }: { language: VisitorLanguage; initialCode: string; onRead: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [text, setText] = useState('');
  const [code, setCode] = useState(initialCode);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [sent, setSent] = useState<LeaveLetterResponse | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') return setFailure('empty');
    if ([...trimmed].length > limits.messageMaxChars) return setFailure('tooLong');
    setBusy(true);
    setFailure(null);
    const result = await post<LeaveLetterResponse>('/api/visitor/mailbox/letters', { text: trimmed, language, ...(code.trim() ? { returnCode: code.trim() } : {}) });
    setBusy(false);
    if (result.ok) {
      setSent(result.body);
      setText('');
    } else setFailure(result.failure);
  };

  if (sent) return <LetterSent sent={sent} onRead={onRead} onBack={onBack} />;
  return (
    <main className="v-main v-mailbox" data-screen="mailbox-write">
      <h1 ref={heading} tabIndex={-1}>
        {t('mailbox.writeTitle')}
      </h1>
      <p>{t('mailbox.writeIntro')}</p>
      <p className="notice">{t('mailbox.noPhone')}</p>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="letter-text">{t('mailbox.textLabel')}</label>
          <textarea id="letter-text" rows={8} value={text} onChange={(e) => setText(e.currentTarget.value)} aria-describedby="letter-hint" aria-invalid={failure === 'empty' || failure === 'tooLong' ? true : undefined} />
          <span id="letter-hint" className="hint">
            {t('mailbox.textHint')}
          </span>
        </div>
        <details className="v-code-entry" open={code !== '' || undefined}>
          <summary>{t('mailbox.haveCode')}</summary>
          <div className="field">
            <label htmlFor="letter-code">{t('mailbox.codeLabel')}</label>
            <ReturnCodeInput id="letter-code" value={code} onChange={setCode} describedBy="letter-code-hint" />
            <span id="letter-code-hint" className="hint">
              {t('mailbox.haveCodeHint')}
            </span>
          </div>
        </details>
        <div role="status">{failure && <p className="error-text">{t(`mailbox.${failure}`, { max: limits.messageMaxChars })}</p>}</div>
        <button type="submit" className="btn" disabled={busy} aria-busy={busy}>
          {busy ? t('mailbox.sending') : t('mailbox.send')}
        </button>
      </form>
      <p>
        <button type="button" className="btn btn-secondary" onClick={onBack}>
          {t('mailbox.back')}
        </button>
      </p>
    </main>
  );
}

function LetterSent({ sent, onRead, onBack }: { sent: LeaveLetterResponse; onRead: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <main className="v-main v-mailbox" data-screen="mailbox-sent">
      <h1 ref={heading} tabIndex={-1}>
        {t('mailbox.sentTitle')}
      </h1>
      {sent.returnCode ? (
        <div className="v-code-panel" role="region" aria-labelledby="letter-code-title">
          <h2 id="letter-code-title">{t('mailbox.newCodeTitle')}</h2>
          <p className="v-code" data-code={sent.returnCode} aria-label={sent.returnCode.split('').join(' ')}>
            {sent.returnCode}
          </p>
          <p>{t('mailbox.newCodeExplain')}</p>
        </div>
      ) : (
        <p>{t('mailbox.sentWithOwnCode')}</p>
      )}
      <p className="notice v-answer-within">
        <strong>{t('mailbox.answerWithin', { count: sent.answerWithinDays })}</strong>
      </p>
      <p className="muted">{t('mailbox.noPhone')}</p>
      <div className="v-actions">
        <button type="button" className="btn btn-secondary" onClick={onRead}>
          {t('mailbox.read')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onBack}>
          {t('mailbox.back')}
        </button>
      </div>
    </main>
  );
}

function ReadAnswers({ onBack }: { onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [found, setFound] = useState<ReadLettersResponse | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (code.trim() === '') return;
    setBusy(true);
    setFailure(null);
    setFound(null);
    const result = await post<ReadLettersResponse>('/api/visitor/mailbox/read', { returnCode: code.trim() });
    setBusy(false);
    if (result.ok) setFound(result.body);
    else setFailure(result.failure);
  };

  return (
    <main className="v-main v-mailbox" data-screen="mailbox-read">
      <h1 ref={heading} tabIndex={-1}>
        {t('mailbox.readTitle')}
      </h1>
      <p>{t('mailbox.readIntro')}</p>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="read-code">{t('mailbox.codeLabel')}</label>
          <ReturnCodeInput id="read-code" value={code} onChange={setCode} />
        </div>
        <button type="submit" className="btn" disabled={busy || code.trim() === ''} aria-busy={busy}>
          {busy ? t('mailbox.sending') : t('mailbox.show')}
        </button>
        <div role="status">{failure && <p className="error-text">{t(`mailbox.${failure}`)}</p>}</div>
      </form>
      {found && (
        <section aria-label={t('mailbox.readTitle')} className="v-letters">
          {found.letters.length === 0 && <p>{t('mailbox.none')}</p>}
          {found.letters.map((letter) => (
            <article key={letter.id} className="card v-letter">
              <h2>{t('mailbox.yourLetter')}</h2>
              <p className="muted">{t('mailbox.sentAt', { when: formatOpening(letter.sentAt, i18n.language) })}</p>
              <p className="v-letter-text">{letter.text}</p>
              {letter.answer ? (
                <div className="v-letter-answer">
                  <h3>{t('mailbox.ourAnswer')}</h3>
                  <p className="muted">{t('mailbox.answeredAt', { when: formatOpening(letter.answer.at, i18n.language) })}</p>
                  <p className="v-letter-text">{letter.answer.text}</p>
                </div>
              ) : (
                <p className="notice">{t('mailbox.notYet', { count: found.answerWithinDays })}</p>
              )}
            </article>
          ))}
        </section>
      )}
      <p>
        <button type="button" className="btn btn-secondary" onClick={onBack}>
          {t('mailbox.back')}
        </button>
      </p>
    </main>
  );
}
