import { useTranslation } from 'react-i18next';
import { howFoundAnswers, type HowFoundAnswer } from '../../src/domain/visibility/howFoundAnswers.js';

/** The optional "How did you find us?" in the questions before the chat: fixed answers only. */
export function HowFoundQuestion({ value, onChange }: { value: HowFoundAnswer | undefined; onChange: (answer: HowFoundAnswer) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="v-question" aria-describedby="how-found-hint">
      <legend>{t('visibility.howFound.question')}</legend>
      <p id="how-found-hint" className="hint">
        {t('visibility.howFound.hint')}
      </p>
      <div className="v-options">
        {howFoundAnswers.map((answer) => (
          <label key={answer} className="v-option">
            <input type="radio" name="howFound" value={answer} checked={value === answer} onChange={() => onChange(answer)} />
            <span>{t(`visibility.howFound.answers.${answer}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
