// Visibility, for visitors and partner pages, Bulgarian. DRAFT: not yet checked by a native speaker.
// Same keys as visibility.nl.ts; {min}, {max} and {when} are filled in by the widget.
import type { visibilityNl } from './visibility.nl.js';

type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

/** The widget's status badge alone: /embed.js takes only this. */
export const badgeBg: Same<(typeof visibilityNl)['badge']> = {
  link: 'Говори анонимно с консултант',
  open: 'Отворено сега',
  busy: 'Много хора: може да почакаш малко',
  busyUpTo: 'Много хора: чакане до {max} минути',
  busyRange: 'Много хора: чакане от {min} до {max} минути',
  busyMore: 'Много хора: чакане над {min} минути',
  closed: 'Затворено сега',
  closedUntil: 'Затворено сега, отваряме отново: {when}',
};

export const visibilityBg: Same<typeof visibilityNl> = {
  howFound: {
    question: 'Как ни намери?',
    hint: 'Не е нужно да отговаряш. Броим само колко често се дава всеки отговор, а не кой го дава.',
    answers: {
      search: 'Търсачка',
      social_media: 'Социални мрежи',
      school: 'Училище',
      friend: 'Приятел или семейство',
      professional: 'Консултант или социален работник',
      poster: 'Плакат или листовка',
      other: 'Нещо друго',
    },
  },
  privacy: {
    title: 'Как броим откъде ни намери',
    text: 'Дойде ли чрез линк, плакат или сайт с код? Тогава броим на ден колко пъти този код е отворил началната страница и колко разговора са започнали. Само тези числа, не кой е бил: кодът не се пази с твоя разговор. Същото важи и за отговора ти на „Как ни намери?“.',
  },
  badge: badgeBg,
};
