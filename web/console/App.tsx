import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../src/protocol/staffApi.js';
import { api, ApiError, setCsrfToken } from './api.js';
import { LoginPage } from './LoginPage.js';
import { SetupPage } from './SetupPage.js';
import { ChatsView } from './ChatsView.js';
import { StaffPage } from './StaffPage.js';
import { ConsoleLanguageSwitch } from './LanguageSwitch.js';

type Screen = { kind: 'loading' } | { kind: 'setup' } | { kind: 'login'; notice?: 'sessionEnded' | 'signedOut' } | { kind: 'app'; me: MeResponse };
type Tab = 'chats' | 'staff';

export function App() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>(() => (location.pathname.startsWith('/console/setup') ? { kind: 'setup' } : { kind: 'loading' }));

  useEffect(() => {
    if (screen.kind !== 'loading') return;
    api<MeResponse>('GET', '/api/auth/me')
      .then((me) => {
        setCsrfToken(me.csrfToken);
        setScreen({ kind: 'app', me });
      })
      .catch(() => setScreen({ kind: 'login' }));
  }, [screen.kind]);

  const signedIn = useCallback((me: MeResponse) => {
    setCsrfToken(me.csrfToken);
    history.replaceState(null, '', '/console');
    setScreen({ kind: 'app', me });
  }, []);

  return (
    <div className="c-root">
      {screen.kind === 'loading' && <p className="c-loading">{t('loading')}</p>}
      {screen.kind === 'setup' && <SetupPage onDone={() => setScreen({ kind: 'login' })} />}
      {screen.kind === 'login' && <LoginPage notice={screen.notice} onSignedIn={signedIn} />}
      {screen.kind === 'app' && (
        <SignedIn
          me={screen.me}
          onSessionEnded={() => setScreen({ kind: 'login', notice: 'sessionEnded' })}
          onSignedOut={() => setScreen({ kind: 'login', notice: 'signedOut' })}
        />
      )}
    </div>
  );
}

function SignedIn({ me, onSessionEnded, onSignedOut }: { me: MeResponse; onSessionEnded: () => void; onSignedOut: () => void }) {
  const { t } = useTranslation();
  const canChat = me.permissions.includes('chat:handle');
  const canManage = me.permissions.includes('staff:manage');
  const [tab, setTab] = useState<Tab>(canChat ? 'chats' : 'staff');

  const signOut = async () => {
    try {
      await api('POST', '/api/auth/logout');
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
    }
    onSignedOut();
  };

  return (
    <>
      <header className="c-header">
        <span className="c-brand">{t('appName')}</span>
        <nav aria-label={t('nav.label')} className="c-nav">
          {canChat && (
            <button type="button" className="c-nav-item" aria-current={tab === 'chats' ? 'page' : undefined} onClick={() => setTab('chats')}>
              {t('nav.chats')}
            </button>
          )}
          {canManage && (
            <button type="button" className="c-nav-item" aria-current={tab === 'staff' ? 'page' : undefined} onClick={() => setTab('staff')}>
              {t('nav.staff')}
            </button>
          )}
        </nav>
        <div className="c-header-end">
          <span className="c-who">{t('nav.signedInAs', { name: me.staff.displayName, role: t(`roles.${me.staff.role}`) })}</span>
          <ConsoleLanguageSwitch />
          <button type="button" className="btn btn-secondary btn-small" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      {canChat && tab === 'chats' ? (
        <ChatsView me={me} onSessionEnded={onSessionEnded} />
      ) : canManage && tab === 'staff' ? (
        <StaffPage me={me} />
      ) : (
        <main className="c-main">
          <p>{t('nav.nothing')}</p>
        </main>
      )}
    </>
  );
}
