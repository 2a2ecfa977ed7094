import { lazy, Suspense, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isVisitorLanguage, type VisitorLanguage } from '../common/i18n.js';
import type { VisitorChat } from './chatClient.js';
import { disguiseIconPath } from '../../src/protocol/disguiseIcons.js';
import { getBranding, getClickableLinks, getDisguiseIcon, getDisguiseTitle, getQuickExitUrl, isConfigLoaded, isOffered, onConfigLoaded } from './config.js';
import { switchLanguage } from './visitorLocales.js';
import { fetchServiceStatus, type ServiceStatus } from './serviceStatus.js';
import { ClosedScreen } from './ClosedScreen.js';
import { QuickExit, useQuickExitShortcuts } from './QuickExit.js';
import { StartScreen } from './StartScreen.js';
import { ChatScreen } from './ChatScreen.js';
import { EndedScreen } from './EndedScreen.js';
import { PrivacyPage } from './PrivacyPage.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { referralVia } from './referral.js';

import type { MailboxMode } from './mailbox/MailboxScreen.js';

// Loaded when she opens the mailbox: the first page load stays small.
const MailboxScreen = lazy(() => import('./mailbox/MailboxScreen.js'));

type View = 'chat' | 'privacy';

function viewFromPath(): View {
  return location.pathname.replace(/\/+$/, '') === '/privacy' ? 'privacy' : 'chat';
}

export function App({ chat }: { chat: VisitorChat }) {
  const { t, i18n } = useTranslation();
  const state = useSyncExternalStore(chat.subscribe, chat.getState);
  const [view, setView] = useState<View>(viewFromPath);
  const [service, setService] = useState<ServiceStatus | null>(null);
  const [mailbox, setMailbox] = useState<MailboxMode | null>(null);
  // Her return code from a chat she left to write a letter, so the letter joins her earlier chats.
  const [letterCode, setLetterCode] = useState<string | null>(null);
  // Bumped when the public settings arrive, so what depends on them is drawn again.
  const [configVersion, setConfigVersion] = useState(0);
  const configLoaded = configVersion > 0 || isConfigLoaded();
  const language: VisitorLanguage = isVisitorLanguage(i18n.language) ? i18n.language : 'nl';
  const beforeChat = state.phase === 'start' || state.phase === 'ended';

  useEffect(() => {
    const bump = () => setConfigVersion((n) => n + 1);
    const stop = onConfigLoaded(bump);
    // They may have arrived between the first drawing and this subscription.
    if (isConfigLoaded()) bump();
    return () => void stop();
  }, []);

  const refreshService = useCallback(() => {
    void fetchServiceStatus(language).then((s) => {
      if (s) setService(s);
    });
  }, [language]);

  // Before a chat: is it open, busy or full? Checked again now and then, and after a refusal.
  useEffect(() => {
    if (!beforeChat) return;
    refreshService();
    const timer = setInterval(refreshService, 60_000);
    return () => clearInterval(timer);
  }, [beforeChat, refreshService]);
  useEffect(() => {
    if (state.phase === 'start' && state.error === 'unavailable') refreshService();
  }, [state.phase, state.error, refreshService]);

  // Switching views replaces the URL; the page never adds entries to the browser history.
  const go = useCallback((next: View) => {
    history.replaceState(null, '', next === 'privacy' ? '/privacy' : '/');
    setView(next);
    window.scrollTo(0, 0);
  }, []);

  const quickExit = useCallback(() => {
    void chat.quickExit(getQuickExitUrl());
  }, [chat]);

  useQuickExitShortcuts(quickExit);

  // Until the settings arrive, the title and icon the server wrote into the page stay.
  useEffect(() => {
    if (!configLoaded) return;
    document.title = getDisguiseTitle() ?? `${getBranding()?.serviceName ?? t('appName')} – ${t('tagline')}`;
    document.querySelector('link[rel="icon"]')?.setAttribute('href', disguiseIconPath(getDisguiseIcon()));
  }, [t, i18n.language, configLoaded, configVersion]);

  const changeLanguage = useCallback(
    (next: VisitorLanguage) => {
      void switchLanguage(i18n, next).then((done) => {
        if (done) chat.setLanguage(next);
      });
    },
    [i18n, chat],
  );

  // Settings that arrived late may say her language is switched off: then the page speaks Dutch.
  useEffect(() => {
    if (configLoaded && !isOffered(language)) changeLanguage('nl');
  }, [configLoaded, configVersion, language, changeLanguage]);

  if (state.phase === 'exiting') return <div className="v-exiting" />;

  const inChat = view === 'chat' && (state.phase === 'open' || state.phase === 'restoring');
  // The service's own name and logo, when the administrator set them and the page is not disguised.
  const branding = configLoaded ? getBranding() : null;
  const closedKind = state.phase === 'start' && service ? (!service.open ? 'closed' : service.queueFull ? 'full' : null) : null;

  return (
    <div className={inChat ? 'v-app v-app-chat' : 'v-app'}>
      <QuickExit onExit={quickExit} />
      <header className="v-header">
        <span className="v-brand" aria-hidden="true">
          {branding?.logoUrl ? <img className="v-brand-logo" src={branding.logoUrl} alt="" height={22} /> : <span className="v-logo" />}
          <span className="v-brand-name">{branding?.serviceName ?? t('appName')}</span>
        </span>
        <LanguageSwitch onChange={changeLanguage} />
      </header>
      {view === 'privacy' ? (
        <PrivacyPage onBack={() => go('chat')} />
      ) : state.phase === 'open' || state.phase === 'restoring' ? (
        <ChatScreen
          chat={chat}
          state={state}
          clickableLinks={getClickableLinks()}
          onLeaveLetter={(code) => {
            setLetterCode(code);
            setMailbox('write');
          }}
        />
      ) : mailbox ? (
        <Suspense fallback={<main className="v-main" aria-busy="true"><p>{t('mailbox.loading')}</p></main>}>
          <MailboxScreen
            mode={mailbox}
            language={language}
            returnCode={letterCode}
            onMode={setMailbox}
            onBack={() => {
              setMailbox(null);
              setLetterCode(null);
              chat.reset();
            }}
          />
        </Suspense>
      ) : state.phase === 'ended' ? (
        <EndedScreen state={state} onAgain={() => chat.reset()} onPrivacy={() => go('privacy')} />
      ) : closedKind && service ? (
        <ClosedScreen kind={closedKind} service={service} onAgain={refreshService} onPrivacy={() => go('privacy')} onMailbox={setMailbox} />
      ) : (
        <StartScreen
          state={state}
          busy={service?.busy ?? false}
          askHowFound={service?.askHowFound ?? false}
          onStart={(nickname, preChat, returnCode, howFound) => void chat.start(nickname, language, preChat, returnCode, { via: referralVia(), howFound })}
          onPrivacy={() => go('privacy')}
          onMailbox={setMailbox}
        />
      )}
    </div>
  );
}
