import { useTranslation } from 'react-i18next';

/** Recovery codes, shown once: monospace, one per line, easy to copy onto paper. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <ol className="c-recovery-codes" aria-label={t('security.recovery.listLabel')}>
      {codes.map((c) => (
        <li key={c}>
          <code>{c}</code>
        </li>
      ))}
    </ol>
  );
}
