import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBranding } from './branding.js';
import { useAttentionCount } from './notices/titleBadge.js';
import { titleWithBadge } from './notices/noticeRules.js';

/** The service's logo and name (the administrator's, else "Baken"), as in the console's header; the page title also counts what needs her attention. */
export function BrandName() {
  const { t } = useTranslation();
  const { serviceName, logoUrl } = useBranding();
  const name = serviceName ? t('brandConsole', { name: serviceName }) : t('appName');
  const attention = useAttentionCount();
  useEffect(() => {
    document.title = titleWithBadge(name, attention);
  }, [name, attention]);
  return (
    <span className="c-brand" data-brand="">
      {logoUrl && <img className="c-brand-logo" src={logoUrl} alt="" height={28} />}
      <span className="c-brand-name">{name}</span>
    </span>
  );
}
