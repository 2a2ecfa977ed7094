// The partner widget (/embed.js), Arabic. DRAFT: not yet checked by a native speaker. Same keys as embed.nl.ts.
import type { embedNl } from './embed.nl.js';

export const embedAr: { [K in keyof typeof embedNl]: string } = {
  open: 'دردشة مجهولة الهوية',
  region: 'دردشة مجهولة الهوية',
  title: 'دردشة مجهولة الهوية',
  frame: 'دردشة مجهولة الهوية مع مرشد',
  close: 'إغلاق',
};
