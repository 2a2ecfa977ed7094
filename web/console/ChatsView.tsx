import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { MeResponse } from '../../src/protocol/staffApi.js';
import type { ErrorCode } from '../../src/protocol/ack.js';
import type { CounsellorView, DangerAlert } from '../../src/protocol/staffProtocol.js';
import { limits } from '../../src/protocol/limits.js';
import { visibleLength } from '../../src/protocol/visibleText.js';
import { PlainText } from '../common/PlainText.js';
import { useClickableLinks } from './publicConfig.js';
import { clockTime } from '../common/time.js';
import { ConsoleClient, type HeldChat } from './consoleClient.js';
import { Offers, QueuePanel, StatusBar } from './queue/QueuePanel.js';
import { MessageBody } from '../common/MessageBody.js';
import { SafetyControl } from './safety/SafetyControl.js';
import type { WarningReason } from '../../src/protocol/systemMessages.js';
import { ChatMeta, NotesPanel, TransferControl } from './queue/ChatExtras.js';
import { useReasonText } from './queue/triageView.js';
import { LanguageName } from './languages/LanguageName.js';
import { useNotices } from './notices/useNotices.js';
import { useShortcuts } from './notices/useShortcuts.js';
import { nextChatId, type ShortcutCommand } from './notices/shortcuts.js';
import { NoticeControls } from './notices/NoticeControls.js';
import { ShortcutHelp } from './notices/ShortcutHelp.js';
import { TranslatedMessage, translationOf } from './queue/TranslatedMessage.js';
import { useSnippetPicker } from './toolkit/SnippetPicker.js';
import { DirectoryPanel } from './toolkit/DirectoryPanel.js';
import { HandoverPanel } from './handovers/HandoverPanel.js';
import { ContinuityPanel } from './continuity/ContinuityPanel.js';

/** `inView`: the chats tab is the one open (the view stays mounted behind the others). */
export function ChatsView({ me, inView, onSessionEnded }: { me: MeResponse; inView: boolean; onSessionEnded: () => void }) {
  const { t } = useTranslation();
  const client = useMemo(() => new ConsoleClient(me.staff.id), [me.staff.id]);
  const state = useSyncExternalStore(client.subscribe, client.getState);
  useNotices(client, state, inView);
  const [helpOpen, setHelpOpen] = useState(false);
  /** Bumped by the end-chat shortcut: the open chat asks for confirmation. */
  const [endAsked, setEndAsked] = useState(0);
  const [shortcutError, setShortcutError] = useState<string | null>(null);
  const runShortcut = async (command: ShortcutCommand) => {
    setShortcutError(null);
    if (command === 'help') setHelpOpen(true);
    else if (command === 'composer') document.getElementById('c-composer')?.focus();
    else if (command === 'nextChat') {
      const next = nextChatId(state.order, state.selected);
      if (next) client.select(next);
    } else if (command === 'endChat') {
      if (state.selected && state.chats[state.selected]?.view.status === 'active') setEndAsked((n) => n + 1);
    } else if (command === 'accept') {
      const offer = state.offers[0];
      const error = offer ? await client.accept(offer.conversationId) : state.queue.some((q) => q.status === 'waiting') ? await client.pullNext() : 'nothing';
      if (error) setShortcutError(error === 'nothing' ? t('shortcuts.nothingToAccept') : t(`errors.${error}`));
    }
  };
  useShortcuts(inView, (command) => void runShortcut(command));

  useEffect(() => {
    client.connect();
    return () => client.disconnect();
  }, [client]);

  useEffect(() => {
    if (state.sessionEnded) onSessionEnded();
  }, [state.sessionEnded, onSessionEnded]);

  const selected = state.selected ? state.chats[state.selected] : undefined;
  const [colleagues, setColleagues] = useState<CounsellorView[]>([]);
  const loadColleagues = useCallback(async () => {
    const list = await client.colleagues();
    setColleagues(list);
    return list;
  }, [client]);
  // Names for "handed over by …".
  useEffect(() => {
    if (state.online) void loadColleagues();
  }, [state.online, state.order.length, loadColleagues]);

  return (
    <main className="c-chats">
      <h1 className="visually-hidden">{t('nav.chats')}</h1>
      <div className="c-side">
        {!state.online && (
          <p className="notice notice-warn" role="status">
            {t('chats.offline')}
          </p>
        )}
        <StatusBar client={client} state={state} />
        {shortcutError && (
          <p className="error-text" role="alert">
            {shortcutError}
          </p>
        )}
        <Offers offers={state.offers} staffId={me.staff.id} client={client} />
        <QueuePanel items={state.queue} staffId={me.staff.id} client={client} />
        <section aria-labelledby="mine-title" className="c-section">
          <h2 id="mine-title">{t('chats.title')}</h2>
          {state.order.length === 0 ? (
            <p className="muted">{t('chats.none')}</p>
          ) : (
            <ul className="c-chat-list">
              {state.order.map((id) => {
                const chat = state.chats[id]!;
                const name = chat.view.nickname ?? t('queue.anonymous');
                const open = chat.view.status === 'active';
                return (
                  <li key={id}>
                    <button
                      type="button"
                      className="c-chat-tab"
                      aria-current={state.selected === id ? 'true' : undefined}
                      onClick={() => client.select(id)}
                      data-conversation={id}
                    >
                      <span className="c-chat-tab-name">{name}</span>
                      {!open && <span className="c-tag">{t('chats.ended')}</span>}
                      {chat.visitorTyping && <span className="c-typing-dot" aria-hidden="true">…</span>}
                      {chat.unread > 0 && (
                        <span className="c-badge">
                          <span aria-hidden="true">{chat.unread}</span>
                          <span className="visually-hidden">{t('chats.unread', { count: chat.unread })}</span>
                        </span>
                      )}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        {/* Last in the column: the offer and the queue stay at the top, where her eyes go. */}
        <NoticeControls onShortcuts={() => setHelpOpen(true)} />
      </div>
      <div className="c-panel">
        {selected ? (
          <ChatPanel
            key={selected.view.id}
            chat={selected}
            me={me}
            onSend={(text) => client.send(selected.view.id, text)}
            onRetry={(clientId) => client.retry(selected.view.id, clientId)}
            onTyping={(typing) => client.setTyping(selected.view.id, typing)}
            onEnd={() => client.end(selected.view.id)}
            onWarn={(reason) => client.warn(selected.view.id, reason)}
            onClose={() => client.close(selected.view.id)}
            colleagues={colleagues}
            loadColleagues={loadColleagues}
            onTransfer={(to, note) => client.transfer(selected.view.id, to, note)}
            onNote={(kind, body) => client.addNote(selected.view.id, kind, body)}
            onDismissDanger={() => client.dismissDanger(selected.view.id)}
            endAsked={endAsked}
          />
        ) : (
          <p className="muted c-pick">{t('chats.pick')}</p>
        )}
      </div>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </main>
  );
}

interface ChatPanelProps {
  chat: HeldChat;
  me: MeResponse;
  onSend: (text: string) => void;
  onRetry: (clientId: string) => void;
  onTyping: (typing: boolean) => void;
  onEnd: () => Promise<ErrorCode | null>;
  onWarn: (reason: WarningReason) => Promise<ErrorCode | null>;
  onClose: () => void;
  colleagues: CounsellorView[];
  loadColleagues: () => Promise<CounsellorView[]>;
  onTransfer: (toCounsellorId: string | undefined, note: string) => Promise<ErrorCode | null>;
  onNote: (kind: 'note' | 'whisper', body: string) => Promise<ErrorCode | null>;
  onDismissDanger: () => void;
  /** Counts the end-chat shortcut's presses; a new value asks for confirmation. */
  endAsked: number;
}

/**
 * Triage saw danger in what she just wrote. In danger now: the 112 card is one click away, put
 * into the message box for the counsellor to read and send (never sent by itself).
 */
/** The 112 text in the visitor's language: nl and en live with the console's own strings. */
function card112(t: TFunction, language: string): string {
  return language === 'nl' || language === 'en' ? t('danger.card112', { lng: language }) : t(`languages.card112.${language}`, { defaultValue: t('danger.card112', { lng: 'nl' }) });
}

function DangerBanner({ danger, language, onCard, onDismiss }: { danger: DangerAlert; language: string; onCard: (text: string) => void; onDismiss: () => void }) {
  const { t } = useTranslation();
  const reason = useReasonText();
  return (
    <div className="c-danger-banner" role="alert" data-priority={danger.priority}>
      <p>
        <strong>{t('danger.title')}</strong> {danger.reasons.map((r) => reason(r.reasonKey)).join(' · ')}
      </p>
      <div className="c-row">
        {danger.priority === 'critical' && (
          <button type="button" className="btn btn-danger btn-small" onClick={() => onCard(card112(t, language))}>
            {t('danger.card112Button')}
          </button>
        )}
        <button type="button" className="btn btn-secondary btn-small" onClick={onDismiss}>
          {t('danger.dismiss')}
        </button>
      </div>
    </div>
  );
}

function ChatPanel({ chat, me, onSend, onRetry, onTyping, onEnd, onWarn, onClose, colleagues, loadColleagues, onTransfer, onNote, onDismissDanger, endAsked }: ChatPanelProps) {
  const { t, i18n } = useTranslation();
  const links = useClickableLinks();
  const [draft, setDraft] = useState('');
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const name = chat.view.nickname ?? t('queue.anonymous');
  const open = chat.view.status === 'active';
  // Counted as the server counts: characters as a person sees them.
  const length = visibleLength(draft.replace(/\r\n?/g, '\n').trim());
  const over = length - limits.messageMaxChars;
  const snippetPicker = useSnippetPicker({ draft, setDraft, composerRef, language: chat.view.language, idPrefix: `c-composer-${chat.view.id}` });
  // A card (112, an organisation) goes under what she already wrote, for her to read and send.
  const putInComposer = (text: string) => {
    setDraft((d) => (d.trim() ? `${d.trim()}\n\n${text}` : text));
    composerRef.current?.focus();
  };

  useLayoutEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [chat.sync.log, chat.visitorTyping]);

  // The list scrolls inside its column: when the column gets shorter (a smaller window, the notes
  // opened) while she was reading the newest message, keep the newest message in view.
  useEffect(() => {
    const el = listRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let atEnd = true;
    const onScroll = () => {
      atEnd = el.scrollHeight - el.scrollTop - el.clientHeight < 8;
    };
    const observer = new ResizeObserver(() => {
      if (atEnd) el.scrollTop = el.scrollHeight;
    });
    el.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(el);
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', onScroll);
    };
  }, []);

  useEffect(() => {
    composerRef.current?.focus();
  }, []);

  // The shortcut only opens the confirmation and puts focus on "Yes": ending takes a second key.
  const endYesRef = useRef<HTMLButtonElement>(null);
  const endAskedAtMount = useRef(endAsked);
  useEffect(() => {
    if (endAsked !== endAskedAtMount.current && open) setConfirmEnd(true);
  }, [endAsked, open]);
  useEffect(() => {
    if (confirmEnd) endYesRef.current?.focus();
  }, [confirmEnd]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!length || over > 0 || !open) return;
    onSend(draft);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (snippetPicker.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  const end = async () => {
    setError(await onEnd());
    setConfirmEnd(false);
  };

  return (
    <section className="c-chat" aria-labelledby="chat-title">
      <div className="c-chat-head">
        <div>
          <h2 id="chat-title">{t('chat.transcript', { name })}</h2>
          <span className="muted c-small">
            {t('chat.startedAt', { time: clockTime(chat.view.createdAt, i18n.language) })} ·{' '}
            <span className="c-lang-tag" data-language={chat.view.language}>
              <LanguageName code={chat.view.language} />
            </span>
          </span>
          <ChatMeta view={chat.view} colleagues={colleagues} />
        </div>
        <div className="c-chat-actions">
          {open && chat.view.counsellorId === me.staff.id && !confirmEnd && (
            <TransferControl conversationId={chat.view.id} loadColleagues={loadColleagues} onTransfer={onTransfer} />
          )}
          {open && chat.view.counsellorId === me.staff.id && !confirmEnd && <SafetyControl conversationId={chat.view.id} onWarn={onWarn} onEnd={onEnd} />}
          {open ? (
            confirmEnd ? (
              <>
                <span className="c-confirm-text">{t('chat.endConfirm')}</span>
                <button type="button" className="btn btn-danger btn-small" ref={endYesRef} onClick={() => void end()}>
                  {t('chat.endYes')}
                </button>
                <button type="button" className="btn btn-secondary btn-small" onClick={() => setConfirmEnd(false)}>
                  {t('chat.endNo')}
                </button>
              </>
            ) : (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => setConfirmEnd(true)}>
                {t('chat.end')}
              </button>
            )
          ) : (
            <button type="button" className="btn btn-secondary btn-small" onClick={onClose}>
              {t('chat.close')}
            </button>
          )}
        </div>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
      {chat.danger && (
        <DangerBanner
          danger={chat.danger}
          language={chat.view.language}
          onCard={putInComposer}
          onDismiss={onDismissDanger}
        />
      )}
      {/* Closed, these share one line, so the transcript keeps its room. */}
      <div className="c-chat-extras">
        <NotesPanel conversationId={chat.view.id} notes={chat.notes} canWhisper={me.permissions.includes('chat:supervise')} onAdd={onNote} />
        {chat.view.counsellorId === me.staff.id && (
          // Her counsellor only: what earlier counsellors kept about her, and handovers to organisations.
          <>
            <ContinuityPanel conversationId={chat.view.id} />
            <HandoverPanel conversationId={chat.view.id} />
          </>
        )}
        {open && me.permissions.includes('toolkit:read') && <DirectoryPanel conversationId={chat.view.id} language={chat.view.language} onCard={putInComposer} />}
      </div>
      <div className="c-messages" ref={listRef} role="log" aria-label={t('chat.transcript', { name })} tabIndex={0}>
        {chat.sync.log.stored.map((m) => (
          <div key={`s${m.seq}`} className={`c-msg c-msg-${m.sender}`} data-seq={m.seq}>
            <span className="c-msg-who">
              {m.sender === 'visitor' ? name : m.sender === 'system' ? t('chat.system') : (m.senderName ?? t('chat.you'))}
              <span className="c-msg-time"> · {clockTime(m.createdAt, i18n.language)}</span>
            </span>
            {(() => {
              const translation = m.sender === 'visitor' ? translationOf(m) : undefined;
              return translation ? (
                <TranslatedMessage body={m.body} translation={translation} links={links} />
              ) : (
                <MessageBody sender={m.sender} body={m.body} links={links} namespace="systemMessages" />
              );
            })()}
          </div>
        ))}
        {chat.sync.log.pending.map((p) => {
          const failed = chat.sync.failed[p.clientId];
          return (
            <div key={`p${p.clientId}`} className="c-msg c-msg-counsellor c-msg-pending" data-pending="true">
              <span className="c-msg-who">
                {t('chat.you')} · {failed ? <span className="error-text">{t('chat.failed')}: {t(`errors.${failed}`)}</span> : t('chat.sending')}
              </span>
              <PlainText text={p.body} links={links} />
              {failed && (
                <button type="button" className="btn btn-quiet btn-small" onClick={() => onRetry(p.clientId)}>
                  {t('chat.retry')}
                </button>
              )}
            </div>
          );
        })}
        {!open && chat.view.endReason && <p className="c-ended">{t(`chat.endedBy.${chat.view.endReason}`)}</p>}
      </div>
      <p className="c-typing" aria-live="polite">
        {chat.visitorTyping ? t('chat.typing', { name }) : ''}
      </p>
      {open && (
        <form className="c-composer" onSubmit={submit}>
          <label htmlFor="c-composer" className="visually-hidden">
            {t('chat.composerLabel', { name })}
          </label>
          {snippetPicker.list}
          <textarea
            id="c-composer"
            ref={composerRef}
            rows={3}
            value={draft}
            placeholder={t('snippets.pickerHint')}
            aria-invalid={over > 0}
            aria-describedby="c-composer-hint"
            {...snippetPicker.inputProps}
            onChange={(e) => {
              setDraft(e.target.value);
              onTyping(e.target.value.trim().length > 0);
            }}
            onKeyDown={onKeyDown}
          />
          <button type="submit" className="btn" disabled={!length || over > 0}>
            {t('chat.send')}
          </button>
          {snippetPicker.status}
          <p id="c-composer-hint" className={over > 0 ? 'error-text c-hint' : 'muted c-hint'} aria-live="polite">
            {over > 0
              ? t('chat.tooLong', { max: limits.messageMaxChars, over })
              : length > limits.messageMaxChars - 400
                ? t('chat.charsLeft', { count: limits.messageMaxChars - length })
                : ''}
          </p>
        </form>
      )}
    </section>
  );
}
