import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../src/protocol/ack.js';
import type { AgeBand, PreChatTopic } from '../../src/domain/triage/preChatAnswers.js';
import type { PreChatAnswers } from './chatClient.js';
import { useFocusOnMount } from './useFocusOnMount.js';
import { HowFoundQuestion } from './HowFoundQuestion.js';
import type { HowFoundAnswer } from '../../src/domain/visibility/howFoundAnswers.js';

// Listed here rather than imported, so the visitor bundle does not pull in zod.
const AGE_BANDS: readonly AgeBand[] = ['under_12', '12_15', '16_17', '18_23', '24_plus'];
const PRE_CHAT_TOPICS: readonly PreChatTopic[] = ['about_me', 'about_someone_else', 'information', 'other'];

/**
 * The optional questions before the chat. Skipping is one tap (the first button); "in danger
 * now: yes" shows 112 at once, above everything else in the step.
 */
export function PreChatStep({
  starting,
  error,
  askHowFound,
  onStart,
}: {
  starting: boolean;
  error: ErrorCode | null;
  askHowFound: boolean;
  onStart: (answers: PreChatAnswers, howFound: HowFoundAnswer | undefined) => void;
}) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [answers, setAnswers] = useState<PreChatAnswers>({});
  const [howFound, setHowFound] = useState<HowFoundAnswer | undefined>(undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!starting) onStart(answers, askHowFound ? howFound : undefined);
  };
  return (
    <main className="v-main v-prechat">
      <h1 ref={heading} tabIndex={-1}>
        {t('prechat.title')}
      </h1>
      <p>{t('prechat.intro')}</p>
      <button type="button" className="btn btn-secondary v-skip" disabled={starting} onClick={() => onStart({}, undefined)}>
        {t('prechat.skip')}
      </button>
      <form onSubmit={submit} noValidate>
        <fieldset className="v-question">
          <legend>{t('prechat.dangerQuestion')}</legend>
          <div className="v-options">
            {(['yes', 'no', 'skip'] as const).map((value) => (
              <label key={value} className="v-option">
                <input
                  type="radio"
                  name="inDangerNow"
                  value={value}
                  checked={answers.inDangerNow === value}
                  onChange={() => setAnswers({ ...answers, inDangerNow: value })}
                />
                <span>{t(`prechat.danger${value === 'yes' ? 'Yes' : value === 'no' ? 'No' : 'Skip'}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {answers.inDangerNow === 'yes' && (
          <div className="v-112" role="alert">
            <p>
              <strong>{t('prechat.dangerNow')}</strong>
            </p>
            <a className="btn btn-danger v-112-call" href="tel:112">
              {t('prechat.call112')}
            </a>
          </div>
        )}
        <fieldset className="v-question">
          <legend>{t('prechat.ageQuestion')}</legend>
          <div className="v-options">
            {AGE_BANDS.map((band) => (
              <label key={band} className="v-option">
                <input type="radio" name="ageBand" value={band} checked={answers.ageBand === band} onChange={() => setAnswers({ ...answers, ageBand: band })} />
                <span>{t(`prechat.age.${band}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="v-question">
          <legend>{t('prechat.topicQuestion')}</legend>
          <div className="v-options">
            {PRE_CHAT_TOPICS.map((topic) => (
              <label key={topic} className="v-option">
                <input type="radio" name="topic" value={topic} checked={answers.topic === topic} onChange={() => setAnswers({ ...answers, topic })} />
                <span>{t(`prechat.topic.${topic}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {askHowFound && <HowFoundQuestion value={howFound} onChange={setHowFound} />}
        {error && (
          <p className="error-text" role="alert">
            {t(`errors.${error}`)}
          </p>
        )}
        <button type="submit" className="btn v-start-button" disabled={starting} aria-busy={starting}>
          {starting ? t('start.starting') : t('prechat.go')}
        </button>
      </form>
    </main>
  );
}
