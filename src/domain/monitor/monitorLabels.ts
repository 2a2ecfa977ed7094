import type { LocalizedText } from '../codebook/codebookSchema.js';

// Labels for rows and columns the monitor adds itself (option labels come from the codebook),
// so the report object is self-describing in both languages.
const labels = {
  total: { nl: 'Totaal', en: 'Total' },
  count: { nl: 'Aantal', en: 'Count' },
  unknown: { nl: 'Onbekend', en: 'Unknown' },
  missing: { nl: 'Niet gecodeerd', en: 'Not coded' },
  yes: { nl: 'Ja', en: 'Yes' },
  no: { nl: 'Nee', en: 'No' },
  minor: { nl: 'Minderjarig', en: 'Minor' },
  adult: { nl: 'Meerderjarig', en: 'Adult' },
  ageUnknown: { nl: 'Leeftijd onbekend', en: 'Age unknown' },
  atMost15: { nl: '15 jaar of jonger', en: '15 or younger' },
  age16to17: { nl: '16–17 jaar', en: '16–17 years' },
  minors: { nl: 'Kinderen (<18)', en: 'Children (<18)' },
  under15OfMinors: { nl: 'Jonger dan 15 (% van minderjarigen)', en: 'Younger than 15 (% of minors)' },
  atMost15OfMinors: { nl: '15 of jonger (% van minderjarigen)', en: '15 or younger (% of minors)' },
  minorsOfKnown: { nl: 'Minderjarig (% van bekende leeftijd)', en: 'Minors (% of known age)' },
  adultsOfKnown: { nl: 'Meerderjarig (% van bekende leeftijd)', en: 'Adults (% of known age)' },
  knownAge: { nl: 'Leeftijd bekend', en: 'Age known' },
  conversations: { nl: 'Gesprekken', en: 'Conversations' },
  uniqueVisitors: { nl: 'Unieke bezoekers', en: 'Unique visitors' },
  counselling: { nl: 'Met hulpvraag', en: 'Counselling contacts' },
  traffickingQuestion: { nl: 'Met vraag over mensenhandel', en: 'With a question about human trafficking' },
  victims: { nl: 'Slachtoffer zelf', en: 'Victims themselves' },
  thirdParties: { nl: 'Derden', en: 'Third parties' },
  thirdPartyAll: { nl: 'Derden (alle)', en: 'Third parties (all)' },
  nonCounsellingAll: { nl: 'Geen hulpvraag (alle)', en: 'Non-counselling (all)' },
  anyParent: { nl: 'Ten minste één ouder', en: 'At least one parent' },
  knewOrShouldHaveKnown: { nl: 'Wist het of had het moeten weten', en: 'Knew or should have known' },
  sexual: { nl: 'Seksuele uitbuiting', en: 'Sexual exploitation' },
  criminal: { nl: 'Criminele uitbuiting', en: 'Criminal exploitation' },
  victimsKnownAge: { nl: 'Slachtoffers met bekende leeftijd', en: 'Victims with known age' },
} as const satisfies Record<string, LocalizedText>;

export type MonitorLabelKey = keyof typeof labels;

export function monitorLabel(key: MonitorLabelKey): LocalizedText {
  return labels[key];
}
