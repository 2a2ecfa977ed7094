// The chat beside the coding form, read-only: the coder needs to read it. Fetching it is
// audited as transcript.view, as reading it in the chat console is.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodingTranscriptResponse } from '../../../src/protocol/codingApi.js';
import type { WireMessage } from '../../../src/protocol/common.js';
import { clockTime } from '../../common/time.js';
import { MessageBody } from '../../common/MessageBody.js';
import { api, errorKey } from '../api.js';

export function CodingTranscript({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation();
  const [messages, setMessages] = useState<WireMessage[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setMessages(null);
    setError(null);
    api<CodingTranscriptResponse>('GET', `/api/codings/${encodeURIComponent(conversationId)}/transcript`)
      .then((r) => current && setMessages(r.messages))
      .catch((e: unknown) => current && setError(errorKey(e)));
    return () => {
      current = false;
    };
  }, [conversationId]);

  return (
    <section className="c-coding-transcript" aria-labelledby="coding-transcript-title">
      <h2 id="coding-transcript-title">{t('coding.transcript')}</h2>
      {error && (
        <p className="error-text" role="alert">
          {t(error)}
        </p>
      )}
      {messages && messages.length === 0 && <p className="muted">{t('coding.transcriptEmpty')}</p>}
      {messages && messages.length > 0 && (
        <div className="c-messages c-coding-messages" role="log" aria-labelledby="coding-transcript-title" tabIndex={0}>
          {messages.map((m) => (
            <div key={m.seq} className={`c-msg c-msg-${m.sender}`} data-seq={m.seq}>
              <span className="c-msg-who">
                {m.sender === 'visitor' ? t('coding.visitor') : m.sender === 'system' ? t('chat.system') : (m.senderName ?? t('coding.counsellor'))}
                <span className="c-msg-time"> · {clockTime(m.createdAt, i18n.language)}</span>
              </span>
              <MessageBody sender={m.sender} body={m.body} links={false} namespace="systemMessages" />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
