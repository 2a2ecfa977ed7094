import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Always on screen (fixed, above everything), large, and also bound to the Escape key. */
export function QuickExit({ onExit }: { onExit: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="v-quick-exit" onClick={onExit} aria-label={t('quickExit.label')} title={t('quickExit.hint')}>
      <span aria-hidden="true" className="v-quick-exit-icon">✕</span>
      {t('quickExit.button')}
    </button>
  );
}

/** Fingers on the screen at once that mean "get me out": more than a pinch, easy in a panic. */
export const quickExitTouches = 3;

/**
 * The other ways out, on every view: the Escape key, and on a touch screen a tap with three
 * fingers anywhere. Both run the same exit as the button. Listening on window in the capture
 * phase means no field or dialog can swallow them.
 */
export function useQuickExitShortcuts(onExit: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || event.key === 'Esc') {
        event.preventDefault();
        onExit();
      }
    };
    // Passive: the page never waits on this listener to scroll. A third finger landing while
    // two are down also counts, since touches lists every finger on the screen.
    const onTouch = (event: TouchEvent) => {
      if (event.touches.length >= quickExitTouches) onExit();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('touchstart', onTouch, { capture: true, passive: true });
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('touchstart', onTouch, { capture: true });
    };
  }, [onExit]);
}
