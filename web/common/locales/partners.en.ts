// The console's partner and visibility screens, English. Same keys as partners.nl.ts.
import type { partnersNl } from './partners.nl.js';

type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

export const partnersEn: Same<typeof partnersNl> = {
  partners: {
    title: 'Partners and referrals',
    intro: 'A referral token goes in the link (?via=token), on a poster or in a partner\'s widget (data-source). Per day we count how often the start page was opened with it and how many chats started after that. Never per visitor, and the token is not kept with the chat.',
    listLabel: 'Referral tokens',
    none: 'No referral tokens yet.',
    label: 'Name',
    token: 'Token',
    tokenHint: 'Lowercase letters a–z, digits and hyphens, 1 to 32 characters. For example: school-west',
    kind: 'Kind',
    kinds: { partner: 'Partner', campaign: 'Campaign', poster: 'Poster' },
    link: 'Link',
    add: 'Add token',
    added: 'Referral token {{token}} added.',
    taken: 'This token exists already.',
    remove: 'Remove',
    removeLabel: 'Remove: {{label}}',
    removed: 'Referral token {{token}} removed. Its counts stay.',
    poster: 'Poster',
    posterLabel: 'Poster: {{label}} (opens in a new tab)',
    widgetHint: 'For the widget: <script src="…/embed.js" defer data-source="token"></script>, and a badge with the status: <div data-baken-badge></div>.',
    askHowFound: 'Ask visitors "How did you find us?" before the chat',
    askHowFoundHint: 'Fixed answers, optional. Only the number per answer per day is counted.',
    askHowFoundSaved: 'Saved.',
  },
  poster: {
    title: 'Poster',
    line: 'Chat anonymously with a counsellor. Free, and you do not have to say who you are.',
    scan: 'Scan the code or go to',
    qr: 'QR code with the link {{link}}',
    print: 'Print',
    back: 'Back to the console',
    notFound: 'This referral token does not exist (any more).',
  },
  visibility: {
    title: 'Visibility',
    intro: 'How often the start page was opened with a referral token and how many chats started, per source. Small counts are hidden, as in the monitor.',
    from: 'From',
    to: 'Up to and including',
    show: 'Show',
    empty: 'No counts in this period.',
  },
};
