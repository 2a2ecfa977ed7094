// Visibility, for visitors and partner pages, Romanian. DRAFT: not yet checked by a native speaker.
// Same keys as visibility.nl.ts; {min}, {max} and {when} are filled in by the widget.
import type { visibilityNl } from './visibility.nl.js';

type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

/** The widget's status badge alone: /embed.js takes only this. */
export const badgeRo: Same<(typeof visibilityNl)['badge']> = {
  link: 'Vorbește anonim cu un consilier',
  open: 'Deschis acum',
  busy: 'Aglomerat: poate trebuie să aștepți puțin',
  busyUpTo: 'Aglomerat: aștepți până la {max} minute',
  busyRange: 'Aglomerat: aștepți {min} - {max} minute',
  busyMore: 'Aglomerat: aștepți peste {min} minute',
  closed: 'Închis acum',
  closedUntil: 'Închis acum, deschidem din nou: {when}',
};

export const visibilityRo: Same<typeof visibilityNl> = {
  howFound: {
    question: 'Cum ne-ai găsit?',
    hint: 'Nu trebuie să răspunzi. Numărăm doar cât de des apare fiecare răspuns, nu cine îl dă.',
    answers: {
      search: 'Un motor de căutare',
      social_media: 'Rețele sociale',
      school: 'Școala',
      friend: 'Un prieten sau familia',
      professional: 'Un consilier sau asistent social',
      poster: 'Un afiș sau un pliant',
      other: 'Altceva',
    },
  },
  privacy: {
    title: 'Cum numărăm cum ne-ai găsit',
    text: 'Ai venit printr-un link, un afiș sau un site cu un cod? Atunci numărăm pe zi de câte ori codul a deschis pagina de start și câte conversații au început. Doar aceste numere, nu cine a fost: codul nu este păstrat cu conversația ta. La fel și pentru răspunsul tău la „Cum ne-ai găsit?”.',
  },
  badge: badgeRo,
};
