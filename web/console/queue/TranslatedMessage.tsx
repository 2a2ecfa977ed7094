// A visitor's message with its machine translation (made on the server when translation is on):
// both shown, each marked, so the counsellor always knows which words are hers.
import { useTranslation } from 'react-i18next';
import type { StoredMessage } from '../../../src/domain/conversation/messageLog.js';
import type { MessageTranslation } from '../../../src/protocol/translation.js';
import { PlainText } from '../../common/PlainText.js';

export function translationOf(message: StoredMessage): MessageTranslation | undefined {
  return (message as StoredMessage & { translation?: MessageTranslation }).translation;
}

export function TranslatedMessage({ body, translation, links }: { body: string; translation: MessageTranslation; links: boolean }) {
  const { t } = useTranslation();
  const from = translation.from.toUpperCase();
  const to = translation.to.toUpperCase();
  return (
    <div className="c-translated">
      <div className="c-original" lang={translation.from}>
        <span className="c-translation-mark">{t('machineTranslation.original', { from })}</span>
        <PlainText text={body} links={links} />
      </div>
      <div className="c-translation" lang={translation.to}>
        <span className="c-translation-mark">{t('machineTranslation.translated', { from, to })}</span>
        <PlainText text={translation.body} links={links} />
      </div>
    </div>
  );
}
