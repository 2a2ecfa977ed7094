// The partner widget (/embed.js), Polish. DRAFT: not yet checked by a native speaker. Same keys as embed.nl.ts.
import type { embedNl } from './embed.nl.js';

export const embedPl: { [K in keyof typeof embedNl]: string } = {
  open: 'Czat anonimowy',
  region: 'Anonimowy czat',
  title: 'Anonimowy czat',
  frame: 'Anonimowy czat z doradcą',
  close: 'Zamknij',
};
