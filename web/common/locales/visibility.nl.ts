// Visibility, for visitors and partner pages, Dutch (B1): the optional "Hoe heb je ons gevonden?"
// before the chat (visitor page), and the live status the partner widget and badge show
// (bundled into /embed.js). The English file has the same keys; more languages can follow.

/** The partner widget's and badge's words: exported apart, so /embed.js bundles only these. */
export const badgeNl = {
  link: 'Chat anoniem met een hulpverlener',
  open: 'Nu open',
  busy: 'Druk: je moet misschien even wachten',
  busyUpTo: 'Druk: wachttijd tot {max} minuten',
  busyRange: 'Druk: wachttijd {min} tot {max} minuten',
  busyMore: 'Druk: wachttijd meer dan {min} minuten',
  closed: 'Nu gesloten',
  closedUntil: 'Nu gesloten, weer open {when}',
};

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
  privacy: {
    title: 'Hoe we tellen hoe je ons vond',
    text: 'Kwam je via een link, poster of website met een code? Dan tellen we per dag hoe vaak die code de startpagina opende en hoeveel gesprekken begonnen. Alleen die aantallen, niet wie het was: de code wordt niet bij je gesprek bewaard. Hetzelfde geldt voor je antwoord op "Hoe heb je ons gevonden?".',
  },
  badge: badgeNl,
};
