// Turns changes in the console's state into what a night shift needs to notice: a chime, the
// count in the page title and (if she allowed it) a desktop notification. The notification says
// only what happened ("New message in a chat"): no message text, no nickname, since it shows on
// a screen others may see and may be kept by the operating system.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient, ConsoleState } from '../consoleClient.js';
import { attentionCount, mostUrgent, noticesBetween, type NoticeInput } from './noticeRules.js';
import { playChime, unlockChime } from './chime.js';
import { desktopAllowed, noticePreferences } from './noticePreferences.js';
import { setAttentionCount } from './titleBadge.js';

function noticeInput(state: ConsoleState): NoticeInput {
  return {
    queue: state.queue.map((q) => ({ conversationId: q.conversationId, status: q.status })),
    offers: state.offers,
    unread: Object.fromEntries(Object.entries(state.chats).map(([id, chat]) => [id, chat.unread])),
  };
}

/** The window is visible and has focus: what is on screen is in front of her. */
function useWindowInFront(): boolean {
  const [inFront, setInFront] = useState(() => document.visibilityState === 'visible' && document.hasFocus());
  useEffect(() => {
    const update = () => setInFront(document.visibilityState === 'visible' && document.hasFocus());
    document.addEventListener('visibilitychange', update);
    window.addEventListener('focus', update);
    window.addEventListener('blur', update);
    return () => {
      document.removeEventListener('visibilitychange', update);
      window.removeEventListener('focus', update);
      window.removeEventListener('blur', update);
    };
  }, []);
  return inFront;
}

export function useNotices(client: ConsoleClient, state: ConsoleState, tabOpen: boolean): void {
  const { t } = useTranslation();
  const windowInFront = useWindowInFront();
  const before = useRef<NoticeInput | null>(null);

  useEffect(() => {
    client.setInView(tabOpen && windowInFront);
  }, [client, tabOpen, windowInFront]);

  useEffect(() => {
    window.addEventListener('pointerdown', unlockChime);
    window.addEventListener('keydown', unlockChime);
    return () => {
      window.removeEventListener('pointerdown', unlockChime);
      window.removeEventListener('keydown', unlockChime);
      setAttentionCount(0);
    };
  }, []);

  useEffect(() => {
    const now = noticeInput(state);
    setAttentionCount(attentionCount(now));
    const previous = before.current;
    before.current = now;
    if (!previous) return;
    const notice = mostUrgent(noticesBetween(previous, now));
    if (!notice) return;
    const preferences = noticePreferences();
    if (preferences.sound) playChime(notice.kind);
    if (desktopAllowed(preferences)) {
      const shown = new Notification(t('appName'), { body: t(`notices.desktop.${notice.kind}`), tag: `baken-${notice.kind}`, silent: preferences.sound });
      shown.onclick = () => {
        window.focus();
        if (notice.kind === 'message') client.select(notice.conversationId);
        shown.close();
      };
    }
  }, [state, client, t]);
}
