// Visibility, for visitors and partner pages, English. Same keys as visibility.nl.ts.
import type { badgeNl, visibilityNl } from './visibility.nl.js';

type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

export const badgeEn: Same<typeof badgeNl> = {
  link: 'Chat anonymously with a counsellor',
  open: 'Open now',
  busy: 'Busy: you may have to wait a little',
  busyUpTo: 'Busy: waiting time up to {max} minutes',
  busyRange: 'Busy: waiting time {min} to {max} minutes',
  busyMore: 'Busy: waiting time more than {min} minutes',
  closed: 'Closed now',
  closedUntil: 'Closed now, open again {when}',
};

export const visibilityEn: Same<typeof visibilityNl> = {
  howFound: {
    question: 'How did you find us?',
    hint: 'You do not have to answer. We only count how often each answer is given, not by whom.',
    answers: {
      search: 'A search engine',
      social_media: 'Social media',
      school: 'School',
      friend: 'A friend or family',
      professional: 'A counsellor or social worker',
      poster: 'A poster or leaflet',
      other: 'Something else',
    },
  },
  privacy: {
    title: 'How we count how you found us',
    text: 'Did you come through a link, poster or website with a code? Then we count per day how often that code opened the start page and how many chats started. Only those numbers, not who it was: the code is not kept with your chat. The same goes for your answer to "How did you find us?".',
  },
  badge: badgeEn,
};
