// The partner widget (/embed.js), Ukrainian. DRAFT: not yet checked by a native speaker. Same keys as embed.nl.ts.
import type { embedNl } from './embed.nl.js';

export const embedUk: { [K in keyof typeof embedNl]: string } = {
  open: 'Анонімний чат',
  region: 'Анонімний чат',
  title: 'Анонімний чат',
  frame: 'Анонімний чат з консультантом',
  close: 'Закрити',
};
