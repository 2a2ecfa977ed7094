import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../src/protocol/limits.js';
import { visibleLength } from '../../src/protocol/visibleText.js';
import type { ErrorCode } from '../../src/protocol/ack.js';
import { PlainText } from '../common/PlainText.js';
import { MessageBody } from '../common/MessageBody.js';
import { clockTime } from '../common/time.js';
import type { VisitorChat, VisitorState } from './chatClient.js';
import { useFocusOnMount } from './useFocusOnMount.js';
import { WaitingStatus } from './WaitingStatus.js';
import { ReturnCodePanel } from './ReturnCodePanel.js';

const warnFrom = limits.messageMaxChars - 400;

/** onLeaveLetter: she stopped waiting to write a letter instead; her return code, if she has one. */
export function ChatScreen({ chat, state, clickableLinks, onLeaveLetter }: { chat: VisitorChat; state: VisitorState; clickableLinks: boolean; onLeaveLetter: (returnCode: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState('');
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [confirmLetter, setConfirmLetter] = useState(false);
  const [endError, setEndError] = useState<ErrorCode | null>(null);
  const [codeError, setCodeError] = useState<ErrorCode | null>(null);
  const [codeBusy, setCodeBusy] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const conversation = state.conversation;
  const waiting = !conversation || conversation.status === 'waiting' || conversation.status === 'offered';
  const counsellorName = conversation?.counsellorName ?? null;

  // Counted as the server counts: characters as a person sees them.
  const length = visibleLength(draft.replace(/\r\n?/g, '\n').trim());
  const over = length - limits.messageMaxChars;
  const tooLong = over > 0;

  useLayoutEffect(() => {
    const el = listRef.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [state.sync.log, state.counsellorTyping]);

  useEffect(() => () => chat.setTyping(false), [chat]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!length || tooLong || state.phase !== 'open') return;
    chat.send(draft);
    setDraft('');
    stickToBottom.current = true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const getCode = async () => {
    setCodeBusy(true);
    setCodeError(await chat.createReturnCode());
    setCodeBusy(false);
  };

  const end = async () => {
    setEndError(await chat.end());
    setConfirmEnd(false);
  };

  // Her place in the queue ends only once she said yes; then the letter screen opens.
  const leaveLetter = async () => {
    const code = chat.knownReturnCode();
    const error = await chat.end();
    setEndError(error);
    setConfirmLetter(false);
    if (!error) onLeaveLetter(code);
  };

  return (
    <main className="v-chat">
      <div className="v-chat-status">
        <h1 ref={heading} tabIndex={-1} className="v-chat-title">
          {waiting && conversation?.handover ? t('waiting.handoverTitle') : waiting ? t('waiting.title') : counsellorName ? t('chat.with', { name: counsellorName }) : t('chat.withUnknown')}
        </h1>
        {waiting && (
          <div className="v-waiting" role="status">
            <span className="v-waiting-dots" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            {conversation?.handover ? <p>{t('waiting.handoverBody')}</p> : <WaitingStatus queue={state.queue} />}
            {!conversation?.handover && <p>{t('waiting.body')}</p>}
            {!state.dangerNow && (
              <p>
                <strong>{t('waiting.danger')}</strong>
              </p>
            )}
          </div>
        )}
        {waiting && !conversation?.handover && state.phase === 'open' && (
          <div className="v-wait-letter">
            {confirmLetter ? (
              <div role="group" aria-labelledby="wait-letter-confirm">
                <p id="wait-letter-confirm">{t('mailbox.waitConfirm')}</p>
                <div className="v-actions">
                  <button type="button" className="btn btn-small" onClick={() => void leaveLetter()}>
                    {t('mailbox.waitConfirmYes')}
                  </button>
                  <button type="button" className="btn btn-secondary btn-small" onClick={() => setConfirmLetter(false)}>
                    {t('mailbox.waitConfirmNo')}
                  </button>
                </div>
              </div>
            ) : (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => setConfirmLetter(true)}>
                {t('mailbox.waitLeave')}
              </button>
            )}
          </div>
        )}
        {waiting && state.dangerNow && (
          <div className="v-112 v-112-compact">
            <p>
              <strong>{t('prechat.dangerNow')}</strong>
            </p>
            <a className="btn btn-danger btn-small v-112-call" href="tel:112">
              {t('prechat.call112')}
            </a>
          </div>
        )}
        {state.codeUnknown && (
          <p className="notice notice-warn" role="status">
            {t('returnCode.unknown')}
          </p>
        )}
        {state.returnCode && <ReturnCodePanel code={state.returnCode} onDone={() => chat.hideReturnCode()} />}
        {codeError && (
          <p className="error-text" role="alert">
            {t(`errors.${codeError}`)}
          </p>
        )}
        {!state.online && state.phase === 'open' && (
          <p className="notice notice-warn" role="status">
            {t('chat.offline')}
          </p>
        )}
      </div>

      <div
        className="v-messages"
        ref={listRef}
        role="log"
        aria-label={t('chat.messagesLabel')}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {state.sync.log.stored.map((m) => (
          <div key={`s${m.seq}`} className={`v-msg v-msg-${m.sender === 'visitor' ? 'own' : m.sender}`} data-seq={m.seq}>
            {m.sender !== 'visitor' && (
              <span className="v-msg-who">{m.sender === 'counsellor' ? (m.senderName ?? t('chat.counsellor')) : t('chat.system')}</span>
            )}
            {m.sender === 'visitor' && <span className="visually-hidden">{t('chat.you')}: </span>}
            <MessageBody sender={m.sender} body={m.body} links={clickableLinks} namespace="system" className="v-msg-body" />
            <span className="v-msg-meta">
              {clockTime(m.createdAt, i18n.language)}
              {m.sender === 'visitor' && <> · {t('chat.sent')}</>}
            </span>
          </div>
        ))}
        {state.sync.log.pending.map((p) => {
          const failed = state.sync.failed[p.clientId];
          return (
            <div key={`p${p.clientId}`} className={failed ? 'v-msg v-msg-own v-msg-failed' : 'v-msg v-msg-own v-msg-pending'} data-pending="true">
              <span className="visually-hidden">{t('chat.you')}: </span>
              <PlainText text={p.body} className="v-msg-body" links={clickableLinks} />
              <span className="v-msg-meta">
                {failed ? (
                  <>
                    <span className="error-text">
                      {t('chat.failed')}: {t(`errors.${failed}`)}
                    </span>{' '}
                    <button type="button" className="btn btn-quiet btn-small" onClick={() => chat.retry(p.clientId)}>
                      {t('chat.retry')}
                    </button>
                  </>
                ) : (
                  t('chat.sending')
                )}
              </span>
            </div>
          );
        })}
      </div>

      <p className="v-typing" aria-live="polite">
        {state.counsellorTyping ? (counsellorName ? t('chat.typing', { name: counsellorName }) : t('chat.typingUnknown')) : ''}
      </p>

      <form className="v-composer" onSubmit={submit}>
        <label htmlFor="composer" className="visually-hidden">
          {t('chat.composerLabel')}
        </label>
        <textarea
          id="composer"
          // Her own script's direction as she types (Latin on an Arabic page, or the other way).
          dir="auto"
          rows={2}
          value={draft}
          placeholder={t('chat.composerPlaceholder')}
          autoComplete="off"
          aria-invalid={tooLong}
          aria-describedby="composer-hint"
          disabled={state.phase !== 'open'}
          onChange={(e) => {
            setDraft(e.target.value);
            chat.setTyping(e.target.value.trim().length > 0);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="btn v-send" disabled={!length || tooLong || state.phase !== 'open'}>
          {t('chat.send')}
        </button>
        <p id="composer-hint" className={tooLong ? 'v-hint error-text' : 'v-hint muted'} aria-live="polite">
          {tooLong
            ? t('chat.tooLong', { max: limits.messageMaxChars, over })
            : length >= warnFrom
              ? t('chat.charsLeft', { count: limits.messageMaxChars - length })
              : ''}
        </p>
      </form>

      <div className="v-end">
        {endError && (
          <p className="error-text" role="alert">
            {t(`errors.${endError}`)}
          </p>
        )}
        {confirmEnd ? (
          <div className="v-end-confirm" role="group" aria-label={t('chat.endConfirm')}>
            <p>{t('chat.endConfirm')}</p>
            <button type="button" className="btn btn-danger btn-small" onClick={() => void end()}>
              {t('chat.endYes')}
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setConfirmEnd(false)}>
              {t('chat.endNo')}
            </button>
          </div>
        ) : (
          <>
            {!state.returnCode && (
              <button
                type="button"
                className="btn btn-quiet btn-small"
                onClick={() => void getCode()}
                disabled={state.phase !== 'open' || codeBusy}
                aria-label={t('returnCode.getLong')}
              >
                {codeBusy ? t('returnCode.working') : t('returnCode.get')}
              </button>
            )}
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setConfirmEnd(true)} disabled={state.phase !== 'open'}>
              {t('chat.end')}
            </button>
          </>
        )}
      </div>
    </main>
  );
}
