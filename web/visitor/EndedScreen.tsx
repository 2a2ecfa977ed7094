import { useTranslation } from 'react-i18next';
import type { VisitorState } from './chatClient.js';
import { PrivacyLink } from './PrivacyLink.js';
import { PlainText } from '../common/PlainText.js';
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
      {state.lastWords && (
        <section className="v-last-words" aria-labelledby="last-words-title">
          <h2 id="last-words-title">{state.lastWords.name ? t('ended.lastWordsFrom', { name: state.lastWords.name }) : t('ended.lastWords')}</h2>
          <p className="v-msg-body" dir="auto">
            <PlainText text={state.lastWords.body} />
          </p>
          <p className="muted c-small">{t('ended.lastWordsGone')}</p>
        </section>
      )}
      {state.returnCode && (
        <p className="notice">
          {t('ended.returnCode')} <strong className="v-code-inline">{state.returnCode}</strong>
        </p>
      )}
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
