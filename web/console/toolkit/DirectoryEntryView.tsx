// One organisation as counsellors read it: what they do, for whom, how to reach them, when,
// and a clear mark when its details still need checking.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { inLanguage } from '../../../src/domain/toolkit/directoryCard.js';
import type { DirectoryEntry } from '../../../src/protocol/toolkitApi.js';

/** `idPrefix` keeps ids unique where the same entry shows in two places (a chat and the coding form). */
export function DirectoryEntryView({ entry, idPrefix, headingLevel = 3, actions }: { entry: DirectoryEntry; idPrefix: string; headingLevel?: 3 | 4; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const { ageMin, ageMax, region, languages } = entry.forWhom;
  const ages =
    ageMin !== null && ageMax !== null
      ? t('directory.ages', { min: ageMin, max: ageMax })
      : ageMin !== null
        ? t('directory.agesFrom', { min: ageMin })
        : ageMax !== null
          ? t('directory.agesTo', { max: ageMax })
          : '';
  const forWhom = [ages, region, languages.map((l) => l.toUpperCase()).join(', ')].filter(Boolean).join(' · ');
  const hours = inLanguage(entry.hours, lang);
  const headingId = `${idPrefix}-${entry.id}`;
  return (
    <article className="c-dir-entry" aria-labelledby={headingId} data-entry={entry.name}>
      <Heading id={headingId} className="c-dir-name">
        {entry.name}
        {entry.checkBeforeUse && <span className="c-tag c-tag-check"> {t('toolkit.checkBeforeUse')}</span>}
      </Heading>
      <p className="c-dir-what">{inLanguage(entry.what, lang)}</p>
      <dl className="c-dir-facts">
        {forWhom && (
          <>
            <dt>{t('directory.forWhom')}</dt>
            <dd>{forWhom}</dd>
          </>
        )}
        {(entry.contact.phone || entry.contact.website || entry.contact.chat) && (
          <>
            <dt>{t('directory.reach')}</dt>
            <dd>
              {[
                entry.contact.phone && `${t('directory.card.phone')}: ${entry.contact.phone}`,
                entry.contact.website && `${t('directory.card.website')}: ${entry.contact.website}`,
                entry.contact.chat && entry.contact.chat !== entry.contact.website && `${t('directory.card.chat')}: ${entry.contact.chat}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </dd>
          </>
        )}
        {hours && (
          <>
            <dt>{t('directory.when')}</dt>
            <dd>{hours}</dd>
          </>
        )}
      </dl>
      {entry.checkBeforeUse && <p className="c-small muted">{t('toolkit.checkBeforeUseHint')}</p>}
      {actions && <div className="c-row">{actions}</div>}
    </article>
  );
}
