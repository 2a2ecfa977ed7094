// The Dutch organisations most chats refer to, shipped once with a new installation
// (migration 015). Written from general knowledge without checking a source, so every entry
// says "check before use": a supervisor or administrator verifies numbers, hours and addresses
// and clears the mark.
import type { DirectoryContentInput } from './directoryEntry.js';

const everywhere = 'Heel Nederland';

export const starterDirectory: readonly DirectoryContentInput[] = [
  {
    name: '112 (alarmnummer)',
    what: { nl: 'Voor spoed: als iemand nu in gevaar is. Politie, ambulance en brandweer.', en: 'For emergencies: when someone is in danger right now. Police, ambulance and fire brigade.' },
    forWhom: { region: everywhere, languages: ['nl', 'en'] },
    contact: { phone: '112' },
    hours: { nl: 'Altijd, dag en nacht', en: 'Always, day and night' },
    referralCodes: ['emergency'],
    checkBeforeUse: true,
  },
  {
    name: 'Politie (mensenhandel)',
    what: {
      nl: 'Aangifte doen of hulp vragen bij mensenhandel en uitbuiting. Geen spoed: bel 0900-8844. Wel spoed: bel 112.',
      en: 'Report human trafficking or exploitation, or ask for help. Not urgent: call 0900-8844. Urgent: call 112.',
    },
    forWhom: { region: everywhere, languages: ['nl', 'en'] },
    contact: { phone: '0900-8844', website: 'https://www.politie.nl' },
    hours: { nl: 'Altijd bereikbaar', en: 'Always available' },
    referralCodes: ['police'],
    checkBeforeUse: true,
  },
  {
    name: 'Veilig Thuis',
    what: {
      nl: 'Advies en hulp bij huiselijk geweld en kindermishandeling. Ook voor melden. Gratis bellen.',
      en: 'Advice and help with domestic violence and child abuse, and for reporting it. Free to call.',
    },
    forWhom: { region: everywhere, languages: ['nl'] },
    contact: { phone: '0800-2000', website: 'https://www.veiligthuis.nl' },
    hours: { nl: 'Altijd, dag en nacht', en: 'Always, day and night' },
    referralCodes: ['veilig_thuis'],
    checkBeforeUse: true,
  },
  {
    name: 'CoMensha',
    what: {
      nl: 'Landelijk centrum tegen mensenhandel. Regelt opvang en zorg voor slachtoffers, samen met hulpverleners.',
      en: 'National centre against human trafficking. Arranges shelter and care for victims, together with care workers.',
    },
    forWhom: { region: everywhere, languages: ['nl', 'en'] },
    contact: { website: 'https://www.comensha.nl' },
    hours: { nl: 'Kantoortijden', en: 'Office hours' },
    referralCodes: ['other_referral'],
    checkBeforeUse: true,
  },
  {
    name: 'De Kindertelefoon',
    what: { nl: 'Praten over alles wat je bezighoudt. Anoniem en gratis, bellen of chatten.', en: 'Talk about anything on your mind. Anonymous and free, by phone or chat.' },
    forWhom: { ageMin: 8, ageMax: 18, region: everywhere, languages: ['nl'] },
    contact: { phone: '0800-0432', website: 'https://www.kindertelefoon.nl', chat: 'https://www.kindertelefoon.nl' },
    hours: { nl: 'Elke dag, zie de website voor de tijden', en: 'Every day, see the website for the times' },
    referralCodes: ['other_referral'],
    checkBeforeUse: true,
  },
  {
    name: 'Jeugdbescherming',
    what: {
      nl: 'Beschermt kinderen als het thuis niet veilig is, meestal na een besluit van de rechter. Contact loopt vaak via Veilig Thuis of de gemeente.',
      en: 'Protects children when home is not safe, usually after a court decision. Contact often goes through Veilig Thuis or the municipality.',
    },
    forWhom: { ageMin: 0, ageMax: 18, region: 'Per regio', languages: ['nl'] },
    contact: {},
    hours: { nl: 'Kantoortijden, per regio verschillend', en: 'Office hours, different per region' },
    referralCodes: ['youth_protection'],
    checkBeforeUse: true,
  },
  {
    name: 'Fier',
    what: {
      nl: 'Opvang en behandeling voor jongeren die slachtoffer zijn van geweld in afhankelijkheidsrelaties, zoals mensenhandel en loverboys.',
      en: 'Shelter and treatment for young people who are victims of violence in relationships of dependency, such as trafficking and loverboys.',
    },
    forWhom: { region: everywhere, languages: ['nl'] },
    contact: { website: 'https://www.fier.nl' },
    hours: { nl: 'Zie de website', en: 'See the website' },
    referralCodes: ['other_referral'],
    checkBeforeUse: true,
  },
  {
    name: 'Slachtofferhulp Nederland',
    what: {
      nl: 'Gratis hulp en advies na een misdrijf, een ongeval of een ramp. Ook hulp bij aangifte en rechtszaak.',
      en: 'Free help and advice after a crime, an accident or a disaster. Also help with reporting and court cases.',
    },
    forWhom: { region: everywhere, languages: ['nl', 'en'] },
    contact: { phone: '0900-0101', website: 'https://www.slachtofferhulp.nl' },
    hours: { nl: 'Werkdagen, zie de website voor de tijden', en: 'Working days, see the website for the times' },
    referralCodes: ['other_referral'],
    checkBeforeUse: true,
  },
  {
    name: 'Helpwanted.nl',
    what: {
      nl: 'Hulp als er naaktfoto’s of seksuele filmpjes van je online staan of rondgaan. Helpt ze te laten verwijderen.',
      en: 'Help when nude photos or sexual videos of you are online or being shared. Helps to get them removed.',
    },
    forWhom: { region: everywhere, languages: ['nl', 'en'] },
    contact: { website: 'https://www.helpwanted.nl', chat: 'https://www.helpwanted.nl' },
    hours: { nl: 'Zie de website', en: 'See the website' },
    referralCodes: ['other_referral'],
    checkBeforeUse: true,
  },
  {
    name: 'Centrum Seksueel Geweld',
    what: {
      nl: 'Hulp direct na verkrachting of aanranding: medische zorg, onderzoek en praten. Kom het liefst binnen 7 dagen. Gratis bellen.',
      en: 'Help right after rape or sexual assault: medical care, examination and someone to talk to. Best within 7 days. Free to call.',
    },
    forWhom: { region: everywhere, languages: ['nl', 'en'] },
    contact: { phone: '0800-0188', website: 'https://www.centrumseksueelgeweld.nl' },
    hours: { nl: 'Altijd, dag en nacht', en: 'Always, day and night' },
    referralCodes: ['medical'],
    checkBeforeUse: true,
  },
];
