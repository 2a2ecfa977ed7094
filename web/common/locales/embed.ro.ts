// The partner widget (/embed.js), Romanian. DRAFT: not yet checked by a native speaker. Same keys as embed.nl.ts.
import type { embedNl } from './embed.nl.js';

export const embedRo: { [K in keyof typeof embedNl]: string } = {
  open: 'Chat anonim',
  region: 'Chat anonim',
  title: 'Chat anonim',
  frame: 'Chat anonim cu un consilier',
  close: 'Închide',
};
