import { useTranslation } from 'react-i18next';
import { isSystemMessageKey } from '../../src/protocol/systemMessages.js';
import { PlainText } from './PlainText.js';

/**
 * A stored message's text. Lines Baken itself wrote arrive as a key and are shown in the
 * reader's language from `namespace` (`system` on the visitor page, `systemMessages` in the
 * console); everything else is plain text.
 */
export function MessageBody({ sender, body, links, namespace, className }: { sender: string; body: string; links: boolean; namespace: 'system' | 'systemMessages'; className?: string }) {
  const { t } = useTranslation();
  if (sender === 'system' && isSystemMessageKey(body)) {
    return <span className={className} dir="auto">{t(`${namespace}.${body}`)}</span>;
  }
  return <PlainText text={body} links={links} {...(className ? { className } : {})} />;
}
