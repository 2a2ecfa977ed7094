// The counsellors' mailbox ("Postvak"): letters waiting for an answer, oldest first. The list
// shows no content; reading a letter is a transcript access (audited on the server). She takes
// one, answers, and the answered letter moves to her coding list like an ended chat.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterDto, LetterSummaryDto } from '../../../src/protocol/mailboxApi.js';
import { dateTimeMinutes } from '../../common/time.js';
import { api, errorKey } from '../api.js';

/** onCount: told the number of waiting letters after every load, for the count on the Postvak tab. */
export function MailboxPage({ onCount }: { onCount?: (count: number) => void }) {
  const { t, i18n } = useTranslation();
  const [letters, setLetters] = useState<LetterSummaryDto[] | null>(null);
  const [open, setOpen] = useState<LetterDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const list = (await api<{ letters: LetterSummaryDto[] }>('GET', '/api/mailbox')).letters;
      setLetters(list);
      onCount?.(list.length);
    } catch (e) {
      setError(errorKey(e));
    }
  }, [onCount]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<void>) => {
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setError(errorKey(e));
    }
    await load();
  };
  const read = (id: string) => act(async () => setOpen((await api<{ letter: LetterDto }>('GET', `/api/mailbox/${id}`)).letter));
  const claim = (id: string) =>
    act(async () => {
      await api('POST', `/api/mailbox/${id}/claim`);
      setOpen((await api<{ letter: LetterDto }>('GET', `/api/mailbox/${id}`)).letter);
    });

  return (
    <main className="c-main c-mailbox">
      <h1>{t('mailboxDesk.title')}</h1>
      <p>{t('mailboxDesk.intro')}</p>
      <div role="status">
        {notice && <p className="notice">{notice}</p>}
        {error && <p className="error-text">{t(error)}</p>}
      </div>
      {open ? (
        <OpenLetter
          letter={open}
          onClose={() => setOpen(null)}
          onAnswered={() => {
            setOpen(null);
            setNotice(t('mailboxDesk.sent'));
            void load();
          }}
          onReleased={() => act(async () => {
            await api('POST', `/api/mailbox/${open.id}/release`);
            setOpen(null);
          })}
        />
      ) : (
        <>
          <p>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => void load()}>
              {t('mailboxDesk.refresh')}
            </button>
          </p>
          {letters && letters.length === 0 && <p>{t('mailboxDesk.empty')}</p>}
          {letters && letters.length > 0 && (
            <table className="c-table">
              <thead>
                <tr>
                  <th scope="col">{t('mailboxDesk.received')}</th>
                  <th scope="col">{t('mailboxDesk.language')}</th>
                  <th scope="col">{t('mailboxDesk.status')}</th>
                  <th scope="col">{t('mailboxDesk.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {letters.map((l) => (
                  <tr key={l.id} data-letter={l.id}>
                    <td>{dateTimeMinutes(l.createdAt, i18n.language)}</td>
                    <td>{l.language}</td>
                    <td>{l.status === 'letter_open' ? t('mailboxDesk.open') : l.claimedByMe ? t('mailboxDesk.claimedByMe') : t('mailboxDesk.claimedBy', { name: l.claimedBy ?? '?' })}</td>
                    <td>
                      {l.status === 'letter_open' && (
                        <button type="button" className="btn btn-small" onClick={() => void claim(l.id)}>
                          {t('mailboxDesk.claim')}
                        </button>
                      )}{' '}
                      {(l.status === 'letter_open' || l.claimedByMe) && (
                        <button type="button" className="btn btn-secondary btn-small" onClick={() => void read(l.id)}>
                          {t('mailboxDesk.read')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </main>
  );
}

function OpenLetter({ letter, onClose, onAnswered, onReleased }: { letter: LetterDto; onClose: () => void; onAnswered: () => void; onReleased: () => void }) {
  const { t, i18n } = useTranslation();
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hers = letter.messages.filter((m) => m.sender === 'visitor');
  const mine = letter.status === 'letter_claimed' && letter.claimedByMe;

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (answer.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/api/mailbox/${letter.id}/reply`, { text: answer });
      onAnswered();
    } catch (err) {
      setError(errorKey(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card c-mail-letter" aria-labelledby="mail-letter-title">
      <h2 id="mail-letter-title">{t('mailboxDesk.letterTitle', { when: dateTimeMinutes(letter.createdAt, i18n.language) })}</h2>
      <p className="muted">{t('mailboxDesk.readAudited')}</p>
      <h3>{t('mailboxDesk.herLetter')}</h3>
      {hers.map((m, i) => (
        <p key={i} className="c-mail-letter-text">
          {m.body}
        </p>
      ))}
      {mine ? (
        <form onSubmit={(e) => void send(e)} noValidate>
          <div className="field">
            <label htmlFor="letter-answer">{t('mailboxDesk.answerLabel')}</label>
            <textarea id="letter-answer" rows={8} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} aria-describedby="letter-answer-hint" />
            <span id="letter-answer-hint" className="hint">
              {t('mailboxDesk.answerHint')}
            </span>
          </div>
          {error && (
            <p className="error-text" role="alert">
              {t(error)}
            </p>
          )}
          <button type="submit" className="btn" disabled={busy || answer.trim() === ''}>
            {t('mailboxDesk.send')}
          </button>{' '}
          <button type="button" className="btn btn-secondary" onClick={onReleased} disabled={busy}>
            {t('mailboxDesk.release')}
          </button>{' '}
          <button type="button" className="btn btn-secondary" onClick={onClose} disabled={busy}>
            {t('mailboxDesk.close')}
          </button>
        </form>
      ) : (
        <p>
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {t('mailboxDesk.close')}
          </button>
        </p>
      )}
    </section>
  );
}
