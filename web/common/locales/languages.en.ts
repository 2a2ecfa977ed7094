// Console strings about the visitor languages, English. Same keys as languages.nl.ts.
import type { languagesNl } from './languages.nl.js';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const languagesEn: Shape<typeof languagesNl> = {
  languages: {
    settingsTitle: 'Languages for visitors',
    settingsIntro: 'Visitors can use the chat in these languages. A language that is switched off is not offered: the visitor then sees Dutch.',
    draft: 'draft translation',
    draftHint: 'Draft translation: not yet checked by a native speaker.',
    offer: 'Offer {{name}}',
    always: 'default language, always on',
    staffColumn: 'Languages',
    staffLegend: 'Languages {{name}} chats in',
    newStaffLegend: 'Languages the staff member chats in',
    staffHint: 'Chats in these languages are offered to this staff member first.',
    atLeastOne: 'Choose at least one language.',
    chatLanguage: 'Visitor’s language: {{name}} ({{code}})',
    // What the visitor reads: the same in both consoles.
    card112: {
      pl: 'Czy jesteś teraz w niebezpieczeństwie? Zadzwoń pod 112. To nic nie kosztuje, także bez środków na koncie. Zostaję tu na czacie.',
      ro: 'Ești în pericol acum? Sună la 112. Este gratuit, chiar și fără credit. Eu rămân aici în chat.',
      bg: 'В опасност ли си сега? Обади се на 112. Безплатно е, дори без кредит. Оставам тук в чата.',
      uk: 'Ти зараз у небезпеці? Дзвони 112. Це безкоштовно, навіть без грошей на рахунку. Я залишаюся тут у чаті.',
      ar: 'هل أنت في خطر الآن؟ اتصل بالرقم 112. الاتصال مجاني، حتى بدون رصيد. سأبقى هنا في الدردشة.',
    },
  },
};
