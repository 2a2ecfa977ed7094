// The list of keyboard shortcuts, in a modal dialog (the browser's own <dialog>: focus moves in,
// Escape closes it, focus returns to where she was).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcuts } from './shortcuts.js';

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="c-dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <p className="muted c-small">{t('shortcuts.intro')}</p>
      <table className="c-shortcuts">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.keys')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.command}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{t(`shortcuts.${s.command}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn-small" onClick={onClose}>
        {t('shortcuts.close')}
      </button>
    </dialog>
  );
}
