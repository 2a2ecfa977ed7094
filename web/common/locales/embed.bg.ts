// The partner widget (/embed.js), Bulgarian. DRAFT: not yet checked by a native speaker. Same keys as embed.nl.ts.
import type { embedNl } from './embed.nl.js';

export const embedBg: { [K in keyof typeof embedNl]: string } = {
  open: 'Анонимен чат',
  region: 'Анонимен чат',
  title: 'Анонимен чат',
  frame: 'Анонимен чат с консултант',
  close: 'Затвори',
};
