import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../common/i18n.js';
import type { VisitorChat } from './chatClient.js';
import { getQuickExitUrl } from './config.js';
import { QuickExit } from './QuickExit.js';
import { StartScreen } from './StartScreen.js';
import { ChatScreen } from './ChatScreen.js';
import { EndedScreen } from './EndedScreen.js';
import { PrivacyPage } from './PrivacyPage.js';
import { LanguageSwitch } from './LanguageSwitch.js';

type View = 'chat' | 'privacy';

function viewFromPath(): View {
  return location.pathname.replace(/\/+$/, '') === '/privacy' ? 'privacy' : 'chat';
}

export function App({ chat }: { chat: VisitorChat }) {
  const { t, i18n } = useTranslation();
  const state = useSyncExternalStore(chat.subscribe, chat.getState);
  const [view, setView] = useState<View>(viewFromPath);

  // Switching views replaces the URL; the page never adds entries to the browser history.
  const go = useCallback((next: View) => {
    history.replaceState(null, '', next === 'privacy' ? '/privacy' : '/');
    setView(next);
    window.scrollTo(0, 0);
  }, []);

  const quickExit = useCallback(() => {
    void chat.quickExit(getQuickExitUrl());
  }, [chat]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || event.key === 'Esc') {
        event.preventDefault();
        quickExit();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [quickExit]);

  useEffect(() => {
    document.title = `${t('appName')} – ${t('tagline')}`;
  }, [t, i18n.language]);

  const changeLanguage = (language: UiLanguage) => {
    void i18n.changeLanguage(language);
    chat.setLanguage(language);
  };

  if (state.phase === 'exiting') return <div className="v-exiting" />;

  const inChat = view === 'chat' && (state.phase === 'open' || state.phase === 'restoring');

  return (
    <div className={inChat ? 'v-app v-app-chat' : 'v-app'}>
      <QuickExit onExit={quickExit} />
      <header className="v-header">
        <span className="v-brand" aria-hidden="true">
          <span className="v-logo" />
          {t('appName')}
        </span>
        <LanguageSwitch onChange={changeLanguage} />
      </header>
      {view === 'privacy' ? (
        <PrivacyPage onBack={() => go('chat')} />
      ) : state.phase === 'open' || state.phase === 'restoring' ? (
        <ChatScreen chat={chat} state={state} />
      ) : state.phase === 'ended' ? (
        <EndedScreen state={state} onAgain={() => chat.reset()} onPrivacy={() => go('privacy')} />
      ) : (
        <StartScreen
          state={state}
          onStart={(nickname) => void chat.start(nickname, i18n.language === 'en' ? 'en' : 'nl')}
          onPrivacy={() => go('privacy')}
        />
      )}
    </div>
  );
}
