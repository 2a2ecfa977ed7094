// Visibility, for visitors and partner pages, Dutch (B1): the optional "Hoe heb je ons gevonden?"
// before the chat (visitor page), and the live status the partner widget and badge show
// (bundled into /embed.js). The English file has the same keys; more languages can follow.
export const visibilityNl = {
  howFound: {
    question: 'Hoe heb je ons gevonden?',
    hint: 'Dit hoeft niet. We tellen alleen hoe vaak elk antwoord komt, niet van wie.',
    answers: {
      search: 'Via een zoekmachine',
      social_media: 'Via sociale media',
      school: 'Via school',
      friend: 'Via een vriend of familie',
      professional: 'Via een hulpverlener',
      poster: 'Via een poster of folder',
      other: 'Anders',
    },
  },
  badge: {
    link: 'Chat anoniem met een hulpverlener',
    open: 'Nu open',
    busy: 'Druk: je moet misschien even wachten',
    busyUpTo: 'Druk: wachttijd tot {max} minuten',
    busyRange: 'Druk: wachttijd {min} tot {max} minuten',
    busyMore: 'Druk: wachttijd meer dan {min} minuten',
    closed: 'Nu gesloten',
    closedUntil: 'Nu gesloten, weer open {when}',
  },
};
