import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The code, big and easy to copy onto paper: letters spaced, no look-alike characters. */
export function ReturnCodePanel({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className="v-code-panel" role="region" aria-labelledby="code-title" tabIndex={-1} ref={ref}>
      <h2 id="code-title">{t('returnCode.title')}</h2>
      <p className="v-code" data-code={code} aria-label={code.split('').join(' ')}>
        {code}
      </p>
      <p>{t('returnCode.explain')}</p>
      <button type="button" className="btn btn-small" onClick={onDone}>
        {t('returnCode.done')}
      </button>
    </div>
  );
}
