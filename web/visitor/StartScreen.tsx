import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../src/protocol/limits.js';
import { checkNickname } from '../../src/protocol/visibleText.js';
import type { PreChatAnswers, VisitorState } from './chatClient.js';
import { ReturnCodeInput } from './ReturnCodeInput.js';
import { PrivacyLink } from './PrivacyLink.js';
import { PreChatStep } from './PreChatStep.js';
import { MailboxOffer } from './ClosedScreen.js';
import type { HowFoundAnswer } from '../../src/domain/visibility/howFoundAnswers.js';

interface StartProps {
  state: VisitorState;
  busy: boolean;
  /** The administrator asks "How did you find us?" before the chat. */
  askHowFound: boolean;
  onStart: (nickname: string, preChat: PreChatAnswers, returnCode: string | undefined, howFound: HowFoundAnswer | undefined) => void;
  onPrivacy: () => void;
  onMailbox: (mode: 'write' | 'read') => void;
}

export function StartScreen({ state, busy, askHowFound, onStart, onPrivacy, onMailbox }: StartProps) {
  const { t } = useTranslation();
  const [nickname, setNickname] = useState('');
  const [returnCode, setReturnCode] = useState('');
  const [step, setStep] = useState<'intro' | 'questions'>('intro');
  const [nicknameError, setNicknameError] = useState<'invisible' | 'too_long' | null>(null);
  const starting = state.phase === 'starting';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The rule the server applies: a name made only of invisible characters cannot be told apart.
    const checked = checkNickname(nickname, limits.nicknameMaxChars);
    if (!checked.ok) {
      setNicknameError(checked.reason);
      document.getElementById('nickname')?.focus();
      return;
    }
    setNicknameError(null);
    setNickname(checked.nickname ?? '');
    setStep('questions');
  };
  if (step === 'questions') {
    return (
      <PreChatStep
        starting={starting}
        error={state.error}
        askHowFound={askHowFound}
        onStart={(answers, howFound) => onStart(nickname, answers, returnCode.trim() || undefined, howFound)}
      />
    );
  }
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
            dir="auto"
            type="text"
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            maxLength={limits.nicknameMaxChars * 4}
            value={nickname}
            onChange={(e) => setNickname(e.target.value)}
            aria-describedby={nicknameError ? 'nickname-error nickname-hint' : 'nickname-hint'}
            aria-invalid={nicknameError ? true : undefined}
          />
          {nicknameError && (
            <span id="nickname-error" className="error-text" role="alert">
              {t(nicknameError === 'invisible' ? 'start.nicknameInvisible' : 'start.nicknameTooLong', { max: limits.nicknameMaxChars })}
            </span>
          )}
          <span id="nickname-hint" className="hint">
            {t('start.nicknameHint')}
          </span>
        </div>
        <details className="v-code-entry" open={returnCode !== '' || undefined}>
          <summary>{t('returnCode.enterToggle')}</summary>
          <div className="field">
            <label htmlFor="return-code">{t('returnCode.enterLabel')}</label>
            <ReturnCodeInput id="return-code" value={returnCode} onChange={setReturnCode} describedBy="return-code-hint" />
            <span id="return-code-hint" className="hint">
              {t('returnCode.enterHint')}
            </span>
          </div>
        </details>
        {state.error && (
          <p className="error-text" role="alert">
            {t(`errors.${state.error}`)}
          </p>
        )}
        <button type="submit" className="btn v-start-button" disabled={starting} aria-busy={starting}>
          {starting ? t('start.starting') : t('start.button')}
        </button>
      </form>
      {busy && <p className="notice notice-warn">{t('queue.busyStart')}</p>}
      <p className="notice v-danger">
        <strong>{t('start.danger')}</strong>
      </p>
      <MailboxOffer text={t('mailbox.cannotWait')} onMailbox={onMailbox} />
      <p className="muted">{t('start.safetyTip')}</p>
      <p className="muted v-touch-only">{t('quickExit.touchHint')}</p>
      <p>
        <PrivacyLink onPrivacy={onPrivacy} />
      </p>
    </main>
  );
}
