import { useTranslation } from 'react-i18next';
import type { VisitorState } from './chatClient.js';
import { PrivacyLink } from './PrivacyLink.js';
import { useFocusOnMount } from './useFocusOnMount.js';

export function EndedScreen({ state, onAgain, onPrivacy }: { state: VisitorState; onAgain: () => void; onPrivacy: () => void }) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const reason = state.conversation?.endReason;
  return (
    <main className="v-main">
      <h1 ref={heading} tabIndex={-1}>
        {t('ended.title')}
      </h1>
      <p>{reason === 'counsellor' ? t('ended.byCounsellor') : reason === 'visitor' ? t('ended.byVisitor') : t('ended.byOther')}</p>
      <p>{t('ended.thanks')}</p>
      <p className="notice v-danger">
        <strong>{t('ended.danger')}</strong>
      </p>
      <p className="muted">{t('ended.traces')}</p>
      <div className="v-actions">
        <button type="button" className="btn" onClick={onAgain}>
          {t('ended.again')}
        </button>
        <PrivacyLink onPrivacy={onPrivacy} />
      </div>
    </main>
  );
}
