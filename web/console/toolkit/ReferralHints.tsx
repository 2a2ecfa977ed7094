// Next to the coding form's referrals: the directory entries that stand for the options she
// ticked (an entry lists the referral codes it stands for), so the coding and the directory
// name the same organisations. Shows nothing when there is no match or no access.
import { useTranslation } from 'react-i18next';
import { entriesForReferrals } from '../../../src/domain/toolkit/directoryCard.js';
import { DirectoryEntryView } from './DirectoryEntryView.js';
import { useDirectory } from './toolkitData.js';

/** The codebook field whose options are referrals (see src/domain/codebook/defaultCodebook.ts). */
export const referralFieldId = 'actions';

export function ReferralHints({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation();
  const { data: entries } = useDirectory();
  const matching = entries ? entriesForReferrals(entries, codes) : [];
  if (matching.length === 0) return null;
  return (
    <section className="c-referral-hints" aria-labelledby="referral-hints-title">
      <h3 id="referral-hints-title">{t('directory.matching')}</h3>
      <ul className="c-dir-list">
        {matching.map((entry) => (
          <li key={entry.id}>
            <DirectoryEntryView entry={entry} idPrefix="coding-dir" headingLevel={4} />
          </li>
        ))}
      </ul>
    </section>
  );
}
