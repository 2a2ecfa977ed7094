// Her notice settings in the chats screen's side column: sound on/off, desktop notifications
// (asked for with a button, never on load), and the way to the list of keyboard shortcuts.
import { useTranslation } from 'react-i18next';
import { askDesktopPermission, setDesktop, setSound, useNoticePreferences } from './noticePreferences.js';
import { unlockChime } from './chime.js';

export function NoticeControls({ onShortcuts }: { onShortcuts: () => void }) {
  const { t } = useTranslation();
  const preferences = useNoticePreferences();
  return (
    <section className="c-section c-notices" aria-labelledby="notices-title">
      <h2 id="notices-title" className="visually-hidden">
        {t('notices.title')}
      </h2>
      <label className="c-notice-option">
        <input
          type="checkbox"
          checked={preferences.sound}
          onChange={(e) => {
            setSound(e.target.checked);
            if (e.target.checked) unlockChime();
          }}
        />{' '}
        {t('notices.sound')}
      </label>
      {preferences.permission === 'default' && (
        <button type="button" className="btn btn-secondary btn-small" aria-describedby="notices-hint" onClick={() => void askDesktopPermission()}>
          {t('notices.desktopAsk')}
        </button>
      )}
      {preferences.permission === 'granted' && (
        <label className="c-notice-option">
          <input type="checkbox" checked={preferences.desktop} aria-describedby="notices-hint" onChange={(e) => setDesktop(e.target.checked)} /> {t('notices.desktopOn')}
        </label>
      )}
      {preferences.permission === 'denied' && <p className="muted c-small">{t('notices.desktopDenied')}</p>}
      {(preferences.permission === 'default' || preferences.permission === 'granted') && (
        <p id="notices-hint" className="muted c-small">
          {t('notices.desktopHint')}
        </p>
      )}
      <button type="button" className="btn btn-quiet btn-small" aria-keyshortcuts="?" onClick={onShortcuts}>
        {t('shortcuts.open')} (?)
      </button>
    </section>
  );
}
