import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../src/protocol/limits.js';
import type { VisitorState } from './chatClient.js';

export function StartScreen({ state, onStart, onPrivacy }: { state: VisitorState; onStart: (nickname: string) => void; onPrivacy: () => void }) {
  const { t } = useTranslation();
  const [nickname, setNickname] = useState('');
  const starting = state.phase === 'starting';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!starting) onStart(nickname);
  };
  return (
    <main className="v-main">
      <h1>{t('start.title')}</h1>
      <p>{t('start.intro')}</p>
      <ul className="v-points">
        <li>{t('start.anonymous')}</li>
        <li>{t('start.free')}</li>
      </ul>
      {state.lostPrevious && <p className="notice notice-warn">{t('lost')}</p>}
      <form className="card v-start-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="nickname">{t('start.nicknameLabel')}</label>
          <input
            id="nickname"
            type="text"
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            maxLength={limits.nicknameMaxChars}
            value={nickname}
            onChange={(e) => setNickname(e.target.value)}
            aria-describedby="nickname-hint"
          />
          <span id="nickname-hint" className="hint">
            {t('start.nicknameHint')}
          </span>
        </div>
        {state.error && (
          <p className="error-text" role="alert">
            {t(`errors.${state.error}`)}
          </p>
        )}
        <button type="submit" className="btn v-start-button" disabled={starting} aria-busy={starting}>
          {starting ? t('start.starting') : t('start.button')}
        </button>
      </form>
      <p className="notice v-danger">
        <strong>{t('start.danger')}</strong>
      </p>
      <p className="muted">{t('start.safetyTip')}</p>
      <p>
        <a
          href="/privacy"
          onClick={(e) => {
            e.preventDefault();
            onPrivacy();
          }}
        >
          {t('start.privacyLink')}
        </a>
      </p>
    </main>
  );
}
