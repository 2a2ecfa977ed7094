// Visibility, for visitors and partner pages, Ukrainian. DRAFT: not yet checked by a native speaker.
// Same keys as visibility.nl.ts; {min}, {max} and {when} are filled in by the widget.
import type { visibilityNl } from './visibility.nl.js';

type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

/** The widget's status badge alone: /embed.js takes only this. */
export const badgeUk: Same<(typeof visibilityNl)['badge']> = {
  link: 'Поговори анонімно з консультантом',
  open: 'Зараз відкрито',
  busy: 'Багато людей: можливо, доведеться трохи зачекати',
  busyUpTo: 'Багато людей: чекати до {max} хв',
  busyRange: 'Багато людей: чекати {min}–{max} хв',
  busyMore: 'Багато людей: чекати понад {min} хв',
  closed: 'Зараз закрито',
  closedUntil: 'Зараз закрито, знову відкриємося: {when}',
};

export const visibilityUk: Same<typeof visibilityNl> = {
  howFound: {
    question: 'Як ти нас знайшов/знайшла?',
    hint: 'Відповідати не обов’язково. Ми лише рахуємо, як часто дають кожну відповідь, а не хто.',
    answers: {
      search: 'Пошукова система',
      social_media: 'Соцмережі',
      school: 'Школа',
      friend: 'Друг або родина',
      professional: 'Консультант або соціальний працівник',
      poster: 'Плакат або листівка',
      other: 'Щось інше',
    },
  },
  privacy: {
    title: 'Як ми рахуємо, звідки ти про нас дізналася',
    text: 'Ти прийшла через посилання, плакат або сайт із кодом? Тоді ми щодня рахуємо, скільки разів цей код відкрив стартову сторінку і скільки розмов почалося. Лише ці числа, а не хто це був: код не зберігається з твоєю розмовою. Те саме стосується твоєї відповіді на «Як ти нас знайшла?».',
  },
  badge: badgeUk,
};
