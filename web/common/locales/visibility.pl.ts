// Visibility, for visitors and partner pages, Polish. DRAFT: not yet checked by a native speaker.
// Same keys as visibility.nl.ts; {min}, {max} and {when} are filled in by the widget.
import type { visibilityNl } from './visibility.nl.js';

type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

/** The widget's status badge alone: /embed.js takes only this. */
export const badgePl: Same<(typeof visibilityNl)['badge']> = {
  link: 'Porozmawiaj anonimowo z doradcą',
  open: 'Teraz otwarte',
  busy: 'Dużo osób: możesz chwilę poczekać',
  busyUpTo: 'Dużo osób: czekanie do {max} minut',
  busyRange: 'Dużo osób: czekanie od {min} do {max} minut',
  busyMore: 'Dużo osób: czekanie ponad {min} minut',
  closed: 'Teraz zamknięte',
  closedUntil: 'Teraz zamknięte, otwieramy znowu: {when}',
};

export const visibilityPl: Same<typeof visibilityNl> = {
  howFound: {
    question: 'Jak nas znalazłeś/znalazłaś?',
    hint: 'Nie musisz odpowiadać. Liczymy tylko, jak często pada każda odpowiedź, a nie kto jej udziela.',
    answers: {
      search: 'Wyszukiwarka',
      social_media: 'Media społecznościowe',
      school: 'Szkoła',
      friend: 'Przyjaciel lub rodzina',
      professional: 'Doradca lub pracownik socjalny',
      poster: 'Plakat lub ulotka',
      other: 'Coś innego',
    },
  },
  privacy: {
    title: 'Jak liczymy, skąd nas znasz',
    text: 'Czy trafiłaś tu przez link, plakat albo stronę z kodem? Wtedy liczymy każdego dnia, ile razy ten kod otworzył stronę startową i ile rozmów się zaczęło. Tylko te liczby, nie kto to był: kodu nie zapisujemy przy twojej rozmowie. To samo dotyczy twojej odpowiedzi na pytanie „Jak nas znalazłeś/znalazłaś?”.',
  },
  badge: badgePl,
};
