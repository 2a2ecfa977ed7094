import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../src/protocol/staffApi.js';
import { api, ApiError, setCsrfToken } from './api.js';
import { LoginPage } from './LoginPage.js';
import { SetupPage } from './SetupPage.js';
import { ChatsView } from './ChatsView.js';
import { StaffPage } from './StaffPage.js';
import { ConsoleLanguageSwitch } from './LanguageSwitch.js';
import { CodingPage } from './coding/CodingPage.js';
import { ReportsPage } from './reports/ReportsPage.js';
import { BoardPage } from './board/BoardPage.js';
import { SettingsPage } from './settings/SettingsPage.js';
import { SecurityPage } from './security/SecurityPage.js';
import { AuditPage } from './audit/AuditPage.js';
import { MailboxPage } from './mailbox/MailboxPage.js';
import { FiguresPage } from './figures/FiguresPage.js';
import { BrandName } from './BrandName.js';
import { ToolkitPage } from './toolkit/ToolkitPage.js';
import { HandoversPage } from './handovers/HandoversPage.js';
import { HandoverLetterPage } from './handovers/HandoverLetterPage.js';
import { PosterPage } from './partners/PosterPage.js';

type Screen = { kind: 'loading' } | { kind: 'setup' } | { kind: 'login'; notice?: 'sessionEnded' | 'signedOut' } | { kind: 'app'; me: MeResponse };
type Tab = 'chats' | 'mailbox' | 'staff' | 'board' | 'handovers' | 'settings' | 'coding' | 'reports' | 'figures' | 'audit' | 'security' | 'toolkit';
/** Tabs with their own address (/console/board, /console/handovers, /console/settings, /console/figures, /console/audit), so a reload or link lands there. */
const pathTabs = ['board', 'handovers', 'settings', 'figures', 'audit'] as const;
/** A handover's printable letter opens on a page of its own, without the console around it. */
const letterPath = /^\/console\/handovers\/([0-9a-f-]{36})\/letter\/?$/;

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

  // An administrator's poster page stands on its own: no console around it on paper.
  const poster = screen.kind === 'app' && screen.me.permissions.includes('staff:manage') ? posterToken() : null;

  return (
    <div className="c-root">
      {screen.kind === 'loading' && <p className="c-loading">{t('loading')}</p>}
      {screen.kind === 'setup' && <SetupPage onDone={() => setScreen({ kind: 'login' })} />}
      {screen.kind === 'login' && <LoginPage notice={screen.notice} onSignedIn={signedIn} />}
      {screen.kind === 'app' && letterPath.test(location.pathname) && <HandoverLetterPage handoverId={letterPath.exec(location.pathname)![1]!} />}
      {poster !== null && <PosterPage token={poster} />}
      {screen.kind === 'app' && poster === null && !letterPath.test(location.pathname) && (
        <SignedIn
          me={screen.me}
          onSessionEnded={() => setScreen({ kind: 'login', notice: 'sessionEnded' })}
          onSignedOut={() => setScreen({ kind: 'login', notice: 'signedOut' })}
        />
      )}
    </div>
  );
}

/** /console/poster/<token>: the printable poster of one referral token, on a page of its own. */
function posterToken(): string | null {
  const match = /^\/console\/poster\/([^/]+)\/?$/.exec(location.pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}

function SignedIn({ me, onSessionEnded, onSignedOut }: { me: MeResponse; onSessionEnded: () => void; onSignedOut: () => void }) {
  const { t } = useTranslation();
  const canChat = me.permissions.includes('chat:handle');
  const canManage = me.permissions.includes('staff:manage');
  const canSupervise = me.permissions.includes('chat:supervise');
  const canCode = me.permissions.includes('codings:write');
  const canReport = me.permissions.includes('reports:read');
  const canAudit = me.permissions.includes('audit:read');
  const canFigures = me.permissions.includes('figures:read');
  const canKeepToolkit = me.permissions.includes('toolkit:edit');
  const [tab, setTab] = useState<Tab>(() => {
    const fromPath = location.pathname.replace(/\/+$/, '').split('/')[2];
    if (fromPath === 'board' && canSupervise) return 'board';
    if (fromPath === 'handovers' && canSupervise) return 'handovers';
    if (fromPath === 'settings' && canManage) return 'settings';
    if (fromPath === 'audit' && canAudit) return 'audit';
    if (fromPath === 'figures' && canFigures) return 'figures';
    return canChat ? 'chats' : canManage ? 'staff' : canReport ? 'reports' : 'staff';
  });
  useEffect(() => {
    const mine = (pathTabs as readonly string[]).includes(tab);
    if (mine && location.pathname !== `/console/${tab}`) history.replaceState(null, '', `/console/${tab}`);
    else if (!mine && pathTabs.some((p) => location.pathname.startsWith(`/console/${p}`))) history.replaceState(null, '', '/console');
  }, [tab]);

  // The Postvak tab shows how many letters wait, so nobody has to open it to know.
  const [unanswered, setUnanswered] = useState(0);
  useEffect(() => {
    if (!canChat) return;
    const count = () =>
      api<{ letters: unknown[] }>('GET', '/api/mailbox')
        .then((r) => setUnanswered(r.letters.length))
        .catch(() => undefined);
    void count();
    const timer = setInterval(() => void count(), 60_000);
    return () => clearInterval(timer);
  }, [canChat]);

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
        <BrandName />
        <nav aria-label={t('nav.label')} className="c-nav">
          {canChat && (
            <button type="button" className="c-nav-item" aria-current={tab === 'chats' ? 'page' : undefined} onClick={() => setTab('chats')}>
              {t('nav.chats')}
            </button>
          )}
          {canChat && (
            <button type="button" className="c-nav-item" aria-current={tab === 'mailbox' ? 'page' : undefined}
              aria-label={unanswered ? t('mailboxDesk.navCountLabel', { count: unanswered }) : undefined}
              onClick={() => setTab('mailbox')}>
              {unanswered ? t('mailboxDesk.navCount', { count: unanswered }) : t('mailboxDesk.nav')}
            </button>
          )}
          {canManage && (
            <button type="button" className="c-nav-item" aria-current={tab === 'staff' ? 'page' : undefined} onClick={() => setTab('staff')}>
              {t('nav.staff')}
            </button>
          )}
          {canCode && (
            <button type="button" className="c-nav-item" aria-current={tab === 'coding' ? 'page' : undefined} onClick={() => setTab('coding')}>
              {t('coding.nav')}
            </button>
          )}
          {canReport && (
            <button type="button" className="c-nav-item" aria-current={tab === 'reports' ? 'page' : undefined} onClick={() => setTab('reports')}>
              {t('reports.nav')}
            </button>
          )}
          {canSupervise && (
            <button type="button" className="c-nav-item" aria-current={tab === 'board' ? 'page' : undefined} onClick={() => setTab('board')}>
              {t('routingNav.board')}
            </button>
          )}
          {canSupervise && (
            <button type="button" className="c-nav-item" aria-current={tab === 'handovers' ? 'page' : undefined} onClick={() => setTab('handovers')}>
              {t('casework.nav')}
            </button>
          )}
          {canFigures && (
            <button type="button" className="c-nav-item" aria-current={tab === 'figures' ? 'page' : undefined} onClick={() => setTab('figures')}>
              {t('figures.nav')}
            </button>
          )}
          {canManage && (
            <button type="button" className="c-nav-item" aria-current={tab === 'settings' ? 'page' : undefined} onClick={() => setTab('settings')}>
              {t('routingNav.settings')}
            </button>
          )}
          {canAudit && (
            <button type="button" className="c-nav-item" aria-current={tab === 'audit' ? 'page' : undefined} onClick={() => setTab('audit')}>
              {t('audit.nav')}
            </button>
          )}
          {canKeepToolkit && (
            <button type="button" className="c-nav-item" aria-current={tab === 'toolkit' ? 'page' : undefined} onClick={() => setTab('toolkit')}>
              {t('toolkit.nav')}
            </button>
          )}
          <button type="button" className="c-nav-item" aria-current={tab === 'security' ? 'page' : undefined} onClick={() => setTab('security')}>
            {t('security.nav')}
          </button>
        </nav>
        <div className="c-header-end">
          <span className="c-who">{t('nav.signedInAs', { name: me.staff.displayName, role: t(`roles.${me.staff.role}`) })}</span>
          <ConsoleLanguageSwitch />
          <button type="button" className="btn btn-secondary btn-small" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      {canChat && (
        // Kept mounted on other tabs: her chats and offers stay live while she looks at the board.
        <div className="c-keep" hidden={tab !== 'chats'}>
          <ChatsView me={me} inView={tab === 'chats'} onSessionEnded={onSessionEnded} />
        </div>
      )}
      {canChat && tab === 'chats' ? null : canChat && tab === 'mailbox' ? (
        <MailboxPage onCount={setUnanswered} />
      ) : canManage && tab === 'staff' ? (
        <StaffPage me={me} />
      ) : canSupervise && tab === 'board' ? (
        <BoardPage onSessionEnded={onSessionEnded} />
      ) : canSupervise && tab === 'handovers' ? (
        <HandoversPage />
      ) : canManage && tab === 'settings' ? (
        <SettingsPage />
      ) : canCode && tab === 'coding' ? (
        <CodingPage me={me} />
      ) : canReport && tab === 'reports' ? (
        <ReportsPage me={me} />
      ) : canFigures && tab === 'figures' ? (
        <FiguresPage />
      ) : canAudit && tab === 'audit' ? (
        <AuditPage />
      ) : canKeepToolkit && tab === 'toolkit' ? (
        <ToolkitPage />
      ) : tab === 'security' ? (
        <SecurityPage onSessionEnded={onSessionEnded} />
      ) : (
        <main className="c-main">
          <p>{t('nav.nothing')}</p>
        </main>
      )}
    </>
  );
}
