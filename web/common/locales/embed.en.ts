// The partner widget (/embed.js) on a partner's page, English. Same keys as embed.nl.ts.
import type { embedNl } from './embed.nl.js';

export const embedEn: { [K in keyof typeof embedNl]: string } = {
  open: 'Chat anonymously',
  region: 'Anonymous chat',
  title: 'Anonymous chat',
  frame: 'Anonymous chat with a counsellor',
  close: 'Close',
};
